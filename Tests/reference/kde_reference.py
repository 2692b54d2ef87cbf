"""Reference values for ReportStats' kernel density estimate (scipy.stats.gaussian_kde).

Writes Tests/Fixtures/stats/kde.json: small data sets (stored in the file), evaluation grids and
scipy's densities for Scott's and Silverman's rules and a scalar factor, plus the overlap
coefficient of two class densities (trapezoidal rule, numpy) for the separability measure.

    python3 Tests/reference/kde_reference.py
"""
import json
import pathlib

import numpy as np
from scipy.stats import gaussian_kde

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    rng = np.random.default_rng(20261121)
    sets = {
        "bimodal": np.concatenate([rng.normal(0, 1, 150), rng.normal(4, 0.5, 100)]),
        "skewed": rng.lognormal(0, 0.75, 200),
        "discrete": rng.integers(0, 12, 120).astype(float),
        "tempo": rng.normal(126, 3, 80),
    }
    cases = []
    for name, data in sets.items():
        data = [float(v) for v in data]
        lo, hi = min(data), max(data)
        pad = (hi - lo) * 0.1
        grid = np.linspace(lo - pad, hi + pad, 64)
        for method in ["scott", "silverman", 0.3]:
            kde = gaussian_kde(data, bw_method=method)
            cases.append({
                "name": name, "method": method if isinstance(method, str) else "factor",
                "factor": float(kde.factor), "data": data, "grid": [float(g) for g in grid],
                "density": [float(d) for d in kde(grid)],
                "kernel_width": float(np.sqrt(kde.covariance[0, 0])),
            })
    a, b = sets["bimodal"], sets["tempo"] - 122
    grid = np.linspace(-4, 8, 400)
    pa, pb = gaussian_kde(a)(grid), gaussian_kde(b)(grid)
    overlap = float(np.trapezoid(np.minimum(pa, pb), grid))
    out = ROOT / "Tests" / "Fixtures" / "stats" / "kde.json"
    out.write_text(json.dumps({
        "cases": cases,
        "overlap": {"a": [float(v) for v in a], "b": [float(v) for v in b], "grid": [float(g) for g in grid],
                    "value": overlap},
    }) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
