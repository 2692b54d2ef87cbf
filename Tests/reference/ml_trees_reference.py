"""Reference values for the tree models (DecisionTree, RandomForest, ExtraTrees, importances).

Writes two fixtures under Tests/Fixtures/ml/:

- trees_spotify.json: scikit-learn test accuracies on the fixed split of
  ../shared/data/spotify_songs.csv (Tests/Fixtures/ml/spotify_split.json). The data itself is
  never committed; the Swift tests read the CSV and skip when it is absent.
- trees_small.json: a small synthetic data set and, for several deterministic settings, the
  exact tree scikit-learn grows (split features, thresholds, children, impurities, node
  sizes, leaf probabilities, importances) plus permutation importances of one tree.
  "Deterministic" is checked here: every setting must give the same tree for 20
  random_states, i.e. no two features ever tie for the best split, so any correct CART
  implementation must grow exactly this tree.

    python3 Tests/reference/ml_trees_reference.py
"""
import json
import pathlib
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
from sklearn.inspection import permutation_importance
from sklearn.metrics import accuracy_score, balanced_accuracy_score
from sklearn.tree import DecisionTreeClassifier

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "Fixtures" / "ml"
DATA = ROOT.parent / "shared" / "data" / "spotify_songs.csv"


def spotify_split():
    split = json.loads((FIXTURES / "spotify_split.json").read_text())
    frame = pd.read_csv(DATA)
    test = np.zeros(len(frame), dtype=bool)
    test[split["test_rows"]] = True
    x = frame[split["features"]].to_numpy(dtype=np.float64)
    classes = sorted(frame[split["label"]].unique())
    y = frame[split["label"]].map({c: i for i, c in enumerate(classes)}).to_numpy()
    return x[~test], y[~test], x[test], y[test], classes


def spotify_reference():
    x_train, y_train, x_test, y_test, classes = spotify_split()
    models = {
        "tree_default": DecisionTreeClassifier(random_state=0),
        "tree_depth10": DecisionTreeClassifier(max_depth=10, random_state=0),
        "tree_entropy_depth8": DecisionTreeClassifier(criterion="entropy", max_depth=8, random_state=0),
        "forest": RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=2),
        "extra_trees": ExtraTreesClassifier(n_estimators=100, random_state=0, n_jobs=2),
        "forest_balanced": RandomForestClassifier(n_estimators=100, class_weight="balanced", random_state=0, n_jobs=2),
    }
    out = {"classes": classes, "train_rows": int(len(y_train)), "test_rows": int(len(y_test)), "models": {}}
    for name, model in models.items():
        start = time.perf_counter()
        model.fit(x_train, y_train)
        seconds = time.perf_counter() - start
        predicted = model.predict(x_test)
        entry = {
            "accuracy": accuracy_score(y_test, predicted),
            "balanced_accuracy": balanced_accuracy_score(y_test, predicted),
        }
        if hasattr(model, "tree_"):
            entry["depth"] = int(model.get_depth())
            entry["node_count"] = int(model.tree_.node_count)
        out["models"][name] = entry
        print(f"{name}: accuracy {entry['accuracy']:.4f} ({seconds:.2f} s)")
    return out


def small_data():
    """300 rows, 4 informative-ish features on a 0.001 grid, 3 classes."""
    rng = np.random.RandomState(7)
    n = 300
    y = rng.randint(0, 3, size=n)
    centers = np.array([[0.0, 1.0, 2.0, 0.5], [1.0, 0.0, 1.5, 0.5], [0.5, 0.5, 0.0, 0.5]])
    x = centers[y] + rng.normal(scale=[0.6, 0.7, 0.9, 1.0], size=(n, 4))
    return np.round(x, 3), y


def tree_record(model):
    tree = model.tree_
    value = tree.value[:, 0, :]
    value = value / value.sum(axis=1, keepdims=True)
    return {
        "feature": [int(f) if f >= 0 else -1 for f in tree.feature],
        "threshold": [float(t) for t in tree.threshold],
        "children_left": [int(c) for c in tree.children_left],
        "children_right": [int(c) for c in tree.children_right],
        "impurity": [float(v) for v in tree.impurity],
        "n_node_samples": [int(v) for v in tree.n_node_samples],
        "weighted_n_node_samples": [float(v) for v in tree.weighted_n_node_samples],
        "value": [[float(v) for v in row] for row in value],
        "depth": int(model.get_depth()),
        "feature_importances": [float(v) for v in model.feature_importances_],
    }


def same_tree(a, b):
    return (np.array_equal(a.feature, b.feature) and np.array_equal(a.threshold, b.threshold)
            and np.array_equal(a.children_left, b.children_left))


def small_reference():
    x, y = small_data()
    settings = {
        "gini_depth3": dict(max_depth=3),
        "entropy_depth3": dict(criterion="entropy", max_depth=3),
        "gini_depth4_leaf10": dict(max_depth=4, min_samples_leaf=10),
        "gini_depth3_split40": dict(max_depth=3, min_samples_split=40),
        "balanced_depth3": dict(max_depth=3, class_weight="balanced"),
        "gini_depth4_decrease": dict(max_depth=4, min_impurity_decrease=0.01),
    }
    cases = {}
    for name, params in settings.items():
        model = DecisionTreeClassifier(random_state=0, **params).fit(x, y)
        for seed in range(1, 20):
            other = DecisionTreeClassifier(random_state=seed, **params).fit(x, y)
            assert same_tree(model.tree_, other.tree_), f"{name}: features tie, the tree depends on random_state"
        record = tree_record(model)
        record["params"] = {k: v for k, v in params.items()}
        record["probabilities"] = [[float(v) for v in row] for row in model.predict_proba(x)]
        cases[name] = record
        print(f"{name}: {model.tree_.node_count} nodes, importances {np.round(model.feature_importances_, 4)}")

    model = DecisionTreeClassifier(max_depth=3, random_state=0).fit(x, y)
    result = permutation_importance(model, x, y, scoring="accuracy", n_repeats=50, random_state=0)
    permutation = {
        "case": "gini_depth3",
        "repeats": 50,
        "baseline": float(accuracy_score(y, model.predict(x))),
        "mean": [float(v) for v in result.importances_mean],
        "std": [float(v) for v in result.importances_std],
    }
    print(f"permutation: mean {np.round(result.importances_mean, 4)}")
    return {
        "x": [[float(v) for v in row] for row in x],
        "y": [int(v) for v in y],
        "class_count": 3,
        "cases": cases,
        "permutation": permutation,
    }


def main():
    FIXTURES.mkdir(parents=True, exist_ok=True)
    small = small_reference()
    small["sklearn"] = sklearn.__version__
    (FIXTURES / "trees_small.json").write_text(json.dumps(small, separators=(",", ":")) + "\n")
    if DATA.exists():
        spotify = spotify_reference()
        spotify["sklearn"] = sklearn.__version__
        (FIXTURES / "trees_spotify.json").write_text(json.dumps(spotify, indent=1) + "\n")
    else:
        print(f"{DATA} is absent: trees_spotify.json not rewritten")


if __name__ == "__main__":
    main()
