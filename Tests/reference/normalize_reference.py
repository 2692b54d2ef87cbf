#!/usr/bin/env python3
"""Reference values for the map-reduce normalisation of {normalize} (ReportStats).

Writes Tests/Fixtures/stats/normalize.json with:
  * "small": a committed small data set (its values are stored in the JSON, 257 rows, NaN as
    null) with, per feature, NumPy's statistics over all rows and over "train_rows", the
    rescaled columns of every method, and exact values (rational arithmetic, then 50-digit
    decimals) of mean, std and max |z|;
  * "spotify": per-feature statistics of the 12 numeric audio columns of
    ../shared/data/spotify_songs.csv (only the results, never the data).

Semantics (what {normalize} promises to match):
  * missing values (NaN) are skipped: count/mean/std/min/max of the non-missing values;
  * mean = np.mean, std = np.std (ddof=0, the population std, as sklearn's StandardScaler);
  * z = (x - mean) / scale with scale = std, or 1 when std == 0 (sklearn's handling of zeros);
  * max |z| = np.max(np.abs(z)); max |x| = np.max(np.abs(x));
  * zscore-maxabs = z / max|z|, zscore = z, maxabs = x / max|x|, minmax = (x - min) / (max - min),
    every divisor replaced by 1 when it is 0.
Floats are written with repr (full precision).

Usage: python3 Tests/reference/normalize_reference.py   (needs numpy; run from anywhere)
"""
import csv
import json
import math
import os
from decimal import Decimal, getcontext
from fractions import Fraction

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Fixtures", "stats", "normalize.json")
SPOTIFY = os.path.join(HERE, "..", "..", "..", "shared", "data", "spotify_songs.csv")
AUDIO = ["danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
         "instrumentalness", "liveness", "valence", "tempo", "duration_ms"]

getcontext().prec = 50


def clean(v):
    if isinstance(v, (list, tuple)):
        return [clean(e) for e in v]
    if isinstance(v, dict):
        return {k: clean(e) for k, e in v.items()}
    if isinstance(v, (bool, str)) or v is None:
        return v
    if isinstance(v, (int, np.integer)):
        return int(v)
    f = float(v)
    return None if math.isnan(f) else f


def nonzero(v):
    return v if v > 0 and math.isfinite(v) else 1.0


def stats(x):
    v = x[~np.isnan(x)]
    mean = float(np.mean(v))
    std = float(np.std(v))
    z = (v - mean) / nonzero(std)
    return {"count": len(v), "mean": mean, "std": std, "min": float(np.min(v)), "max": float(np.max(v)),
            "maxabs_z": float(np.max(np.abs(z))), "maxabs_x": float(np.max(np.abs(v)))}


def transformed(x, s):
    scale = nonzero(s["std"])
    z = (x - s["mean"]) / scale
    return {
        "zscore-maxabs": (z / nonzero(s["maxabs_z"])).tolist(),
        "zscore": z.tolist(),
        "maxabs": (x / nonzero(s["maxabs_x"])).tolist(),
        "minmax": ((x - s["min"]) / nonzero(s["max"] - s["min"])).tolist(),
    }


def exact(x):
    """Mean, std and max |z| from exact rational sums, rounded once at the end."""
    v = [Fraction(float(e)) for e in x if not math.isnan(e)]
    n = len(v)
    mean = sum(v) / n
    var = sum((e - mean) ** 2 for e in v) / n
    std = (Decimal(var.numerator) / Decimal(var.denominator)).sqrt()
    scale = std if std > 0 else Decimal(1)
    dev = max(abs(e - mean) for e in v)
    maxabs = (Decimal(dev.numerator) / Decimal(dev.denominator)) / scale
    return {"mean": float(Decimal(mean.numerator) / Decimal(mean.denominator)), "std": float(std),
            "maxabs_z": float(maxabs)}


def small():
    rng = np.random.default_rng(20240521)
    n = 257
    columns = {
        "normal": rng.normal(3.0, 2.0, n),
        # Mean 1e8 next to a spread of 1: the sum-of-squares formula loses every digit here.
        "offset": 1e8 + rng.normal(0.0, 1.0, n),
        "skewed": rng.lognormal(0.0, 1.5, n),
        "negative": -rng.gamma(2.0, 30.0, n) - 5.0,
        "integers": rng.integers(0, 12, n).astype(float),
        "constant": np.full(n, 4.25),
        "with_missing": np.where(rng.random(n) < 0.1, np.nan, rng.normal(-0.5, 0.01, n)),
    }
    train = np.sort(rng.choice(n, size=205, replace=False)).tolist()
    features = []
    for name, x in columns.items():
        s = stats(x)
        t = stats(x[train])
        features.append({
            "name": name,
            "values": clean(x.tolist()),
            "all": clean(s),
            "train": clean(t),
            "transformed": clean(transformed(x, s)),
            "transformed_train_fit": clean(transformed(x, t)["zscore-maxabs"]),
            "exact": clean(exact(x)),
        })
    return {"rows": n, "train_rows": train, "features": features}


def spotify():
    if not os.path.exists(SPOTIFY):
        return None
    with open(SPOTIFY, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    features = []
    for name in AUDIO:
        x = np.array([float(r[name]) if r[name] not in ("", "NA", "null") else np.nan for r in rows])
        features.append({"name": name, **clean(stats(x))})
    return {"source": "spotify_songs.csv", "rows": len(rows), "features": features}


def main():
    out = {"small": small(), "spotify": spotify()}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
