"""Fixed train/test split of ../shared/data/spotify_songs.csv shared by the model parity tests.

Writes Tests/Fixtures/ml/spotify_split.json: the 12 numeric audio features, the label column and
the 0-based data-row indices of the test rows (a stratified 80/20 split by playlist_genre with
scikit-learn's train_test_split, random_state=42). The data itself is never committed.

    python3 Tests/reference/ml_split.py
"""
import json
import pathlib

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "spotify_songs.csv"
FEATURES = ["danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
            "instrumentalness", "liveness", "valence", "tempo", "duration_ms"]
LABEL = "playlist_genre"


def main():
    frame = pd.read_csv(DATA)
    indices = np.arange(len(frame))
    _, test = train_test_split(indices, test_size=0.2, stratify=frame[LABEL], random_state=42)
    out = ROOT / "Tests" / "Fixtures" / "ml" / "spotify_split.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "data": "spotify_songs.csv",
        "rows": int(len(frame)),
        "features": FEATURES,
        "label": LABEL,
        "test_rows": sorted(int(i) for i in test),
    }, separators=(",", ":")) + "\n")
    print(f"wrote {out} ({len(test)} test rows of {len(frame)})")


if __name__ == "__main__":
    main()
