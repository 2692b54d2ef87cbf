/// The parameters of one playlist sub-genre of the `spotify-songs` profile, measured on the
/// real file by `Tests/reference/calibrate_profiles.py` (see `SpotifySongsCalibration`).
struct SubgenreCalibration: Sendable {
    typealias Spread = GenreStyle.Spread

    /// `playlist_genre`, e.g. `edm`.
    let genre: String
    /// `playlist_subgenre`, e.g. `big room`.
    let name: String
    /// Tracks of the sub-genre in the real file.
    let count: Int
    /// Parent normals of the features drawn as truncated normals.
    let danceability: Spread, energy: Spread, loudness: Spread, valence: Spread, tempo: Spread
    /// Logit-normals.
    let speechinessLogit: Spread, acousticnessLogit: Spread, livenessLogit: Spread
    /// Share of exact zeros; the rest is logit-normal.
    let instrumentalZeroShare: Double, instrumentalnessLogit: Spread
    /// Normal of log(duration_ms).
    let logDuration: Spread
    /// Share of major keys.
    let majorShare: Double
    /// Share of popularity 0; the rest is a truncated normal on 1–100.
    let popularityZeroShare: Double, popularity: Spread
}

/// The `spotify-songs` synthetic profile: tracks of six playlist genres shaped like
/// `shared/data/spotify_songs.csv` (the TidyTuesday Spotify songs).
///
/// - Label `playlist_genre` (edm, rap, pop, r&b, latin, rock), imbalanced as the real counts
///   6043 / 5743 / 5507 / 5431 / 5153 / 4951; by default 32,828 rows as the real file.
///   `rows` keeps those proportions (over the 24 sub-genres); `rowsPerClass` gives every
///   genre the same number, split over its sub-genres as in the real file.
/// - `playlist_subgenre`: the real 24 values, four per genre.
/// - `track_artist`: made-up artists, a pool per sub-genre with a few prolific ones; `artist_genres`: the artist's Spotify genres as one comma-separated
///   string ("dance pop, edm, pop"), empty for 2% of artists (see `SpotifySongsVocabulary`).
/// - The audio features, `track_popularity` and `duration_ms` drawn per sub-genre with the
///   real means and spreads (`SpotifySongsCalibration`) through a Gaussian copula: exact
///   truncated-normal (or logit-normal) marginals whose normal scores correlate as in the
///   real file within a sub-genre (loudness and acousticness follow energy, valence follows
///   danceability), so loudness–energy comes out near the real 0.68 overall.
///
/// Rows come in a shuffled order; each sub-genre draws from its own stream, so its tracks
/// depend only on the seed and its own row count.
enum SpotifySongsProfile {
    typealias Spread = GenreStyle.Spread

    /// The playlist genres, largest first (as in the real file).
    static let genres = ["edm", "rap", "pop", "r&b", "latin", "rock"]

    /// Rows of the real file (32,828).
    static var defaultRows: Int { SpotifySongsCalibration.subgenres.reduce(0) { $0 + $1.count } }

    /// Rows per sub-genre (in `SpotifySongsCalibration.subgenres` order).
    static func subgenreCounts(rows: Int?, rowsPerClass: Int?) -> [Int] {
        let subgenres = SpotifySongsCalibration.subgenres
        if let rowsPerClass {
            var counts = [Int](repeating: 0, count: subgenres.count)
            for genre in genres {
                let members = subgenres.indices.filter { subgenres[$0].genre == genre }
                let parts = SyntheticDraw.allocate(rowsPerClass, proportionalTo: members.map { Double(subgenres[$0].count) })
                for (i, part) in zip(members, parts) { counts[i] = part }
            }
            return counts
        }
        let total = rows ?? defaultRows
        return SyntheticDraw.allocate(total, proportionalTo: subgenres.map { Double($0.count) })
    }

