"""`make bench`: report against the Python peer (pandas + scikit-learn) on the same data, same run.

Times CSV loading (../shared/data/spotify_songs.csv and a 120,000-row synthetic Beatport CSV),
the whole default report, and training each classifier of bench/models.md, and prints each
time with the ratio peer / report (> 1 means report is faster). Report step times come from
manifest.json; the machine is shared and noisy, so each side runs REPEATS times and the
median is shown.

    python3 bench/run.py [--repeats 3] [--skip-slow]

--skip-slow leaves out the slow models (scikit-learn's SVC alone takes 4-12 minutes) and the
incremental rebuilds of the whole Beatport report.
"""
import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
REPORT = ROOT / ".build" / "release" / "report"
SPOTIFY = ROOT.parent / "shared" / "data" / "spotify_songs.csv"


def median_time(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report_steps(markdown, out, params):
    # --no-cache: every repeat must run every step (the step cache would answer at once).
    args = [str(REPORT), "build", str(markdown), "--out", str(out), "--quiet", "--format", "html", "--no-cache"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    manifest = json.loads((out / markdown.stem / "manifest.json").read_text())
    return {step["id"]: step["seconds"] for step in manifest["steps"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-slow", action="store_true", help="only loading and the fast models")
    arguments = parser.parse_args()
    repeats = arguments.repeats
    import numpy as np
    import pandas as pd
    from sklearn.cluster import KMeans
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.preprocessing import StandardScaler
    from sklearn.model_selection import train_test_split
    from sklearn.tree import DecisionTreeClassifier

    work = pathlib.Path(tempfile.mkdtemp(prefix="report-bench-"))
    beatport = work / "beatport.csv"
    subprocess.run([str(REPORT), "synth", "beatport", "--rows", "120000", "--seed", "1", "-o", str(beatport)], check=True)
    rows = []

    def add(task, ours, peer):
        rows.append((task, ours, peer))
        print(f"  {task:<44} report {ours:8.3f} s   peer {peer:8.3f} s   ratio {peer / ours:6.1f}×", flush=True)

    print(f"median of {repeats} runs; ratio = peer time / report time")
    # CSV loading: the whole {load} step against pandas.read_csv.
    loader = ROOT / "bench" / "load-only.md"
    loader.write_text("---\nparams:\n  data: x.csv\n---\n\n```{load} {{ params.data }}\n:name: data\n```\n")
    for name, path in [("spotify_songs.csv (8 MB)", SPOTIFY), ("beatport 120,000 rows", beatport)]:
        if not path.exists():
            print(f"  skipped {name}: {path} is absent")
            continue
        ours = statistics.median(report_steps(loader, work / "load", {"data": path})["data"] for _ in range(repeats))
        peer = median_time(lambda: pd.read_csv(path), repeats)
        add(f"load {name}", ours, peer)
    loader.unlink()

    # Models: the report's steps against scikit-learn with the same settings.
    steps = [report_steps(ROOT / "bench" / "models.md", work / "models", {"data": beatport}) for _ in range(repeats)]
    ours = {key: statistics.median(s[key] for s in steps) for key in steps[0]}
    frame = pd.read_csv(beatport)
    features = [c for c in frame.columns if c not in ("genre", "track_id")]
    x, y = frame[features].to_numpy(), frame["genre"].to_numpy()
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=1)
    scaler = StandardScaler().fit(x_train)
    x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)
    peers = {
        "rf": RandomForestClassifier(n_estimators=200, max_depth=20, n_jobs=2, random_state=1),
        "dt": DecisionTreeClassifier(max_depth=30, random_state=1),
        "lr": LogisticRegression(),
        "nb": GaussianNB(),
        "gb": HistGradientBoostingClassifier(random_state=1),
    }
    for key, model in peers.items():
        add(f"train {key} ({type(model).__name__})", ours[key], median_time(lambda: model.fit(x_train, y_train), repeats))
    # k-means on every (normalised) row, as the report's {kmeans} step after {normalize}.
    x_all = scaler.transform(x)
    add("k-means k=12, 10 restarts, 120,000 rows", ours["kmeans"],
        median_time(lambda: KMeans(n_clusters=12, n_init=10, random_state=1).fit(x_all), repeats))
    knn = KNeighborsClassifier(n_neighbors=5, n_jobs=2).fit(x_train, y_train)
    predictors = [peers[key] for key in ("rf", "dt", "lr", "nb")]
    add("evaluate: k-NN predict 24,000 rows + 4 others", ours["evaluate"],
        median_time(lambda: [knn.predict(x_test)] + [m.predict(x_test) for m in predictors], repeats))

    if arguments.skip_slow:
        return
    # The slow models, one run each (scikit-learn's SVC alone takes minutes).
    from sklearn.linear_model import SGDClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.svm import SVC
    heavy = report_steps(ROOT / "bench" / "models-heavy.md", work / "heavy", {"data": beatport})
    svc = SVC(kernel="rbf")
    add("train svm (SVC rbf, 96,000 rows)", heavy["svm"], median_time(lambda: svc.fit(x_train, y_train), 1))
    add("evaluate svm: predict 24,000 rows", heavy["svm-predict"], median_time(lambda: svc.predict(x_test), 1))
    mlp = MLPClassifier(hidden_layer_sizes=(128, 64), max_iter=30, random_state=1)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        add("train mlp (128, 64), 30 epochs", heavy["mlp"], median_time(lambda: mlp.fit(x_train, y_train), 1))
    add("train sgd (SGDClassifier hinge)", heavy["sgd"],
        median_time(lambda: SGDClassifier(random_state=1).fit(x_train, y_train), repeats))

    # The default report end to end, then the step cache: a prose-only edit and one model's
    # option change, each rebuilt with the cache of the first build (SPEC §5).
    incremental = work / "incremental"
    incremental.mkdir()
    source = (ROOT / "reports" / "beatport.md").read_text()
    copy = incremental / "beatport.md"
    copy.write_text(source)
    out = incremental / "out"
    start = time.perf_counter()
    subprocess.run([str(REPORT), "build", str(copy), "--out", str(out), "--quiet"], check=True, stdout=subprocess.DEVNULL)
    full = time.perf_counter() - start
    print(f"  reports/beatport.md end to end (120,000 tracks, {len(list((out / 'beatport' / 'figures').iterdir()))} figures): {full:.2f} s")

    def rebuild(label, text, runs=repeats):
        copy.write_text(text)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([str(REPORT), "build", str(copy), "--out", str(out), "--quiet"], check=True,
                           stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        manifest = json.loads((out / "beatport" / "manifest.json").read_text())
        ran = [step["id"] for step in manifest["steps"] if not step["cached"]]
        print(f"  {label:<44} {statistics.median(times):8.3f} s   steps run: {', '.join(ran) or 'none'}")

    rebuild("rebuild after a prose-only edit", source.replace("## ", "## Section: ", 1))
    first_line = next(line for line in source.splitlines() if line and not line.startswith(("-", "#", "`", ":")) and line[0].isalpha())
    rebuild("rebuild after another prose edit", source.replace(first_line, first_line + " (edited)", 1))
    if ":max-depth: 20" in source:
        rebuild("rebuild after one model's option (max-depth)", source.replace(":max-depth: 20", ":max-depth: 18", 1), runs=1)


if __name__ == "__main__":
    sys.exit(main())
