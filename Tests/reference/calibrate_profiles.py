"""Calibration of the `spotify-songs` synthetic profile against ../shared/data/spotify_songs.csv.

Computes, per playlist sub-genre (24, four per playlist genre), the parameters the Swift
generator draws from, and writes them as Swift source:

- danceability, energy, loudness, valence, tempo: mean and sd of the parent normal whose
  truncation to the feature's range has the sub-genre's mean and standard deviation;
- speechiness, acousticness, liveness: a logit-normal with the sd of the sub-genre's logits
  and the location that reproduces the sub-genre's mean;
- instrumentalness: the share of exact zeros, and a logit-normal for the rest (as above);
- duration_ms: mean and sd of log(duration); track_popularity: the share of zeros and a
  truncated normal on 1-100 for the rest; mode: the share of major keys;
- per playlist genre, the distribution of `key`;
- (printed to stderr) the share of club-house tempos outside 120-132 BPM, behind the share
  of misjudged tempo estimates of the `beatport` profile;
- the within-sub-genre correlations of normal scores (averaged over sub-genres) with which
  loudness and acousticness follow energy, and valence follows danceability.

    python3 Tests/reference/calibrate_profiles.py            # prints the Swift source
    python3 Tests/reference/calibrate_profiles.py --write    # rewrites SpotifySongsCalibration.swift

The data file is never copied into the project; only these summary numbers are.
"""
import math
import pathlib
import sys

import numpy as np
import pandas as pd
from scipy import optimize, stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "spotify_songs.csv"
OUT = ROOT / "Sources" / "ReportData" / "Synthetic" / "SpotifySongsCalibration.swift"

# Ranges of the truncated normals (the real file's values lie inside them).
RANGES = {"danceability": (0.0, 1.0), "energy": (0.0, 1.0), "valence": (0.0, 1.0),
          "loudness": (-46.0, 1.3), "tempo": (55.0, 220.0)}
GENRES = ["edm", "rap", "pop", "r&b", "latin", "rock"]
HERMITE_X, HERMITE_W = np.polynomial.hermite_e.hermegauss(80)
HERMITE_W = HERMITE_W / HERMITE_W.sum()


def fmt(x, digits=4):
    """A short decimal literal (`digits` significant digits), e.g. 0.6547, -5.427, 125.8."""
    if x == 0:
        return "0"
    text = f"{x:.{digits}g}"
    if "e" in text:
        text = f"{x:.{digits + 6}f}".rstrip("0")
    if "." not in text:
        text += ".0"
    return text


def truncated_parent(mean, sd, lo, hi):
    """The parent normal (mu, sigma) whose truncation to [lo, hi] has this mean and sd."""
    def moments(params):
        mu, log_sigma = params
        sigma = math.exp(log_sigma)
        a, b = (lo - mu) / sigma, (hi - mu) / sigma
        m, v = stats.truncnorm.stats(a, b, loc=mu, scale=sigma, moments="mv")
        return [(m - mean) / sd, (math.sqrt(v) - sd) / sd]
    solution = optimize.least_squares(moments, [mean, math.log(sd)], method="lm")
    return solution.x[0], math.exp(solution.x[1])


def logit_normal(values):
    """(mu, sigma) of a logit-normal with the values' logit spread and mean."""
    x = np.clip(values, 1e-6, 1 - 1e-6)
    logits = np.log(x / (1 - x))
    sigma = logits.std()
    target = values.mean()

    def mean_of(mu):
        return float(np.sum(HERMITE_W / (1 + np.exp(-(mu + sigma * HERMITE_X))))) - target
    mu = optimize.brentq(mean_of, -30, 30)
    return mu, sigma


def normal_scores_correlation(frame, a, b):
    """Pearson correlation of the normal scores (ranks mapped through the normal quantile)."""
    ra = stats.norm.ppf((frame[a].rank() - 0.5) / len(frame))
    rb = stats.norm.ppf((frame[b].rank() - 0.5) / len(frame))
    return float(np.corrcoef(ra, rb)[0, 1])


