/// The audio features of one genre's synthetic tracks, one array per feature.
struct TrackColumns {
    var danceability: [Double] = []
    var energy: [Double] = []
    var key: [Double] = []
    var loudness: [Double] = []
    var mode: [Double] = []
    var speechiness: [Double] = []
    var acousticness: [Double] = []
    var instrumentalness: [Double] = []
    var liveness: [Double] = []
    var valence: [Double] = []
    var tempo: [Double] = []
    var durationMs: [Double] = []
    var timeSignature: [Double] = []

    /// Draws `count` tracks of `style` from `rng`, one track at a time.
    init(style: GenreStyle, count: Int, rng: inout Xoshiro256StarStar) {
        reserve(count)
        let loading = BeatportProfile.intensityLoading
        let rest = (1 - loading * loading).squareRoot()
        for _ in 0..<count {
            let intensity = rng.nextGaussian()
            energy.append(Rounding.decimals(Self.bounded(
                style.energy, shared: loading * intensity, weight: rest, in: 0...1, &rng), 3))
            loudness.append(Rounding.decimals(Self.bounded(
                style.loudness, shared: loading * intensity, weight: rest, in: -35 ... -1, &rng), 3))
            let groove = Self.bounded(style.danceability, shared: 0, weight: 1, in: 0...1, &rng)
            danceability.append(Rounding.decimals(groove, 3))
            let grooveZ = (groove - style.danceability.mean) / style.danceability.sd
            valence.append(Rounding.decimals(Self.bounded(
                style.valence, shared: 0.4 * grooveZ, weight: 0.9165, in: 0...1, &rng), 3))
            acousticness.append(Rounding.significant(DeterministicMath.sigmoid(
                style.acousticnessLogit.at(-0.5 * intensity + 0.866 * rng.nextGaussian())), 3))
            instrumentalness.append(Self.instrumentalness(style, &rng))
            speechiness.append(Rounding.significant(
                DeterministicMath.sigmoid(style.speechinessLogit.at(rng.nextGaussian())), 3))
            liveness.append(Rounding.significant(
                DeterministicMath.sigmoid(style.livenessLogit.at(rng.nextGaussian())), 3))
            tempo.append(Rounding.decimals(Self.tempo(style, &rng), 3))
            // Shared by every genre: key, mode (nearly), duration, time signature.
            key.append(Double(rng.nextInt(below: 12)))
            mode.append(rng.nextDouble() < style.majorShare ? 1 : 0)
            durationMs.append(Self.durationMs(&rng))
            timeSignature.append(Self.timeSignature(&rng))
        }
    }

    /// Reserves room for `count` tracks in every array.
    private mutating func reserve(_ count: Int) {
        for path in Self.numericColumns.map(\.1) { self[keyPath: path].reserveCapacity(count) }
    }

    /// The numeric columns in table order, after `track_id` and before `genre`.
    static var numericColumns: [(String, WritableKeyPath<TrackColumns, [Double]>)] { [
        ("danceability", \.danceability), ("energy", \.energy), ("key", \.key),
        ("loudness", \.loudness), ("mode", \.mode), ("speechiness", \.speechiness),
        ("acousticness", \.acousticness), ("instrumentalness", \.instrumentalness),
        ("liveness", \.liveness), ("valence", \.valence), ("tempo", \.tempo),
        ("duration_ms", \.durationMs), ("time_signature", \.timeSignature),
    ] }

    /// Merges genres row by row (one track of each genre in turn, skipping genres that ran
    /// out) and adds `track_id` (`bp000001`, …) and `genre`.
    static func interleaved(_ genres: [TrackColumns], genreNames: [String]) -> Table {
        let counts = genres.map(\.danceability.count)
        let total = counts.reduce(0, +)
        let longest = counts.max() ?? 0
        /// Picks one value per row, genre by genre, from per-genre arrays.
        func merge<T>(_ sources: [[T]]) -> [T] {
            var merged: [T] = []
            merged.reserveCapacity(total)
            for row in 0..<longest {
                for g in sources.indices where row < counts[g] { merged.append(sources[g][row]) }
            }
            return merged
        }
        let width = max(6, String(total).count)
        let ids: [String?] = (0..<total).map { n in
            let digits = String(n + 1)
            return "bp" + String(repeating: "0", count: width - digits.count) + digits
        }
        var columns = [Column(name: "track_id", text: ids)]
        for (name, path) in numericColumns {
            columns.append(Column(name: name, numeric: merge(genres.map { $0[keyPath: path] })))
        }
        let labels: [[String?]] = genres.indices.map { Array(repeating: genreNames[$0], count: counts[$0]) }
        columns.append(Column(name: "genre", text: merge(labels)))
        return Table(uncheckedColumns: columns)
    }

