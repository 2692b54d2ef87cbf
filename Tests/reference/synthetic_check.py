"""Offline check of the built-in synthetic profiles against the findings they must reproduce.

Reads the CSV that `report synth PROFILE` writes and prints the measurements that the Swift
tests only approximate (they use a simple histogram naive Bayes instead of a forest):

    swift build -c release --product report
    .build/release/report synth beatport -o /tmp/beatport.csv          # 6 x 20,000 rows, seed 42
    python3 Tests/reference/synthetic_check.py beatport /tmp/beatport.csv
    .build/release/report synth echonest -o /tmp/echonest.csv
    python3 Tests/reference/synthetic_check.py echonest /tmp/echonest.csv
    .build/release/report synth spotify-songs -o /tmp/spotify-songs.csv
    python3 Tests/reference/synthetic_check.py spotify-songs /tmp/spotify-songs.csv
    .build/release/report synth lastfm -o /tmp/lastfm.csv
    python3 Tests/reference/synthetic_check.py lastfm /tmp/lastfm.csv

Without a CSV path the script runs `.build/release/report synth PROFILE` itself.
Needs pandas and scikit-learn (tested with scikit-learn 1.9).
"""
import io
import pathlib
import re
import subprocess
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

ROOT = pathlib.Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "data" / "spotify_songs.csv"
AUDIO = ["danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
         "instrumentalness", "liveness", "valence", "tempo", "duration_ms", "time_signature"]


def load(profile, path):
    if path:
        return pd.read_csv(path, keep_default_na=False, na_values=[""])
    binary = ROOT / ".build" / "release" / "report"
    out = subprocess.run([str(binary), "synth", profile], check=True, capture_output=True).stdout
    return pd.read_csv(io.BytesIO(out), keep_default_na=False, na_values=[""])


def forest(frame, features, label, **params):
    """Fits a forest on a stratified 80/20 split; returns (labels, y_test, predictions, probabilities)."""
    x_train, x_test, y_train, y_test = train_test_split(
        frame[features].values, frame[label].values, test_size=0.2, stratify=frame[label], random_state=42)
    model = RandomForestClassifier(n_jobs=2, random_state=0, **params).fit(x_train, y_train)
    return model.classes_, y_test, model.predict(x_test), model.predict_proba(x_test)


def print_recalls(name, labels, y_test, predicted):
    recalls = recall_score(y_test, predicted, labels=labels, average=None)
    print(f"{name}: accuracy {accuracy_score(y_test, predicted):.3f}")
    for label, recall in sorted(zip(labels, recalls), key=lambda p: -p[1]):
        print(f"    recall {recall:.3f}  {label}")


def check_beatport(frame):
    features = [c for c in AUDIO if c in frame.columns]
    corr = frame[features].corr()
    pairs = [(abs(corr.loc[a, b]), a, b) for i, a in enumerate(features) for b in features[i + 1:]]
    pairs.sort(reverse=True)
    print(f"rows {len(frame)}; loudness-energy r = {corr.loc['loudness', 'energy']:.3f}")
    print("strongest other pairs: " + ", ".join(f"{a}-{b} {r:.3f}" for r, a, b in pairs[1:4]))
    overall = frame[["duration_ms", "time_signature", "mode"]].mean()
    by_genre = frame.groupby("genre")[["duration_ms", "time_signature", "mode"]].mean()
    print("per-genre means / overall mean (duration, time_signature, mode):")
    print((by_genre / overall).round(3).to_string())
    # Share of variance explained by the genre (eta squared) per feature.
    eta = {}
    for f in features:
        groups = frame.groupby("genre")[f]
        between = (groups.count() * (groups.mean() - frame[f].mean()) ** 2).sum()
        eta[f] = between / ((frame[f] - frame[f].mean()) ** 2).sum()
    print("eta^2 by feature: " + ", ".join(f"{f} {v:.4f}" for f, v in sorted(eta.items(), key=lambda p: -p[1])))
    labels, y_test, predicted, _ = forest(frame, features, "genre")
    print_recalls("RandomForestClassifier() [100 trees, scikit-learn defaults]", labels, y_test, predicted)
    labels, y_test, predicted, _ = forest(frame, features, "genre", n_estimators=200, max_depth=20)
    print_recalls("RandomForestClassifier(n_estimators=200, max_depth=20) [the study's]", labels, y_test, predicted)
    reduced = [f for f in features if f not in ("duration_ms", "time_signature", "mode")]
    labels, y_test, predicted, _ = forest(frame, reduced, "genre", n_estimators=200, max_depth=20)
    print(f"same forest without duration, time_signature, mode: accuracy {accuracy_score(y_test, predicted):.3f}")


def check_echonest(frame):
    features = ["acousticness", "danceability", "energy", "instrumentalness", "liveness", "speechiness",
                "tempo", "valence"]
    print(f"rows {len(frame)}; counts {frame['genre'].value_counts().to_dict()}")
    print(frame.groupby("genre")[features].mean().round(3).to_string())
    labels, y_test, predicted, proba = forest(frame, features, "genre")
    print_recalls("RandomForestClassifier()", labels, y_test, predicted)
    print(f"    weighted F1 {f1_score(y_test, predicted, average='weighted'):.3f}")
    for i, label in enumerate(labels):
        print(f"    AUC {label}: {roc_auc_score(y_test == label, proba[:, i]):.3f}")


