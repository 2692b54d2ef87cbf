"""Reference numbers for Tests/ReportCLITests/ExplorationStepsTests.swift.

The tracks fixture of those tests, rebuilt here, and the statistics the exploration
directives must reproduce, computed with NumPy (histogram bins, means, percentiles,
Pearson r). Run: python3 Tests/reference/exploration_reference.py
"""
import numpy as np


def genre(i):
    return "techno" if i < 45 else "house" if i < 78 else "disco"


rows = range(100)
g = np.array([genre(i) for i in rows])
energy = np.array([((i * 37) % 100) / 100 for i in rows])
tempo = np.array([100 + (i * 13) % 60 for i in rows], dtype=float)
valence = np.array([((i * 71) % 97) / 97 for i in rows])
classes = ["disco", "house", "techno"]

print("energy auto bins:", len(np.histogram_bin_edges(energy, bins="auto")) - 1)
print("energy 10 bins edges:", np.histogram_bin_edges(energy, bins=10)[[0, -1]])
for c in classes:
    e = energy[g == c]
    print(c, "energy mean %.17g" % e.mean(), "count", len(e))
mask = energy > 0.5
print("rows where energy > 0.5:", mask.sum())
print("tempo auto bins (numpy, not used: whole numbers get one bin each):",
      len(np.histogram_bin_edges(tempo, bins="auto")) - 1, "span", tempo.min(), tempo.max())
for c in classes:
    e = energy[g == c]
    q1, med, q3 = np.percentile(e, [25, 50, 75])
    print(c, "energy q1 %.17g median %.17g q3 %.17g" % (q1, med, q3))
print("pearson energy tempo %.17g" % np.corrcoef(energy, tempo)[0, 1])
for c in classes:
    print(c, "pearson %.17g" % np.corrcoef(energy[g == c], tempo[g == c])[0, 1])
for c in classes:
    print(c, "tempo mean %.17g median %.17g" % (tempo[g == c].mean(), np.median(tempo[g == c])))
means = np.array([[x[g == c].mean() for x in (energy, tempo, valence)] for c in classes])
scaled = (means - means.min(axis=0)) / (means.max(axis=0) - means.min(axis=0))
for c, m, s in zip(classes, means, scaled):
    print(c, "means", ["%.17g" % v for v in m], "scaled", ["%.17g" % v for v in s])
# {radar} :scaling: zscore — class means in (ddof=1) standard deviations from the overall mean.
for c in classes:
    print(c, "z", ["%.17g" % ((x[g == c].mean() - x.mean()) / x.std(ddof=1)) for x in (energy, tempo, valence)])
