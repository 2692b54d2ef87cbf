/// The `echonest` synthetic profile: Rock, Hip-Hop and Electronic tracks with the eight
/// Echo Nest audio features of the Free Music Archive / Spotify study (seeds/004).
///
/// - Label `genre`: Rock, Hip-Hop, Electronic, imbalanced 4000 / 2500 / 2500 by default
///   (`rows` keeps the 8 : 5 : 5 proportions; `rowsPerClass` balances them).
/// - Columns: `track_id` (Echo Nest style, `TR` + 16 characters), acousticness,
///   danceability, energy, instrumentalness, liveness, speechiness, tempo, valence, genre.
/// - The study's class differences: rock is the most acoustic; electronic the most
///   instrumental; hip-hop has the highest speechiness, danceability and valence; tempo,
///   liveness and energy barely differ. Hip-hop stands apart while electronic overlaps rock:
///   scikit-learn's `RandomForestClassifier(n_estimators=200)` on an 80/20 split reaches a
///   weighted F1 of about 0.76, AUC about 0.83 for Electronic, 0.96 for Hip-Hop and 0.91 for
///   Rock, and most of its errors are electronic tracks taken for rock
///   (`Tests/reference/synthetic_check.py echonest`).
/// - Values carry six significant digits (tempo three decimals), like the Echo Nest's.
enum EchonestProfile {
    typealias Spread = GenreStyle.Spread

    /// How the tracks of one genre are drawn: 0–1 features with a centre are truncated
    /// normals, the skewed ones logit-normals.
    struct Style: Sendable {
        let name: String
        /// Default number of tracks.
        let count: Int
        let acousticnessLogit: Spread
        let danceability: Spread
        let energy: Spread
        let instrumentalnessLogit: Spread
        let livenessLogit: Spread
        let speechinessLogit: Spread
        let tempo: Spread
        let valence: Spread
    }

    /// The genres in label order.
    static let genres: [Style] = [
        Style(name: "Rock", count: 4000,
              acousticnessLogit: Spread(mean: 0.0, sd: 2.6), danceability: Spread(mean: 0.42, sd: 0.15),
              energy: Spread(mean: 0.62, sd: 0.24), instrumentalnessLogit: Spread(mean: 0.0, sd: 3.0),
              livenessLogit: Spread(mean: -1.6, sd: 0.9), speechinessLogit: Spread(mean: -3.0, sd: 0.6),
              tempo: Spread(mean: 126, sd: 30), valence: Spread(mean: 0.45, sd: 0.25)),
        Style(name: "Hip-Hop", count: 2500,
              acousticnessLogit: Spread(mean: -1.4, sd: 2.0), danceability: Spread(mean: 0.66, sd: 0.14),
              energy: Spread(mean: 0.62, sd: 0.19), instrumentalnessLogit: Spread(mean: -1.5, sd: 3.2),
              livenessLogit: Spread(mean: -1.5, sd: 0.9), speechinessLogit: Spread(mean: -1.4, sd: 0.8),
              tempo: Spread(mean: 116, sd: 28), valence: Spread(mean: 0.56, sd: 0.23)),
        Style(name: "Electronic", count: 2500,
              acousticnessLogit: Spread(mean: -1.6, sd: 2.4), danceability: Spread(mean: 0.56, sd: 0.17),
              energy: Spread(mean: 0.64, sd: 0.24), instrumentalnessLogit: Spread(mean: 2.0, sd: 2.5),
              livenessLogit: Spread(mean: -1.7, sd: 0.8), speechinessLogit: Spread(mean: -2.5, sd: 0.8),
              tempo: Spread(mean: 124, sd: 27), valence: Spread(mean: 0.36, sd: 0.23)),
    ]

    /// How strongly acousticness falls with energy and valence rises with danceability
    /// (correlations of the underlying normal scores).
    static let energyAcousticness = -0.4
    static let danceabilityValence = 0.35

    /// Rows per genre for the `rows` / `rowsPerClass` options (default 4000 / 2500 / 2500).
    static func counts(rows: Int?, rowsPerClass: Int?) -> [Int] {
        if let rowsPerClass { return Array(repeating: rowsPerClass, count: genres.count) }
        guard let rows else { return genres.map(\.count) }
        return SyntheticDraw.allocate(rows, proportionalTo: genres.map { Double($0.count) })
    }

    /// The table with `counts[g]` tracks of genre `g`, rows shuffled.
    static func table(counts: [Int], seed: UInt64) -> Table {
        var ids: [String?] = [], labels: [String?] = []
        var features = [[Double]](repeating: [], count: 8)
        for (g, style) in genres.enumerated() {
            var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "echonest/" + style.name))
            for _ in 0..<counts[g] {
                ids.append("TR" + SyntheticDraw.code(16, from: SyntheticDraw.base36, &rng))
                labels.append(style.name)
                for (i, value) in track(style, &rng).enumerated() { features[i].append(value) }
            }
        }
        var orderRng = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "echonest/order"))
        let order = SyntheticDraw.permutation(ids.count, &orderRng)
        var columns = [Column(name: "track_id", text: order.map { ids[$0] })]
        for (i, name) in featureNames.enumerated() {
            columns.append(Column(name: name, numeric: order.map { features[i][$0] }))
        }
        columns.append(Column(name: "genre", text: order.map { labels[$0] }))
        return Table(uncheckedColumns: columns)
    }

    /// The feature columns in table order.
    static let featureNames = [
        "acousticness", "danceability", "energy", "instrumentalness", "liveness", "speechiness", "tempo", "valence",
    ]

    /// One track's features in `featureNames` order.
    private static func track(_ s: Style, _ rng: inout Xoshiro256StarStar) -> [Double] {
        let energy = SyntheticDraw.bounded(s.energy, in: 0...1, &rng)
        let energyZ = (energy - s.energy.mean) / s.energy.sd
        let acoustic = DeterministicMath.sigmoid(s.acousticnessLogit.at(
            energyAcousticness * energyZ + (1 - energyAcousticness * energyAcousticness).squareRoot() * rng.nextGaussian()))
        let dance = SyntheticDraw.bounded(s.danceability, in: 0...1, &rng)
        let danceZ = (dance - s.danceability.mean) / s.danceability.sd
        let valence = SyntheticDraw.following(danceZ, r: danceabilityValence, s.valence, in: 0...1, &rng)
        let instrumental = DeterministicMath.sigmoid(s.instrumentalnessLogit.at(rng.nextGaussian()))
        let live = DeterministicMath.sigmoid(s.livenessLogit.at(rng.nextGaussian()))
        let speech = DeterministicMath.sigmoid(s.speechinessLogit.at(rng.nextGaussian()))
        let tempo = SyntheticDraw.bounded(s.tempo, in: 40...250, &rng)
        return [
            Rounding.significant(acoustic, 6), Rounding.significant(dance, 6), Rounding.significant(energy, 6),
            Rounding.significant(instrumental, 6), Rounding.significant(live, 6), Rounding.significant(speech, 6),
            Rounding.decimals(tempo, 3), Rounding.significant(valence, 6),
        ]
    }
}