    /// The table with `counts[s]` tracks of sub-genre `s`, rows shuffled.
    static func table(subgenreCounts counts: [Int], seed: UInt64) -> Table {
        var parts: [Tracks] = []
        for (s, calibration) in SpotifySongsCalibration.subgenres.enumerated() {
            var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "spotify-songs/" + calibration.name))
            parts.append(Tracks(calibration, count: counts[s], rng: &rng))
        }
        let total = counts.reduce(0, +)
        var orderRng = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "spotify-songs/order"))
        let order = SyntheticDraw.permutation(total, &orderRng)
        /// All sub-genres' values of one column, in shuffled row order.
        func text(_ path: KeyPath<Tracks, [String?]>) -> [String?] {
            let joined = parts.flatMap { $0[keyPath: path] }
            return order.map { joined[$0] }
        }
        func numbers(_ path: KeyPath<Tracks, [Double]>) -> [Double] {
            let joined = parts.flatMap { $0[keyPath: path] }
            return order.map { joined[$0] }
        }
        return Table(uncheckedColumns: [
            Column(name: "track_id", text: text(\.id)),
            Column(name: "track_name", text: text(\.name)),
            Column(name: "track_artist", text: text(\.artist)),
            Column(name: "track_popularity", numeric: numbers(\.popularity)),
            Column(name: "playlist_genre", text: text(\.genre)),
            Column(name: "playlist_subgenre", text: text(\.subgenre)),
            Column(name: "danceability", numeric: numbers(\.danceability)),
            Column(name: "energy", numeric: numbers(\.energy)),
            Column(name: "key", numeric: numbers(\.key)),
            Column(name: "loudness", numeric: numbers(\.loudness)),
            Column(name: "mode", numeric: numbers(\.mode)),
            Column(name: "speechiness", numeric: numbers(\.speechiness)),
            Column(name: "acousticness", numeric: numbers(\.acousticness)),
            Column(name: "instrumentalness", numeric: numbers(\.instrumentalness)),
            Column(name: "liveness", numeric: numbers(\.liveness)),
            Column(name: "valence", numeric: numbers(\.valence)),
            Column(name: "tempo", numeric: numbers(\.tempo)),
            Column(name: "duration_ms", numeric: numbers(\.durationMs)),
            Column(name: "artist_genres", text: text(\.artistGenres)),
        ])
    }

    /// How the artists of `genre` are named.
    static func nameStyle(_ genre: String) -> SyntheticNames.Style {
        switch genre {
        case "edm": return .electronic
        case "rap": return .rap
        case "r&b": return .soul
        case "latin": return .latin
        case "rock": return .rock
        default: return .pop
        }
    }

    /// The tracks of one sub-genre, one array per column.
    struct Tracks {
        var id: [String?] = [], name: [String?] = [], artist: [String?] = [], artistGenres: [String?] = []
        var genre: [String?] = [], subgenre: [String?] = []
        var popularity: [Double] = [], danceability: [Double] = [], energy: [Double] = [], key: [Double] = []
        var loudness: [Double] = [], mode: [Double] = [], speechiness: [Double] = [], acousticness: [Double] = []
        var instrumentalness: [Double] = [], liveness: [Double] = [], valence: [Double] = [], tempo: [Double] = []
        var durationMs: [Double] = []

        /// Draws the artist pool of the sub-genre, then `count` tracks.
        init(_ c: SubgenreCalibration, count: Int, rng: inout Xoshiro256StarStar) {
            let style = SpotifySongsProfile.nameStyle(c.genre)
            // About three tracks per artist, as in the real file (10,692 artists).
            let poolSize = max(8, count / 3)
            var artists: [(name: String, genres: String?)] = []
            artists.reserveCapacity(poolSize)
            for _ in 0..<poolSize {
                let name = SyntheticNames.artist(style, &rng)
                let genres = SpotifySongsVocabulary.artistGenres(subgenre: c.name, &rng)
                artists.append((name, genres.isEmpty ? nil : genres))
            }
            let logPool = DeterministicMath.log(Double(poolSize + 1))
            let keyShares = SpotifySongsCalibration.keyShares[c.genre] ?? Array(repeating: 1, count: 12)
            let rEL = SpotifySongsCalibration.energyLoudness
            let rEA = SpotifySongsCalibration.energyAcousticness
            let rDV = SpotifySongsCalibration.danceabilityValence
            let durationRange = DeterministicMath.log(30_000)...DeterministicMath.log(520_000)
            typealias Truncated = NormalDistribution.Truncated
            let popularityDraw = Truncated(c.popularity, in: 1...100)
            let danceabilityDraw = Truncated(c.danceability, in: 0...1)
            let valenceDraw = Truncated(c.valence, in: 0...1)
            let energyDraw = Truncated(c.energy, in: 0...1)
            let loudnessDraw = Truncated(c.loudness, in: -46...1.3)
            let tempoDraw = Truncated(c.tempo, in: 55...220)
            let durationDraw = Truncated(c.logDuration, in: durationRange)
            genre = Array(repeating: c.genre, count: count)
            subgenre = Array(repeating: c.name, count: count)
            for _ in 0..<count {
                id.append(SyntheticDraw.code(22, from: SyntheticDraw.base62, &rng))
                // Most tracks pick an artist uniformly; 40% pick log-uniformly, so a few
                // artists get many tracks (about 10,000 artists in 32,828 tracks, as real).
                let a = rng.nextDouble() < 0.6 ? rng.nextInt(below: poolSize)
                    : min(poolSize - 1, max(0, Int(DeterministicMath.exp(rng.nextDouble() * logPool)) - 1))
                artist.append(artists[a].name)
                artistGenres.append(artists[a].genres)
                let guest = rng.nextDouble() < 0.15 ? artists[rng.nextInt(below: poolSize)].name : nil
                name.append(SyntheticNames.track(style, featuring: guest, &rng))
                let (z1, z2) = SyntheticDraw.gaussianPair(&rng)
                popularity.append(rng.nextDouble() < c.popularityZeroShare
                    ? 0 : popularityDraw.at(z1).rounded())
                // Gaussian copula: exact truncated-normal marginals, correlated normal scores.
                let grooveZ = z2
                let (z3, z4) = SyntheticDraw.gaussianPair(&rng)
                danceability.append(Rounding.decimals(danceabilityDraw.at(grooveZ), 3))
                valence.append(Rounding.decimals(valenceDraw.at(
                    rDV * grooveZ + (1 - rDV * rDV).squareRoot() * z3), 3))
                let powerZ = z4
                energy.append(Rounding.decimals(energyDraw.at(powerZ), 3))
                let (z5, z6) = SyntheticDraw.gaussianPair(&rng)
                loudness.append(Rounding.decimals(loudnessDraw.at(
                    rEL * powerZ + (1 - rEL * rEL).squareRoot() * z5), 3))
                acousticness.append(SyntheticDraw.logit(
                    c.acousticnessLogit, at: rEA * powerZ + (1 - rEA * rEA).squareRoot() * z6))
                key.append(Double(SyntheticDraw.pick(keyShares, &rng)))
                mode.append(rng.nextDouble() < c.majorShare ? 1 : 0)
                let (z7, z8) = SyntheticDraw.gaussianPair(&rng)
                speechiness.append(SyntheticDraw.logit(c.speechinessLogit, at: z7))
                liveness.append(SyntheticDraw.logit(c.livenessLogit, at: z8))
                let (z9, z10) = SyntheticDraw.gaussianPair(&rng)
                instrumentalness.append(rng.nextDouble() < c.instrumentalZeroShare
                    ? 0 : SyntheticDraw.logit(c.instrumentalnessLogit, at: z9))
                tempo.append(Rounding.decimals(tempoDraw.at(z10), 3))
                durationMs.append(DeterministicMath.exp(durationDraw.at(rng.nextGaussian())).rounded())
            }
        }
    }
}
