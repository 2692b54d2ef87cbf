#!/usr/bin/env python3
"""Reference values for ReportML's linear, Bayes and neighbour models, the scaler and the
classification metrics, computed with scikit-learn (1.9).

Writes, under Tests/Fixtures/ml/:
  * models_small.json  small synthetic data sets (fixed numpy seed) and what scikit-learn
                       fits on them: LogisticRegression coefficients, intercepts and
                       probabilities (multinomial, binary, class_weight='balanced', no penalty,
                       elastic-net with saga, and the defaults, which stop early),
                       GaussianNB parameters and probabilities, KNeighborsClassifier
                       probabilities and predictions (uniform, distance, manhattan, cosine,
                       k = 1 and 7) and, on a grid with about eight copies of every row, the
                       neighbour indices its k-d tree keeps among tied distances,
                       OneVsRestClassifier(LogisticRegression) probabilities,
                       StandardScaler mean/scale/transform.
  * metrics.json       random y_true / y_pred / probabilities (fixed seed, with ties and a
                       class never predicted) and every metric: accuracy, balanced accuracy,
                       precision/recall/F1 per class, macro and weighted (zero_division=0),
                       confusion matrix (counts and normalize='true'), classification_report
                       (output_dict), roc_curve per class (one-vs-rest, drop_intermediate=True)
                       and roc_auc_score (per class and multi_class='ovr', average='macro').
  * spotify_reference.json  test accuracy on the fixed split (spotify_split.json, made by
                       ml_split.py) of GaussianNB (raw and scaled features), KNeighbors
                       (k=5 uniform, distance weights, manhattan; StandardScaler-scaled) and
                       LogisticRegression(max_iter=1000) with the default L2 penalty and with
                       none (C=inf), on scaled features. Skipped when the data is absent.

Solvers are run to tight tolerances where coefficients are compared, so the fixtures hold the
optimum of scikit-learn's objective rather than where a loose tolerance stopped.
JSON cannot hold infinity (roc_curve's first threshold): it is written as null.

Usage: python3 Tests/reference/ml_reference.py
"""
import json
import pathlib
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

warnings.simplefilter("ignore")

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "Fixtures" / "ml"
DATA = ROOT.parent / "shared" / "data" / "spotify_songs.csv"


def clean(v):
    """numpy -> plain Python, non-finite -> None, recursively."""
    if isinstance(v, dict):
        return {str(k): clean(e) for k, e in v.items()}
    if isinstance(v, (list, tuple)):
        return [clean(e) for e in v]
    if isinstance(v, np.ndarray):
        return clean(v.tolist())
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        v = float(v)
        return v if np.isfinite(v) else None
    return v


def write(name, payload):
    path = OUT / name
    path.write_text(json.dumps(clean(payload), separators=(",", ":")) + "\n")
    print(f"wrote {path}")


def blobs(rng, rows, features, classes, spread):
    centers = rng.normal(0, 1.5, size=(classes, features))
    y = np.arange(rows) % classes
    rng.shuffle(y)
    x = centers[y] + rng.normal(0, spread, size=(rows, features))
    return x, y


def logistic(model, x, y, xq):
    model.fit(x, y)
    return {
        "coef": model.coef_, "intercept": model.intercept_,
        "proba": model.predict_proba(xq), "predict": model.predict(xq), "n_iter": model.n_iter_,
    }


