"""Seaborn's versions of three report charts on the same data, for a side-by-side look.

    report synth beatport --rows 12000 --seed 1 -o /tmp/bp.csv
    python3 Tests/reference/seaborn_side_by_side.py /tmp/bp.csv /tmp/seaborn

Writes correlation.png (sns.heatmap, annot), kde.png (sns.kdeplot per feature, hue=genre) and
confusion.png (a RandomForest's row-normalised confusion matrix) with seaborn's defaults, as a
matplotlib user would make them.
"""
import pathlib
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split


def main(csv, out):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    frame = pd.read_csv(csv)
    features = [c for c in frame.columns if c not in ("track_id", "genre")]
    timings = {}

    start = time.perf_counter()
    plt.figure(figsize=(10, 8))
    sns.heatmap(frame[features].corr(), annot=True, fmt=".2f", cmap="RdBu_r", vmin=-1, vmax=1)
    plt.tight_layout()
    plt.savefig(out / "correlation.png", dpi=100)
    plt.close()
    timings["correlation"] = time.perf_counter() - start

    start = time.perf_counter()
    fig, axes = plt.subplots(5, 3, figsize=(12, 14))
    for ax, feature in zip(axes.flat, features):
        sns.kdeplot(data=frame, x=feature, hue="genre", fill=True, common_norm=False, ax=ax, legend=ax is axes.flat[0])
    plt.tight_layout()
    plt.savefig(out / "kde.png", dpi=100)
    plt.close()
    timings["kde"] = time.perf_counter() - start

    x_train, x_test, y_train, y_test = train_test_split(frame[features], frame["genre"], test_size=0.2,
                                                        stratify=frame["genre"], random_state=0)
    model = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=2).fit(x_train, y_train)
    labels = sorted(frame["genre"].unique())
    start = time.perf_counter()
    matrix = confusion_matrix(y_test, model.predict(x_test), labels=labels, normalize="true")
    plt.figure(figsize=(8, 7))
    sns.heatmap(matrix, annot=True, fmt=".2f", xticklabels=labels, yticklabels=labels, cmap="viridis")
    plt.xlabel("predicted class")
    plt.ylabel("true class")
    plt.tight_layout()
    plt.savefig(out / "confusion.png", dpi=100)
    plt.close()
    timings["confusion"] = time.perf_counter() - start
    for name, seconds in timings.items():
        print(f"{name}: {seconds:.2f} s")


if __name__ == "__main__":
    main(*sys.argv[1:3])
