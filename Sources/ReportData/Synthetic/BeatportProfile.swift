/// The `beatport` synthetic profile: six electronic genres with Spotify audio features.
///
/// Shaped after the facts in `shared/data/README.md` and the findings of the Beatport study
/// (SPEC §3):
/// - one latent "intensity" per track drives both energy and loudness (overall correlation
///   about 0.66; every other pair stays below 0.4);
/// - duration, time signature and key come from one distribution for every genre, and the
///   share of major keys stays within 0.48–0.51, so those features do not tell genres apart;
/// - tempos follow club conventions on whole BPM (Electronica anywhere in 80–140), drum &
///   bass is reported at half speed for 45% of its tracks, and 22% of all estimates are
///   misjudged (in the real file, 17–24% of the big room, electro house and progressive
///   electro house tempos fall outside 120–132 BPM; `calibrate_profiles.py` prints the
///   shares), plus a further 35% for drum & bass, whose broken beats confuse the estimator;
/// - Minimal / Deep Tech (steady tempo, nearly always instrumental, low valence) and
///   Psy-Trance (fast, loud, energetic, low valence) stand apart; Electronica is broad on
///   every feature, more acoustic and less loud; Nu Disco / Disco has the highest valence
///   and danceability but sits on house tempos shared with Minimal / Deep Tech and Techno.
///
/// With 20,000 tracks per genre (seed 42), scikit-learn's `RandomForestClassifier()` on an
/// 80/20 stratified split reaches about 67% accuracy; Psy-Trance and Minimal / Deep Tech
/// have the highest recall, Electronica and Nu Disco / Disco the lowest
/// (`Tests/reference/synthetic_check.py` measures it from `report synth beatport`).
enum BeatportProfile {
    typealias Spread = GenreStyle.Spread

    /// The genres in label order.
    static let genres: [GenreStyle] = [
        GenreStyle(
            name: "Minimal / Deep Tech",
            energy: Spread(mean: 0.68, sd: 0.13), loudness: Spread(mean: -8.0, sd: 2.5),
            danceability: Spread(mean: 0.77, sd: 0.1), valence: Spread(mean: 0.2, sd: 0.15),
            acousticnessLogit: Spread(mean: -3.2, sd: 1.4),
            vocalShare: 0.08, instrumentalnessLogit: Spread(mean: 2.3, sd: 1.3),
            speechinessLogit: Spread(mean: -2.9, sd: 0.5),
            livenessLogit: Spread(mean: -2.1, sd: 0.7),
            tempo: .convention(Spread(mean: 123, sd: 1.5), range: 119...127, halfTimeShare: 0),
            majorShare: 0.48),
        GenreStyle(
            name: "Psy-Trance",
            energy: Spread(mean: 0.87, sd: 0.1), loudness: Spread(mean: -6.0, sd: 2.3),
            danceability: Spread(mean: 0.6, sd: 0.13), valence: Spread(mean: 0.2, sd: 0.16),
            acousticnessLogit: Spread(mean: -4.2, sd: 1.6),
            vocalShare: 0.1, instrumentalnessLogit: Spread(mean: 2.0, sd: 1.4),
            speechinessLogit: Spread(mean: -2.7, sd: 0.5),
            livenessLogit: Spread(mean: -1.9, sd: 0.7),
            tempo: .convention(Spread(mean: 141.5, sd: 3.5), range: 133...152, halfTimeShare: 0),
            majorShare: 0.49),
        GenreStyle(
            name: "Techno (Peak Time / Driving)",
            energy: Spread(mean: 0.78, sd: 0.14), loudness: Spread(mean: -7.2, sd: 2.7),
            danceability: Spread(mean: 0.7, sd: 0.13), valence: Spread(mean: 0.25, sd: 0.19),
            acousticnessLogit: Spread(mean: -3.5, sd: 1.7),
            vocalShare: 0.25, instrumentalnessLogit: Spread(mean: 1.3, sd: 1.7),
            speechinessLogit: Spread(mean: -2.8, sd: 0.5),
            livenessLogit: Spread(mean: -2.0, sd: 0.7),
            tempo: .convention(Spread(mean: 131, sd: 4.5), range: 122...144, halfTimeShare: 0),
            majorShare: 0.48),
        GenreStyle(
            name: "Drum & Bass",
            energy: Spread(mean: 0.8, sd: 0.13), loudness: Spread(mean: -6.6, sd: 2.6),
            danceability: Spread(mean: 0.65, sd: 0.14), valence: Spread(mean: 0.28, sd: 0.21),
            acousticnessLogit: Spread(mean: -3.4, sd: 1.7),
            vocalShare: 0.35, instrumentalnessLogit: Spread(mean: 1.0, sd: 1.7),
            speechinessLogit: Spread(mean: -2.7, sd: 0.6),
            livenessLogit: Spread(mean: -1.95, sd: 0.7),
            tempo: .convention(Spread(mean: 174, sd: 2.5), range: 166...182, halfTimeShare: 0.45),
            breakbeatShare: 0.35,
            majorShare: 0.5),
        GenreStyle(
            name: "Electronica",
            energy: Spread(mean: 0.67, sd: 0.21), loudness: Spread(mean: -8.5, sd: 3.6),
            danceability: Spread(mean: 0.68, sd: 0.16), valence: Spread(mean: 0.28, sd: 0.28),
            acousticnessLogit: Spread(mean: -2.9, sd: 2.0),
            vocalShare: 0.35, instrumentalnessLogit: Spread(mean: 1.2, sd: 2.0),
            speechinessLogit: Spread(mean: -2.75, sd: 0.6),
            livenessLogit: Spread(mean: -2.0, sd: 0.7),
            tempo: .uniform(80...140),
            majorShare: 0.51),
        GenreStyle(
            name: "Nu Disco / Disco",
            energy: Spread(mean: 0.74, sd: 0.15), loudness: Spread(mean: -7.4, sd: 2.9),
            danceability: Spread(mean: 0.78, sd: 0.11), valence: Spread(mean: 0.38, sd: 0.22),
            acousticnessLogit: Spread(mean: -3.0, sd: 1.7),
            vocalShare: 0.3, instrumentalnessLogit: Spread(mean: 1.1, sd: 1.8),
            speechinessLogit: Spread(mean: -2.8, sd: 0.5),
            livenessLogit: Spread(mean: -2.0, sd: 0.7),
            tempo: .convention(Spread(mean: 122, sd: 4.5), range: 108...132, halfTimeShare: 0),
            majorShare: 0.51),
    ]

    /// How strongly energy and loudness load on the shared intensity (the within-genre
    /// correlation is its square, 0.64; truncation and genre means give about 0.67 overall).
    static let intensityLoading = 0.8
    /// Share of tracks whose reported tempo is misjudged in every genre (see
    /// `TrackColumns.tempo`).
    static let tempoErrorShare = 0.22

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