def check_spotify_songs(frame):
    features = ["danceability", "energy", "loudness", "speechiness", "acousticness", "instrumentalness",
                "liveness", "valence", "tempo", "duration_ms", "track_popularity"]
    print(f"rows {len(frame)}; counts {frame['playlist_genre'].value_counts().to_dict()}")
    print(f"sub-genres {frame['playlist_subgenre'].nunique()}, artists {frame['track_artist'].nunique()}")
    synthetic = frame.groupby("playlist_genre")[features].mean()
    if REAL.exists():
        real = pd.read_csv(REAL).groupby("playlist_genre")[features].mean()
        print("per-genre means, synthetic / real:")
        print((synthetic / real).round(3).to_string())
        print(f"loudness-energy r: synthetic {frame['loudness'].corr(frame['energy']):.3f}, "
              f"real {pd.read_csv(REAL)[['loudness', 'energy']].corr().iloc[0, 1]:.3f}")
    audio = [f for f in AUDIO if f in frame.columns]
    labels, y_test, predicted, _ = forest(frame, audio, "playlist_genre")
    print_recalls("RandomForestClassifier() on the audio features", labels, y_test, predicted)
    # The twelve bins of the genre-bins study (seeds/002), first matching rule wins.
    rules = [
        ("pop", r"pop|indie|a cappella|doo-wop|boy band|christmas|halloween"),
        ("rock", r"rock|jam band|dreamo|screamo|emo|grunge|pixie|new wave|surf music"),
        ("jazz/blues", r"jazz|swing|broadway|blues|r&b|fusion|disney|barbershop|hollywood|show tunes|ragtime"
                       r"|stride|big band| hard bop| post bop|cabaret"),
        ("hardcore", r"metal|punk|djent|deathcore|hardcore|thrash"),
        ("dance", r"dub|techno|electro|trance|house|step|turntablism|jack swing|edm|room|drum and bass|workout"
                  r"|otacore|glitch|vapor|eurodance|hardstyle|wonky|rave"),
        ("country, folk", r"country|folk|bluegrass|nursery|americana|western|hawaiian|zydeco|zouk|redneck"
                          r"|children|lift kit"),
        ("rap/hip hop", r"rap|hip hop|lo-fi|chillhop|trip hop|drill|downtempo"),
        ("classical", r"classical|romantic|opera|orchestra|movie|baroque|piano|choral|wind ensemble"
                      r"|string quartet| video game|soundtrack|fingerstyle|chiptune|epicore|violin|flamenco"
                      r"|filmi|marching"),
        ("old school dance", r"funk|soul|disco|reggae|afropop|azontobeats|ska|opm|soca"),
        ("mexicano/latino", r"mexican|tejano|norteno|cumbia|banda|mariachi|reggaeton|urbano|latin christian"
                            r"|bossa|bolero|salsa|cubaton|rumba|boogaloo"),
        ("gospel/worship", r"gospel|worship|praise"),
        ("focus/sleep", r"focus|sleep|relax|mellow|ambient|chill lounge|meditation"),
    ]
    genres = frame["artist_genres"].fillna("")
    target = pd.Series([None] * len(frame), dtype=object)
    for name, rule in rules:
        hit = target.isna() & genres.str.contains(rule, regex=True)
        target[hit] = name
    print("regex bins (seeds/002): " + ", ".join(f"{k} {v}" for k, v in target.value_counts().items())
          + f", unmatched {target.isna().sum()}")


def check_lastfm(frame):
    print(f"rows {len(frame)}; columns {len(frame.columns)}")
    tags = frame["tags"].fillna("").map(lambda s: [t.strip() for t in s.split(",") if t.strip()])
    counts = pd.Series([t for ts in tags for t in ts]).value_counts()
    print(f"tags per track: mean {tags.map(len).mean():.2f}; distinct raw tags {len(counts)}")
    print("most frequent raw tags: " + ", ".join(f"{k} {v}" for k, v in counts.head(15).items()))
    merged = tags.map(lambda ts: sorted({re.sub(r"[\s-]+", " ", t.lower()) for t in ts}))
    mcounts = pd.Series([t for ts in merged for t in ts]).value_counts()
    print(f"distinct after merging case and hyphen variants: {len(mcounts)}")
    top = [t for t in mcounts.index if t != "rock"][:10]
    print("top 10 without rock: " + ", ".join(f"{t} {mcounts[t]}" for t in top))
    features = [c for c in frame.columns if frame[c].dtype.kind in "fi"]
    x_train, x_test, i_train, i_test = train_test_split(frame[features].values, np.arange(len(frame)),
                                                        test_size=0.3, random_state=234634754)
    for tag in top:
        y = merged.map(lambda ts: tag in ts).values
        model = RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0).fit(x_train, y[i_train])
        auc = roc_auc_score(y[i_test], model.predict_proba(x_test)[:, 1])
        print(f"    {tag:18s} share {y.mean():.3f}  forest AUC {auc:.3f}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    profile = sys.argv[1]
    frame = load(profile, sys.argv[2] if len(sys.argv) > 2 else None)
    {"beatport": check_beatport, "echonest": check_echonest, "spotify-songs": check_spotify_songs,
     "lastfm": check_lastfm}[profile](frame)


if __name__ == "__main__":
    main()
