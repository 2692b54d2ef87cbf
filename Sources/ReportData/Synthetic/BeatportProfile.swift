/// The `beatport` synthetic profile: six electronic genres with Spotify audio features.
///
/// Shaped after the facts in `shared/data/README.md`: one latent "intensity" per track
/// drives both energy and loudness (overall correlation about 0.7); duration, time
/// signature, key and mode come from one distribution for every genre; tempos follow club
/// conventions, with half-time reports for part of drum & bass and a share of misjudged
/// estimates everywhere; Minimal / Deep Tech and Psy-Trance stand apart while Electronica and
/// Nu Disco / Disco overlap the rest.
///
/// Tuned so that scikit-learn's `RandomForestClassifier()` (100 trees, 80/20 stratified
/// split) on 6 × 20,000 rows (seed 42) reaches about 66% accuracy (recall per class: D&B
/// 0.81, Minimal 0.76, Psy-Trance 0.75, Disco 0.62, Electronica 0.53, Techno 0.48);
/// loudness–energy r ≈ 0.68, the next strongest pair |r| ≈ 0.40. Tempo carries most of
/// the signal, so the share of misjudged tempos is the main knob for separability.
enum BeatportProfile {
    typealias Spread = GenreStyle.Spread

    /// The genres in label order.
    static let genres: [GenreStyle] = [
        GenreStyle(
            name: "Minimal / Deep Tech",
            energy: Spread(mean: 0.7, sd: 0.15), loudness: Spread(mean: -8.4, sd: 2.64),
            danceability: Spread(mean: 0.76, sd: 0.125), valence: Spread(mean: 0.25, sd: 0.2),
            acousticnessLogit: Spread(mean: -3.4, sd: 1.5),
            vocalShare: 0.08, instrumentalnessLogit: Spread(mean: 2.4, sd: 1.2),
            speechinessLogit: Spread(mean: -2.9, sd: 0.5),
            livenessLogit: Spread(mean: -2.1, sd: 0.7),
            tempo: .convention(Spread(mean: 123, sd: 3), range: 115...131, halfTimeShare: 0),
            majorShare: 0.47),
        GenreStyle(
            name: "Psy-Trance",
            energy: Spread(mean: 0.88, sd: 0.112), loudness: Spread(mean: -5.8, sd: 2.4),
            danceability: Spread(mean: 0.62, sd: 0.15), valence: Spread(mean: 0.27, sd: 0.213),
            acousticnessLogit: Spread(mean: -4.4, sd: 1.7),
            vocalShare: 0.2, instrumentalnessLogit: Spread(mean: 1.4, sd: 1.6),
            speechinessLogit: Spread(mean: -2.8, sd: 0.5),
            livenessLogit: Spread(mean: -1.9, sd: 0.7),
            tempo: .convention(Spread(mean: 142, sd: 4), range: 130...152, halfTimeShare: 0),
            majorShare: 0.48),
        GenreStyle(
            name: "Techno (Peak Time / Driving)",
            energy: Spread(mean: 0.82, sd: 0.138), loudness: Spread(mean: -7.0, sd: 2.76),
            danceability: Spread(mean: 0.67, sd: 0.15), valence: Spread(mean: 0.26, sd: 0.213),
            acousticnessLogit: Spread(mean: -3.9, sd: 1.7),
            vocalShare: 0.2, instrumentalnessLogit: Spread(mean: 1.4, sd: 1.6),
            speechinessLogit: Spread(mean: -2.8, sd: 0.5),
            livenessLogit: Spread(mean: -2.0, sd: 0.7),
            tempo: .convention(Spread(mean: 132, sd: 6), range: 122...150, halfTimeShare: 0),
            majorShare: 0.47),
        GenreStyle(
            name: "Drum & Bass",
            energy: Spread(mean: 0.85, sd: 0.125), loudness: Spread(mean: -5.4, sd: 2.4),
            danceability: Spread(mean: 0.57, sd: 0.15), valence: Spread(mean: 0.32, sd: 0.225),
            acousticnessLogit: Spread(mean: -3.7, sd: 1.7),
            vocalShare: 0.4, instrumentalnessLogit: Spread(mean: 0.8, sd: 1.6),
            speechinessLogit: Spread(mean: -2.5, sd: 0.6),
            livenessLogit: Spread(mean: -1.9, sd: 0.7),
            tempo: .convention(Spread(mean: 174, sd: 3), range: 164...182, halfTimeShare: 0.4),
            majorShare: 0.49),
        GenreStyle(
            name: "Electronica",
            energy: Spread(mean: 0.68, sd: 0.213), loudness: Spread(mean: -9.2, sd: 4.2),
            danceability: Spread(mean: 0.62, sd: 0.175), valence: Spread(mean: 0.32, sd: 0.25),
            acousticnessLogit: Spread(mean: -2.4, sd: 1.9),
            vocalShare: 0.35, instrumentalnessLogit: Spread(mean: 1.0, sd: 1.8),
            speechinessLogit: Spread(mean: -2.8, sd: 0.6),
            livenessLogit: Spread(mean: -2.0, sd: 0.7),
            tempo: .uniform(80...140),
            majorShare: 0.52),
        GenreStyle(
            name: "Nu Disco / Disco",
            energy: Spread(mean: 0.75, sd: 0.163), loudness: Spread(mean: -7.2, sd: 3.0),
            danceability: Spread(mean: 0.7, sd: 0.138), valence: Spread(mean: 0.4, sd: 0.275),
            acousticnessLogit: Spread(mean: -3.1, sd: 1.7),
            vocalShare: 0.45, instrumentalnessLogit: Spread(mean: 0.6, sd: 1.7),
            speechinessLogit: Spread(mean: -2.9, sd: 0.5),
            livenessLogit: Spread(mean: -2.0, sd: 0.7),
            tempo: .convention(Spread(mean: 120, sd: 6), range: 98...130, halfTimeShare: 0),
            majorShare: 0.53),
    ]

    /// How strongly energy and loudness load on the shared intensity (the within-genre
    /// correlation is its square, 0.64; truncation and genre means give about 0.68 overall).
    static let intensityLoading = 0.8
    /// Share of tracks whose reported tempo is misjudged (see `TrackColumns.tempo`).
    static let tempoErrorShare = 0.35

    /// The table with `countsPerGenre[g]` tracks of genre `g`, interleaved genre by genre
    /// (row 0 of each genre, then row 1 of each, …).
    static func table(countsPerGenre: [Int], seed: UInt64) -> Table {
        let perGenre = genres.enumerated().map { g, style in
            var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "beatport/" + style.name))
            return TrackColumns(style: style, count: countsPerGenre[g], rng: &rng)
        }
        return TrackColumns.interleaved(perGenre, genreNames: genres.map(\.name))
    }
}
