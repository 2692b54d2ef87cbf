#!/usr/bin/env python3
"""Reference values for ReportStats (descriptive statistics and correlation).

Writes Tests/Fixtures/stats/synthetic.json and Tests/Fixtures/stats/spotify.json.

Semantics follow pandas (DataFrame.describe / DataFrame.corr):
  * NaN is missing and skipped; correlations use pairwise-complete rows.
  * mean = np.mean, std = np.std(ddof=1), quartiles = np.percentile (linear).
  * Pearson = np.corrcoef on the complete rows of each pair; Spearman = scipy.stats.spearmanr
    on the same rows; a constant column (or fewer than 2 rows) gives NaN, the diagonal is 1.
  * ranks = scipy.stats.rankdata(method='average', nan_policy='omit').

JSON cannot hold NaN, so NaN is written as null. Floats are written with repr (full precision).

Usage: python3 Tests/reference/stats_reference.py   (needs numpy, scipy; run from anywhere)
"""
import csv
import json
import math
import os
import warnings

import numpy as np
import scipy.stats

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Fixtures", "stats")
SPOTIFY = os.path.join(HERE, "..", "..", "..", "shared", "data", "spotify_songs.csv")
AUDIO = ["danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
         "instrumentalness", "liveness", "valence", "tempo", "duration_ms"]

warnings.simplefilter("ignore")


def clean(v):
    """NaN -> None, numpy scalars -> float, recursively."""
    if isinstance(v, (list, tuple)):
        return [clean(e) for e in v]
    if isinstance(v, dict):
        return {k: clean(e) for k, e in v.items()}
    if isinstance(v, (int,)) and not isinstance(v, bool):
        return v
    f = float(v)
    return None if math.isnan(f) else f


def complete(x, y):
    keep = ~(np.isnan(x) | np.isnan(y))
    return x[keep], y[keep]


def is_degenerate(x):
    return len(x) < 2 or np.all(x == x[0])


def pearson(x, y):
    x, y = complete(x, y)
    if is_degenerate(x) or is_degenerate(y):
        return math.nan
    return float(np.corrcoef(x, y)[0, 1])


def spearman(x, y):
    x, y = complete(x, y)
    if is_degenerate(x) or is_degenerate(y):
        return math.nan
    return float(scipy.stats.spearmanr(x, y).statistic)


def matrix(cols, fn):
    k = len(cols)
    m = [[math.nan] * k for _ in range(k)]
    for i in range(k):
        for j in range(k):
            if i == j:
                xi = cols[i][~np.isnan(cols[i])]
                m[i][j] = math.nan if is_degenerate(xi) else 1.0
            elif i < j:
                m[i][j] = m[j][i] = fn(cols[i], cols[j])
    return m


def describe(x):
    v = x[~np.isnan(x)]
    n = len(v)
    out = {"count": n, "missing": int(len(x) - n)}
    if n == 0:
        out.update(mean=math.nan, std=math.nan, min=math.nan, q25=math.nan, median=math.nan,
                   q75=math.nan, max=math.nan)
        return out
    out["mean"] = float(np.mean(v))
    out["std"] = float(np.std(v, ddof=1)) if n > 1 else math.nan
    out["min"] = float(np.min(v))
    out["q25"] = float(np.percentile(v, 25))
    out["median"] = float(np.percentile(v, 50))
    out["q75"] = float(np.percentile(v, 75))
    out["max"] = float(np.max(v))
    return out


def dataset(name, columns):
    names = list(columns)
    cols = [np.asarray(columns[c], dtype=float) for c in names]
    return {
        "name": name,
        "columns": names,
        "data": [clean(c.tolist()) for c in cols],
        "pearson": clean(matrix(cols, pearson)),
        "spearman": clean(matrix(cols, spearman)),
        "describe": [clean(describe(c)) for c in cols],
        "ranks": [clean(scipy.stats.rankdata(c, method="average", nan_policy="omit").tolist())
                  for c in cols],
        "quantiles": [clean([float(np.quantile(c[~np.isnan(c)], p))
                             if np.any(~np.isnan(c)) else math.nan for p in PROBS])
                      for c in cols],
    }


PROBS = [0.0, 0.1, 0.25, 1 / 3, 0.5, 0.9, 0.99, 1.0]


def synthetic():
    rng = np.random.default_rng(20240611)
    n = 200
    base = rng.normal(0.0, 1.0, n)
    # Rounded to 3 decimals so that the JSON round trip is short and exact.
    energy = np.round(0.6 + 0.15 * base + 0.05 * rng.normal(size=n), 3)
    loudness = np.round(-7.0 + 3.0 * base + rng.normal(size=n), 3)
    key = rng.integers(0, 12, n).astype(float)  # heavy ties
    duration = np.round(2.2e5 + 4.0e4 * rng.normal(size=n) - 1.0e4 * base, 0)  # large magnitude
    constant = np.full(n, 0.1)  # 0.1 is inexact: the mean is not exactly 0.1
    # Missing values in two columns (overlapping and not).
    energy[rng.choice(n, 12, replace=False)] = np.nan
    loudness[rng.choice(n, 7, replace=False)] = np.nan
    a = dataset("mixed", {"energy": energy, "loudness": loudness, "key": key,
                          "duration_ms": duration, "constant": constant})

    m = 57
    x = rng.integers(0, 5, m).astype(float)
    y = x * 2.0 + rng.integers(-1, 2, m)  # strongly correlated, many ties
    z = -x + 0.5 * rng.normal(size=m)
    w = np.round(rng.exponential(3.0, m), 2)
    b = dataset("ties", {"x": x, "y": y, "z": np.round(z, 4), "w": w})

    c = dataset("tiny", {
        "p": [1.0, 2.0, 3.0],
        "q": [3.0, math.nan, 1.0],   # only two complete rows with p
        "r": [math.nan, math.nan, 5.0],  # one value: std NaN, correlations NaN
        "s": [math.nan, math.nan, math.nan],  # all missing
    })
    return {"datasets": [a, b, c], "probabilities": PROBS}


def spotify():
    with open(SPOTIFY, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    idx = [header.index(c) for c in AUDIO]
    cols = [np.array([float(r[i]) if r[i] != "" else math.nan for r in rows[1:]]) for i in idx]
    return {
        "source": "spotify_songs.csv",
        "rows": len(rows) - 1,
        "columns": AUDIO,
        "pearson": clean(matrix(cols, pearson)),
        "spearman": clean(matrix(cols, spearman)),
        "describe": [clean(describe(c)) for c in cols],
    }


def write(name, obj):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(obj, f, allow_nan=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.normpath(path)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    write("synthetic.json", synthetic())
    if os.path.exists(SPOTIFY):
        write("spotify.json", spotify())
    else:
        print(f"skipped spotify.json: {SPOTIFY} not found")