def small_models():
    rng = np.random.default_rng(20240611)
    x, y = blobs(rng, 300, 4, 3, 1.2)
    xq = rng.normal(0, 2, size=(40, 4))
    xb, yb = blobs(rng, 200, 3, 2, 1.5)
    # Imbalanced three-class set for class weights.
    keep = np.r_[np.where(y == 0)[0], np.where(y == 1)[0][:40], np.where(y == 2)[0][:15]]
    xi, yi = x[keep], y[keep]
    tight = dict(tol=1e-10, max_iter=10_000)
    out = {
        "multiclass": {"x": x, "y": y, "query": xq},
        "binary": {"x": xb, "y": yb},
        "imbalanced_rows": keep,
    }
    out["logistic_l2"] = logistic(LogisticRegression(**tight), x, y, xq)
    out["logistic_l2_c0.05"] = logistic(LogisticRegression(C=0.05, **tight), x, y, xq)
    out["logistic_none"] = logistic(LogisticRegression(C=np.inf, **tight), x, y, xq)
    out["logistic_binary"] = logistic(LogisticRegression(**tight), xb, yb, xq[:, :3])
    out["logistic_balanced"] = logistic(
        LogisticRegression(class_weight="balanced", **tight), xi, yi, xq)
    out["logistic_no_intercept"] = logistic(
        LogisticRegression(fit_intercept=False, **tight), x, y, xq)
    out["logistic_elasticnet"] = logistic(
        LogisticRegression(solver="saga", l1_ratio=0.5, C=0.1, tol=1e-12, max_iter=200_000),
        x, y, xq)
    out["logistic_default"] = logistic(LogisticRegression(), x, y, xq)

    nb = GaussianNB().fit(x, y)
    out["gaussian_nb"] = {
        "theta": nb.theta_, "var": nb.var_, "epsilon": nb.epsilon_, "prior": nb.class_prior_,
        "proba": nb.predict_proba(xq), "predict": nb.predict(xq),
    }
    nbp = GaussianNB(priors=[0.5, 0.3, 0.2], var_smoothing=1e-3).fit(x, y)
    out["gaussian_nb_priors"] = {
        "theta": nbp.theta_, "var": nbp.var_, "proba": nbp.predict_proba(xq),
        "predict": nbp.predict(xq),
    }

    knn = {}
    for name, params in {
        "uniform": dict(), "distance": dict(weights="distance"),
        "manhattan": dict(metric="manhattan"), "cosine": dict(metric="cosine", algorithm="brute"),
        "k1": dict(n_neighbors=1), "k7_distance": dict(n_neighbors=7, weights="distance"),
    }.items():
        model = KNeighborsClassifier(**params).fit(x[:, :3], y)
        knn[name] = {
            "params": params,
            "proba": model.predict_proba(xq[:, :3]), "predict": model.predict(xq[:, :3]),
        }
    # Neighbour sets among exact ties: a 4-d integer grid (about 8 duplicates per cell) big
    # enough for a 7-level tree; the query rows include training rows and their neighbours.
    xt = rng.integers(0, 4, size=(2000, 4)).astype(float)
    yt = rng.integers(0, 3, size=2000)
    qt = np.r_[xt[:60], rng.integers(0, 4, size=(60, 4)) + rng.choice([0.0, 0.5], size=(60, 4))]
    knn["ties"] = {"x": xt, "y": yt, "query": qt}
    for metric in ["euclidean", "manhattan"]:
        for k in [1, 5, 12]:
            model = KNeighborsClassifier(n_neighbors=k, metric=metric).fit(xt, yt)
            assert model._fit_method == "kd_tree"
            _, indices = model.kneighbors(qt)
            knn["ties"][f"{metric}_{k}"] = {
                "neighbors": indices, "proba": model.predict_proba(qt), "predict": model.predict(qt),
            }
    # Exact zero distances: queries equal to training rows (distance weights' special case).
    model = KNeighborsClassifier(weights="distance").fit(x[:, :3], y)
    knn["distance_exact"] = {
        "proba": model.predict_proba(x[:25, :3]), "predict": model.predict(x[:25, :3]),
    }
    out["knn"] = knn

    ovr = OneVsRestClassifier(LogisticRegression(**tight)).fit(x, y)
    out["one_vs_rest_logistic"] = {
        "proba": ovr.predict_proba(xq), "predict": ovr.predict(xq),
        "coef": [e.coef_[0] for e in ovr.estimators_],
        "intercept": [e.intercept_[0] for e in ovr.estimators_],
    }

    raw = np.c_[x[:, :2] * [3.0, 1e-3] + [10.0, -2.0], np.full(len(x), 7.0)]
    scaler = StandardScaler().fit(raw)
    out["scaler"] = {"x": raw, "mean": scaler.mean_, "scale": scaler.scale_,
                     "transformed": scaler.transform(raw[:10])}
    write("models_small.json", out)


def metric_case(y_true, y_pred, proba, classes):
    labels = list(range(classes))
    case = {"y_true": y_true, "y_pred": y_pred, "proba": proba, "classes": classes}
    case["accuracy"] = metrics.accuracy_score(y_true, y_pred)
    case["balanced_accuracy"] = metrics.balanced_accuracy_score(y_true, y_pred)
    p, r, f, s = metrics.precision_recall_fscore_support(y_true, y_pred, zero_division=0)
    case["per_class"] = {"precision": p, "recall": r, "f1": f, "support": s,
                         "labels": sorted(set(y_true) | set(y_pred))}
    for average in ["macro", "weighted"]:
        case[average] = {
            "precision": metrics.precision_score(y_true, y_pred, average=average, zero_division=0),
            "recall": metrics.recall_score(y_true, y_pred, average=average, zero_division=0),
            "f1": metrics.f1_score(y_true, y_pred, average=average, zero_division=0),
        }
    case["confusion"] = metrics.confusion_matrix(y_true, y_pred, labels=labels)
    with np.errstate(all="ignore"):
        case["confusion_normalized"] = metrics.confusion_matrix(
            y_true, y_pred, labels=labels, normalize="true")
    names = [f"class {k}" for k in labels]
    present = sorted(set(y_true) | set(y_pred))
    case["report"] = metrics.classification_report(
        y_true, y_pred, labels=present, target_names=[names[k] for k in present],
        output_dict=True, zero_division=0)
    curves = []
    for k in labels:
        positive = (np.asarray(y_true) == k).astype(int)
        if positive.min() == positive.max():
            curves.append(None)
            continue
        fpr, tpr, thresholds = metrics.roc_curve(positive, proba[:, k])
        curves.append({"fpr": fpr, "tpr": tpr, "thresholds": thresholds,
                       "auc": metrics.roc_auc_score(positive, proba[:, k])})
    case["roc"] = curves
    if classes == 2:
        case["auc_macro"] = metrics.roc_auc_score(y_true, proba[:, 1])
    elif len(set(y_true)) == classes:
        case["auc_macro"] = metrics.roc_auc_score(y_true, proba, multi_class="ovr", average="macro")
    return case