def main():
    frame = pd.read_csv(DATA)
    subgenres = []
    for genre in GENRES:
        part = frame[frame.playlist_genre == genre]
        for name, group in sorted(part.groupby("playlist_subgenre"), key=lambda p: -len(p[1])):
            row = {"genre": genre, "name": name, "count": len(group)}
            for feature, (lo, hi) in RANGES.items():
                row[feature] = truncated_parent(group[feature].mean(), group[feature].std(), lo, hi)
            for feature in ["speechiness", "acousticness", "liveness"]:
                row[feature] = logit_normal(group[feature].values)
            nonzero = group.instrumentalness[group.instrumentalness > 0].values
            row["instrumental_zero"] = float((group.instrumentalness == 0).mean())
            row["instrumentalness"] = logit_normal(nonzero)
            log_duration = np.log(group.duration_ms.values)
            row["log_duration"] = (log_duration.mean(), log_duration.std())
            row["major"] = float(group["mode"].mean())
            popular = group.track_popularity[group.track_popularity > 0]
            row["popularity_zero"] = float((group.track_popularity == 0).mean())
            row["popularity"] = truncated_parent(popular.mean(), popular.std(), 1, 100)
            subgenres.append(row)

    def within(a, b):
        return float(np.mean([normal_scores_correlation(g, a, b) for _, g in frame.groupby("playlist_subgenre")]))
    r_el = within("energy", "loudness")
    r_ea = within("energy", "acousticness")
    r_la = within("loudness", "acousticness")
    r_dv = within("danceability", "valence")
    keys = {g: frame[frame.playlist_genre == g]["key"].value_counts(normalize=True).sort_index().values
            for g in GENRES}
    overall_r = frame[["energy", "loudness"]].corr().iloc[0, 1]

    def spread(pair, digits=4):
        return f"Spread(mean: {fmt(pair[0], digits)}, sd: {fmt(pair[1], digits)})"

    lines = [
        "// Generated by Tests/reference/calibrate_profiles.py from ../shared/data/spotify_songs.csv;",
        "// do not edit by hand, run the script with --write instead.",
        "",
        "/// Per-sub-genre parameters of the `spotify-songs` profile, measured on the real file",
        "/// (see `Tests/reference/calibrate_profiles.py` for how each number is computed).",
        "enum SpotifySongsCalibration {",
        "    typealias Spread = GenreStyle.Spread",
        "",
        f"    /// Within-sub-genre correlations of normal scores, averaged over the sub-genres.",
        f"    /// Loudness and acousticness follow energy, valence follows danceability; the",
        f"    /// loudness–acousticness correlation is then about {r_el * r_ea:.3f} (real: {r_la:.3f}).",
        f"    /// (Overall Pearson energy–loudness in the real file: {overall_r:.3f}.)",
        f"    static let energyLoudness = {fmt(r_el)}",
        f"    static let energyAcousticness = {fmt(r_ea)}",
        f"    static let danceabilityValence = {fmt(r_dv)}",
        "",
        "    /// Share of each `key` (0 = C … 11 = B) per playlist genre.",
        "    static let keyShares: [String: [Double]] = [",
    ]
    for g in GENRES:
        lines.append(f'        "{g}": [{", ".join(fmt(p, 3) for p in keys[g])}],')
    lines += ["    ]", "", "    /// The 24 sub-genres, grouped by playlist genre, largest first within each.",
              "    static let subgenres: [SubgenreCalibration] = ["]
    for row in subgenres:
        lines += [
            "        SubgenreCalibration(",
            f'            genre: "{row["genre"]}", name: "{row["name"]}", count: {row["count"]},',
            f'            danceability: {spread(row["danceability"])}, energy: {spread(row["energy"])},',
            f'            loudness: {spread(row["loudness"])}, valence: {spread(row["valence"])},',
            f'            tempo: {spread(row["tempo"])},',
            f'            speechinessLogit: {spread(row["speechiness"])},',
            f'            acousticnessLogit: {spread(row["acousticness"])},',
            f'            livenessLogit: {spread(row["liveness"])},',
            f'            instrumentalZeroShare: {fmt(row["instrumental_zero"], 3)},'
            f' instrumentalnessLogit: {spread(row["instrumentalness"])},',
            f'            logDuration: {spread(row["log_duration"], 5)}, majorShare: {fmt(row["major"], 3)},',
            f'            popularityZeroShare: {fmt(row["popularity_zero"], 3)}, popularity: {spread(row["popularity"])}),',
        ]
    lines += ["    ]", "}", ""]
    source = "\n".join(lines)
    # A fact behind the `beatport` profile's share of misjudged tempo estimates.
    club = frame[frame.playlist_subgenre.isin(["big room", "electro house", "progressive electro house"])]
    outside = club.groupby("playlist_subgenre").tempo.apply(lambda t: float((~t.between(120, 132)).mean()))
    print("share of tempos outside 120-132 BPM: "
          + ", ".join(f"{name} {share:.2f}" for name, share in outside.items()), file=sys.stderr)
    if "--write" in sys.argv:
        OUT.write_text(source)
        print(f"wrote {OUT.relative_to(ROOT)}")
    else:
        print(source)


if __name__ == "__main__":
    main()
