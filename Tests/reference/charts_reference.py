#!/usr/bin/env python3
"""Reference values for ReportCharts (histogram bins, box-plot statistics, dendrograms).

Writes Tests/Fixtures/charts/histogram_bins.json, box_stats.json and dendrogram.json.

Semantics:
  * Histogram bins: numpy.histogram_bin_edges(values, bins='auto'), i.e. the smaller of the
    Sturges and Freedman–Diaconis widths (Sturges alone when the IQR is 0), over
    [min, max] (widened by 0.5 each way when all values are equal). Also np.histogram counts
    and density=True heights for those edges.
  * Box statistics follow matplotlib.cbook.boxplot_stats(whis=1.5), written out with numpy
    here because matplotlib is not a dependency: quartiles are np.percentile (linear), the
    whiskers reach the most extreme data points within 1.5 IQR of the box, fliers are the
    points beyond the whiskers.
  * Dendrograms: scipy.cluster.hierarchy.linkage(method='ward') on seeded points and
    dendrogram(no_plot=True, color_threshold=...) for leaf order, link coordinates (leaves at
    5, 15, 25, …) and link colours.

Floats are written with repr (full precision).

Usage: python3 Tests/reference/charts_reference.py   (needs numpy, scipy; run from anywhere)
"""
import json
import os

import numpy as np
from scipy.cluster import hierarchy

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Fixtures", "charts")


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def samples():
    rng = np.random.default_rng(20240611)
    return [
        ("normal_1000", rng.normal(0.5, 0.15, 1000)),
        ("normal_37", rng.normal(-3.0, 2.0, 37)),
        ("lognormal_5000", rng.lognormal(12.3, 0.35, 5000)),  # duration_ms-like, heavy right tail
        ("uniform_200", rng.uniform(-60.0, 0.0, 200)),
        ("tiny_range", 1e-6 * rng.normal(0, 1, 300)),
        ("mostly_constant", np.concatenate([np.zeros(95), rng.normal(0, 1, 5)])),  # IQR 0: Sturges
        ("constant", np.full(20, 4.0)),
        ("two_values", np.array([1.0, 2.0])),
        ("single", np.array([7.5])),
        ("integers_0_11", rng.integers(0, 12, 500).astype(float)),  # key-like
        ("bimodal_2000", np.concatenate([rng.normal(90, 5, 1000), rng.normal(174, 4, 1000)])),
    ]


def histogram_cases():
    cases = []
    for name, x in samples():
        edges = np.histogram_bin_edges(x, bins="auto")
        counts, _ = np.histogram(x, bins=edges)
        density, _ = np.histogram(x, bins=edges, density=True)
        cases.append({"name": name, "values": floats(x), "edges": floats(edges),
                      "counts": [int(c) for c in counts], "density": floats(density)})
    return {"cases": cases}


def box_stats(x, whis=1.5):
    x = np.asarray(x, dtype=float)
    q1, med, q3 = np.percentile(x, [25, 50, 75])
    iqr = q3 - q1
    lo, hi = q1 - whis * iqr, q3 + whis * iqr
    inside_hi = x[x <= hi]
    whishi = q3 if len(inside_hi) == 0 or np.max(inside_hi) < q3 else np.max(inside_hi)
    inside_lo = x[x >= lo]
    whislo = q1 if len(inside_lo) == 0 or np.min(inside_lo) > q1 else np.min(inside_lo)
    fliers = np.sort(x[(x < whislo) | (x > whishi)])
    return {"q1": float(q1), "median": float(med), "q3": float(q3), "whislo": float(whislo),
            "whishi": float(whishi), "fliers": floats(fliers), "mean": float(np.mean(x))}


def box_cases():
    rng = np.random.default_rng(7)
    data = [
        ("normal_500", rng.normal(120, 8, 500)),
        ("skewed_300", rng.exponential(2.0, 300)),
        ("cv_scores_5", np.array([0.812, 0.797, 0.825, 0.803, 0.79])),
        ("with_outliers", np.concatenate([rng.normal(0, 1, 60), [8.0, -7.5, 9.25]])),
        ("four", np.array([4.0, 1.0, 3.0, 2.0])),
        ("single", np.array([2.5])),
        ("constant", np.full(10, 3.0)),
    ]
    cases = []
    for name, x in data:
        c = box_stats(x)
        c["name"] = name
        c["values"] = floats(x)
        c["percentiles"] = {str(q): float(np.percentile(x, q)) for q in (0, 10, 33.3, 50, 90, 100)}
        cases.append(c)
    return {"cases": cases}


def dendrogram_cases():
    rng = np.random.default_rng(3)
    centers = np.array([[0, 0], [5, 5], [0, 6], [6, 0]], dtype=float)
    points = np.concatenate([c + rng.normal(0, 0.8, (4, 2)) for c in centers])
    cases = []
    for method, threshold in (("ward", 4.0), ("average", 2.5), ("single", 1.2)):
        z = hierarchy.linkage(points, method=method)
        d = hierarchy.dendrogram(z, no_plot=True, color_threshold=threshold)
        cases.append({
            "method": method, "threshold": threshold, "linkage": [floats(r) for r in z],
            "leaves": [int(v) for v in d["leaves"]],
            "icoord": [floats(r) for r in d["icoord"]], "dcoord": [floats(r) for r in d["dcoord"]],
            # "C0" is above the threshold; "C1"…"C9" are the clusters in the order scipy
            # meets them, cycling after nine.
            "link_colors": d["color_list"],
            "leaves_color_list": d["leaves_color_list"],
        })
    return {"cases": cases}


if __name__ == "__main__":
    write("histogram_bins.json", histogram_cases())
    write("box_stats.json", box_cases())
    write("dendrogram.json", dendrogram_cases())
    print("wrote", OUT)