def metric_fixtures():
    rng = np.random.default_rng(7)
    cases = {}
    # Four classes, 300 rows, probabilities in steps of 1/10 (many tied scores).
    n, k = 300, 4
    y_true = rng.integers(0, k, size=n)
    noisy = np.where(rng.random(n) < 0.55, y_true, rng.integers(0, k, size=n))
    logits = rng.normal(0, 1, size=(n, k))
    logits[np.arange(n), noisy] += 1.5
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    counts = rng.multinomial(10, pvals=[0.25] * k, size=n) * 0 + np.array(
        [rng.multinomial(10, row) for row in p])
    proba = counts / 10.0
    y_pred = proba.argmax(axis=1)
    cases["ties"] = metric_case(y_true, y_pred, proba, k)
    # Continuous scores, five classes, class 4 never predicted, 1000 rows.
    n, k = 1000, 5
    y_true = rng.integers(0, k, size=n)
    logits = rng.normal(0, 1, size=(n, k))
    logits[np.arange(n), y_true] += 1.0
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y_pred = proba[:, :4].argmax(axis=1)
    cases["continuous"] = metric_case(y_true, y_pred, proba, k)
    # Binary.
    n = 120
    y_true = rng.integers(0, 2, size=n)
    score = np.round(np.clip(0.3 * y_true + rng.random(n) * 0.7, 0, 1), 2)
    proba = np.c_[1 - score, score]
    y_pred = (score > 0.5).astype(int)
    cases["binary"] = metric_case(y_true, y_pred, proba, 2)
    # A class in y_pred only (label 3 never true) and a class in neither (label 4).
    y_true = np.array([0, 0, 1, 1, 2, 2, 2, 0, 1, 2, 0, 1])
    y_pred = np.array([0, 3, 1, 0, 2, 3, 2, 0, 1, 1, 0, 3])
    cases["absent"] = metric_case(y_true, y_pred, np.full((12, 5), 0.2), 5)
    write("metrics.json", cases)


def spotify():
    if not DATA.exists():
        print(f"skipping spotify_reference.json: {DATA} not found")
        return
    split = json.loads((OUT / "spotify_split.json").read_text())
    frame = pd.read_csv(DATA)
    x = frame[split["features"]].to_numpy(dtype=float)
    labels = sorted(frame[split["label"]].unique())
    y = frame[split["label"]].map({name: i for i, name in enumerate(labels)}).to_numpy()
    test = np.zeros(len(frame), dtype=bool)
    test[split["test_rows"]] = True
    xtr, xte, ytr, yte = x[~test], x[test], y[~test], y[test]
    scaler = StandardScaler().fit(xtr)
    str_, ste = scaler.transform(xtr), scaler.transform(xte)
    out = {"classes": labels, "train_rows": int((~test).sum()), "test_rows": int(test.sum()),
           "scaler_mean": scaler.mean_, "scaler_scale": scaler.scale_, "accuracy": {}}
    acc = out["accuracy"]
    acc["gaussian_nb_raw"] = GaussianNB().fit(xtr, ytr).score(xte, yte)
    acc["gaussian_nb_scaled"] = GaussianNB().fit(str_, ytr).score(ste, yte)
    for name, params in {
        "knn_uniform": {}, "knn_distance": {"weights": "distance"},
        "knn_manhattan": {"metric": "manhattan"},
        "knn_uniform_brute": {"algorithm": "brute"},
        "knn_cosine": {"metric": "cosine"},
    }.items():
        acc[name] = KNeighborsClassifier(**params).fit(str_, ytr).score(ste, yte)
    for name, params in {"logistic_l2": {}, "logistic_none": {"C": np.inf}}.items():
        model = LogisticRegression(max_iter=1000, **params).fit(str_, ytr)
        acc[name] = model.score(ste, yte)
        out[name] = {"coef": model.coef_, "intercept": model.intercept_, "n_iter": model.n_iter_}
    out["sklearn"] = sklearn.__version__
    write("spotify_reference.json", out)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    small_models()
    metric_fixtures()
    spotify()