    /// See `SyntheticDraw.bounded`.
    private static func bounded(
        _ spread: GenreStyle.Spread, shared: Double, weight: Double, in range: ClosedRange<Double>,
        _ rng: inout Xoshiro256StarStar
    ) -> Double {
        SyntheticDraw.bounded(spread, shared: shared, weight: weight, in: range, &rng)
    }

    /// Instrumentalness: vocal tracks get 0 or a tiny value, the others a logit-normal.
    private static func instrumentalness(_ style: GenreStyle, _ rng: inout Xoshiro256StarStar) -> Double {
        let z = rng.nextGaussian()
        if rng.nextDouble() < style.vocalShare {
            return rng.nextDouble() < 0.5 ? 0 : Rounding.significant(DeterministicMath.sigmoid(-8 + 2 * z), 3)
        }
        return Rounding.significant(DeterministicMath.sigmoid(style.instrumentalnessLogit.at(z)), 3)
    }

    /// The tempo Spotify would report: the track's tempo (whole BPM) with estimation jitter,
    /// half-time reports where the style has them, and misjudged estimates: in every genre
    /// `BeatportProfile.tempoErrorShare` of the tracks are reported at half or double speed
    /// (a quarter of them), at 3/4 or 4/3 (a quarter) or anywhere in 70–180 BPM (half, no
    /// clear beat); broken beats add `style.breakbeatShare` more at 3/4 or 2/3 of the full
    /// tempo, or anywhere.
    private static func tempo(_ style: GenreStyle, _ rng: inout Xoshiro256StarStar) -> Double {
        var bpm: Double
        switch style.tempo {
        case let .convention(spread, range, halfTimeShare):
            bpm = bounded(spread, shared: 0, weight: 1, in: range, &rng).rounded()
            if rng.nextDouble() < halfTimeShare { bpm /= 2 }
        case let .uniform(range):
            bpm = (range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextDouble()).rounded()
        }
        // The estimate wobbles by a few hundredths of a BPM.
        bpm += 0.03 * rng.nextGaussian()
        if rng.nextDouble() < BeatportProfile.tempoErrorShare {
            let kind = rng.nextDouble()
            if kind < 0.25 {
                bpm = bpm > 100 ? bpm / 2 : bpm * 2
            } else if kind < 0.5 {
                bpm *= bpm > 100 ? 0.75 : 4.0 / 3.0
            } else {
                bpm = 70 + 110 * rng.nextDouble()
            }
        }
        if style.breakbeatShare > 0, rng.nextDouble() < style.breakbeatShare {
            let full = bpm < 100 ? bpm * 2 : bpm
            let kind = rng.nextDouble()
            if kind < 0.4 {
                bpm = full * 0.75
            } else if kind < 0.7 {
                bpm = full * 2 / 3
            } else {
                bpm = 70 + 110 * rng.nextDouble()
            }
        }
        return bpm
    }

    /// Track length in ms, alike in every genre: mostly 5–8 minute extended mixes, some edits.
    private static func durationMs(_ rng: inout Xoshiro256StarStar) -> Double {
        let ms = rng.nextDouble() < 0.85
            ? bounded(GenreStyle.Spread(mean: 400_000, sd: 60_000), shared: 0, weight: 1,
                      in: 270_000...660_000, &rng)
            : bounded(GenreStyle.Spread(mean: 230_000, sd: 40_000), shared: 0, weight: 1,
                      in: 140_000...330_000, &rng)
        return ms.rounded()
    }

    /// Time signature, alike in every genre: 4 for 97% of tracks, else 3 or 5.
    private static func timeSignature(_ rng: inout Xoshiro256StarStar) -> Double {
        let u = rng.nextDouble()
        return u < 0.97 ? 4 : (u < 0.99 ? 3 : 5)
    }
}
