#!/usr/bin/env python3
"""Reference values for ReportML's k-means and clustering metrics, computed with scikit-learn.

Writes Tests/Fixtures/ml/kmeans.json:
  * labelings  pairs of integer labelings (random with a fixed numpy seed, permuted copies,
               a single cluster, all singletons, nested partitions) with
               adjusted_rand_score and normalized_mutual_info_score (arithmetic mean).
  * blobs      small make_blobs data sets (well separated and overlapping) with the inertia,
               centres and labels of KMeans(n_clusters=k, n_init=10, random_state=0) (Lloyd).

Run from the package root: python3 Tests/reference/kmeans_reference.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

rng = np.random.default_rng(20240607)
pairs = []


def add(name, a, b):
    a = [int(v) for v in a]
    b = [int(v) for v in b]
    pairs.append({
        "name": name, "a": a, "b": b,
        "ari": float(adjusted_rand_score(a, b)),
        "nmi": float(normalized_mutual_info_score(a, b)),
    })


for n, ka, kb in [(50, 3, 3), (200, 6, 4), (500, 12, 12), (1000, 2, 7), (37, 5, 9)]:
    add(f"random-{n}-{ka}x{kb}", rng.integers(0, ka, n), rng.integers(0, kb, n))
truth = rng.integers(0, 5, 300)
noisy = truth.copy()
flip = rng.random(300) < 0.3
noisy[flip] = rng.integers(0, 5, flip.sum())
add("noisy-copy", truth, noisy)
perm = np.array([3, 0, 4, 1, 2])
add("permuted", truth, perm[truth] + 10)
add("single-vs-split", np.zeros(40), rng.integers(0, 3, 40))
add("both-single", np.zeros(20), np.ones(20))
add("singletons", np.arange(30), rng.integers(0, 4, 30))
add("nested", truth, truth // 2)
add("non-contiguous-codes", rng.choice([2, 7, 11, 40], 120), rng.choice([-1, 5, 9], 120))

blobs = []
for name, n, k, d, std, seed in [("separated", 300, 4, 3, 1.0, 7), ("overlapping", 600, 6, 4, 2.5, 11),
                                 ("many", 900, 12, 5, 1.8, 3)]:
    x, y = make_blobs(n_samples=n, centers=k, n_features=d, cluster_std=std, random_state=seed)
    model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
    blobs.append({
        "name": name, "k": k, "x": x.tolist(), "y": y.tolist(),
        "inertia": float(model.inertia_), "centers": model.cluster_centers_.tolist(),
        "labels": model.labels_.tolist(),
        "ari_vs_y": float(adjusted_rand_score(y, model.labels_)),
    })

out = {"sklearn": sklearn.__version__, "labelings": pairs, "blobs": blobs}
path = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "ml", "kmeans.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
print("wrote", os.path.normpath(path), [(b["name"], b["inertia"]) for b in blobs])
