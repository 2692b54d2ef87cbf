/// The `lastfm` synthetic profile: tracks with the user tags of Last.fm as multi-label
/// targets, Spotify audio features and pitch (chroma) summaries, after the Last.fm study
/// (seeds/001).
///
/// - `tags`: several comma-separated user tags per track, most popular first, e.g.
///   `"electronic, dance, House, hip hop, seen live, Daft Punk, favourites"`. Each track has a
///   hidden main genre (one of `genres`, rock the most common: about a third of the tracks
///   carry `rock`, a fifth `pop`); its tag comes first, then related genre tags. Genre tags
///   come in hyphen, space and case variants (`hip-hop`, `hip hop`, `Hip-Hop`, `Hip Hop`),
///   sometimes two variants on one track; noise tags follow: the artist's name, `seen live`,
///   `favourites` / `favorites`, moods, decades, countries, vocalists, and a long tail of
///   personal tags; several thousand distinct raw tags in 10,000 tracks.
/// - No label column: `{labels} tags` turns the tag lists into targets (top tags, `misc`).
/// - Features: duration_ms, the Spotify audio features, and per pitch class (C, Db, …, B)
///   the mean and standard deviation of its chroma over the track (`pitch_C`,
///   `pitch_C_std`, …). The chroma follows the track's key (Krumhansl–Kessler profiles) and
///   the main genre's tonal clarity and key habits (classic rock leans on C and G, electronic
///   on minor keys, metal is noisy and flat), so the pitch features carry the tags in part.
/// - Default 10,000 tracks; `rows` sets the count; there are no classes for `rowsPerClass`.
enum LastfmProfile {
    typealias Spread = GenreStyle.Spread

    /// A main genre: its tags, audio style and pitch habits.
    struct Genre: Sendable {
        /// The canonical tag, e.g. `hip-hop`.
        let tag: String
        /// Share of tracks with this main genre (relative).
        let weight: Double
        /// Other genre tags added with their probability.
        let related: [(tag: String, probability: Double)]
        let names: SyntheticNames.Style
        let danceability: Spread, energy: Spread, loudness: Spread, valence: Spread
        let acousticnessLogit: Spread, instrumentalnessLogit: Spread, speechinessLogit: Spread
        let tempo: Spread
        /// Relative frequency of each key, C … B.
        let keys: [Double]
        let majorShare: Double
        /// Chroma floor (noise), contrast (tonal clarity) and variability over the track.
        let chromaBase: Double, chromaContrast: Double, chromaSpread: Double
        /// Decade tags with their relative weights.
        let decades: [String]
    }

    static let defaultRows = 10_000

    /// Pitch class names, in chroma order.
    static let pitchNames = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"]

    /// Krumhansl–Kessler key profiles (major, minor), from C.
    static let majorProfile = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
    static let minorProfile = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]

    private static func s(_ mean: Double, _ sd: Double) -> Spread { Spread(mean: mean, sd: sd) }
    //                                   C    Db   D    Eb   E    F    Gb   G    Ab   A    Bb   B
    private static let guitarKeys: [Double] = [3, 1, 4, 1, 5, 2, 1, 4, 1, 5, 1, 2]
    private static let evenKeys: [Double] = [3, 2, 2, 1, 2, 2, 2, 3, 2, 2, 2, 2]
    private static let minorKeys: [Double] = [2, 3, 1, 1, 1, 4, 2, 3, 1, 4, 2, 1]

    /// The main genres, most common first.
    static let genres: [Genre] = [
        Genre(tag: "rock", weight: 0.16, related: [("alternative", 0.3), ("classic rock", 0.15), ("indie", 0.15),
                                                   ("hard rock", 0.15), ("pop", 0.1)],
              names: .rock, danceability: s(0.48, 0.13), energy: s(0.75, 0.17), loudness: s(-6.5, 2.5),
              valence: s(0.5, 0.22), acousticnessLogit: s(-2.4, 1.8), instrumentalnessLogit: s(-6, 3.5),
              speechinessLogit: s(-3.0, 0.5), tempo: s(125, 27), keys: guitarKeys, majorShare: 0.7,
              chromaBase: 0.28, chromaContrast: 0.35, chromaSpread: 0.3, decades: ["00s", "90s", "10s"]),
        Genre(tag: "pop", weight: 0.15, related: [("dance", 0.25), ("electronic", 0.1), ("indie", 0.1), ("rock", 0.1)],
              names: .pop, danceability: s(0.65, 0.13), energy: s(0.66, 0.17), loudness: s(-6.0, 2.2),
              valence: s(0.52, 0.22), acousticnessLogit: s(-1.8, 1.6), instrumentalnessLogit: s(-7, 3),
              speechinessLogit: s(-2.8, 0.6), tempo: s(120, 25), keys: evenKeys, majorShare: 0.62,
              chromaBase: 0.22, chromaContrast: 0.45, chromaSpread: 0.27, decades: ["00s", "10s", "80s"]),
        Genre(tag: "indie", weight: 0.1, related: [("rock", 0.45), ("alternative", 0.4), ("indie rock", 0.4), ("pop", 0.2)],
              names: .rock, danceability: s(0.52, 0.14), energy: s(0.64, 0.2), loudness: s(-7.2, 2.7),
              valence: s(0.45, 0.23), acousticnessLogit: s(-1.5, 1.9), instrumentalnessLogit: s(-5, 3.5),
              speechinessLogit: s(-3.0, 0.5), tempo: s(123, 27), keys: [3, 1, 4, 1, 3, 2, 1, 4, 1, 4, 1, 2], majorShare: 0.66,
              chromaBase: 0.25, chromaContrast: 0.4, chromaSpread: 0.29, decades: ["00s", "10s"]),
        Genre(tag: "electronic", weight: 0.08, related: [("dance", 0.4), ("electronica", 0.25), ("house", 0.2),
                                                         ("techno", 0.15), ("pop", 0.1)],
              names: .electronic, danceability: s(0.66, 0.14), energy: s(0.72, 0.19), loudness: s(-7.0, 3.0),
              valence: s(0.38, 0.22), acousticnessLogit: s(-3.3, 2.0), instrumentalnessLogit: s(-0.5, 3.0),
              speechinessLogit: s(-2.9, 0.6), tempo: s(124, 18), keys: minorKeys, majorShare: 0.42,
              chromaBase: 0.33, chromaContrast: 0.3, chromaSpread: 0.22, decades: ["00s", "10s", "90s"]),
        Genre(tag: "classic rock", weight: 0.07, related: [("rock", 0.9), ("hard rock", 0.25), ("blues", 0.1),
                                                            ("70s", 0.3), ("60s", 0.15)],
              names: .rock, danceability: s(0.5, 0.13), energy: s(0.66, 0.2), loudness: s(-9.0, 3.0),
              valence: s(0.6, 0.22), acousticnessLogit: s(-1.6, 1.7), instrumentalnessLogit: s(-5, 3.5),
              speechinessLogit: s(-3.1, 0.45), tempo: s(122, 27), keys: [6, 1, 3, 1, 3, 1, 1, 5, 1, 3, 1, 1], majorShare: 0.75,
              chromaBase: 0.24, chromaContrast: 0.48, chromaSpread: 0.3, decades: ["70s", "60s", "80s"]),
        Genre(tag: "alternative", weight: 0.07, related: [("rock", 0.6), ("alternative rock", 0.5), ("indie", 0.3),
                                                          ("grunge", 0.1)],
              names: .rock, danceability: s(0.48, 0.14), energy: s(0.72, 0.19), loudness: s(-6.6, 2.6),
              valence: s(0.42, 0.22), acousticnessLogit: s(-2.4, 1.9), instrumentalnessLogit: s(-5.5, 3.5),
              speechinessLogit: s(-3.0, 0.5), tempo: s(126, 28), keys: guitarKeys, majorShare: 0.64,
              chromaBase: 0.29, chromaContrast: 0.35, chromaSpread: 0.3, decades: ["90s", "00s"]),
        Genre(tag: "hip-hop", weight: 0.07, related: [("rap", 0.6), ("hip hop", 0.1), ("rnb", 0.1), ("pop", 0.08)],
              names: .rap, danceability: s(0.74, 0.12), energy: s(0.64, 0.15), loudness: s(-6.3, 2.3),
              valence: s(0.5, 0.22), acousticnessLogit: s(-2.0, 1.6), instrumentalnessLogit: s(-7, 3),
              speechinessLogit: s(-1.5, 0.8), tempo: s(112, 27), keys: [2, 5, 2, 1, 2, 2, 4, 2, 2, 2, 2, 4], majorShare: 0.5,
              chromaBase: 0.3, chromaContrast: 0.26, chromaSpread: 0.26, decades: ["00s", "90s", "10s"]),
        Genre(tag: "metal", weight: 0.05, related: [("heavy metal", 0.4), ("rock", 0.3), ("hard rock", 0.2),
                                                    ("thrash metal", 0.15)],
              names: .rock, danceability: s(0.4, 0.13), energy: s(0.9, 0.1), loudness: s(-5.0, 2.0),
              valence: s(0.33, 0.2), acousticnessLogit: s(-5.0, 2.0), instrumentalnessLogit: s(-3, 3.5),
              speechinessLogit: s(-2.6, 0.6), tempo: s(130, 30), keys: [2, 2, 4, 2, 6, 2, 2, 2, 1, 3, 1, 3], majorShare: 0.5,
              chromaBase: 0.4, chromaContrast: 0.2, chromaSpread: 0.24, decades: ["80s", "90s", "00s"]),
        Genre(tag: "folk", weight: 0.04, related: [("acoustic", 0.4), ("singer-songwriter", 0.4), ("indie", 0.2),
                                                   ("country", 0.1)],
              names: .folk, danceability: s(0.52, 0.14), energy: s(0.38, 0.18), loudness: s(-10.5, 3.5),
              valence: s(0.42, 0.22), acousticnessLogit: s(1.5, 1.7), instrumentalnessLogit: s(-5, 3.5),
              speechinessLogit: s(-3.2, 0.4), tempo: s(116, 27), keys: [4, 1, 5, 1, 3, 2, 1, 5, 1, 3, 1, 1], majorShare: 0.74,
              chromaBase: 0.18, chromaContrast: 0.52, chromaSpread: 0.31, decades: ["00s", "10s", "70s"]),
        Genre(tag: "dance", weight: 0.04, related: [("electronic", 0.5), ("pop", 0.4), ("house", 0.2)],
              names: .electronic, danceability: s(0.72, 0.11), energy: s(0.78, 0.14), loudness: s(-5.5, 2.0),
              valence: s(0.52, 0.22), acousticnessLogit: s(-3.5, 1.8), instrumentalnessLogit: s(-3, 3.5),
              speechinessLogit: s(-2.8, 0.6), tempo: s(123, 12), keys: minorKeys, majorShare: 0.48,
              chromaBase: 0.3, chromaContrast: 0.33, chromaSpread: 0.22, decades: ["00s", "90s", "10s"]),
        Genre(tag: "punk", weight: 0.03, related: [("punk rock", 0.5), ("rock", 0.4), ("pop punk", 0.2)],
              names: .rock, danceability: s(0.45, 0.13), energy: s(0.88, 0.11), loudness: s(-5.2, 2.0),
              valence: s(0.5, 0.22), acousticnessLogit: s(-4.0, 1.8), instrumentalnessLogit: s(-6, 3),
              speechinessLogit: s(-2.6, 0.6), tempo: s(145, 30), keys: guitarKeys, majorShare: 0.72,
              chromaBase: 0.36, chromaContrast: 0.25, chromaSpread: 0.27, decades: ["70s", "90s", "00s"]),
        Genre(tag: "soul", weight: 0.03, related: [("rnb", 0.3), ("funk", 0.3), ("motown", 0.2), ("jazz", 0.1)],
              names: .soul, danceability: s(0.6, 0.14), energy: s(0.55, 0.18), loudness: s(-8.5, 3.0),
              valence: s(0.6, 0.22), acousticnessLogit: s(-1.0, 1.6), instrumentalnessLogit: s(-6, 3),
              speechinessLogit: s(-2.9, 0.5), tempo: s(112, 25), keys: [2, 2, 2, 4, 1, 4, 1, 2, 4, 1, 4, 1], majorShare: 0.6,
              chromaBase: 0.22, chromaContrast: 0.42, chromaSpread: 0.3, decades: ["60s", "70s", "00s"]),
        Genre(tag: "jazz", weight: 0.03, related: [("blues", 0.2), ("swing", 0.1), ("soul", 0.15), ("instrumental", 0.3)],
              names: .jazz, danceability: s(0.55, 0.15), energy: s(0.38, 0.2), loudness: s(-11.5, 3.5),
              valence: s(0.5, 0.23), acousticnessLogit: s(1.0, 1.8), instrumentalnessLogit: s(0, 3.5),
              speechinessLogit: s(-3.0, 0.5), tempo: s(115, 30), keys: [3, 2, 1, 4, 1, 5, 1, 2, 3, 1, 5, 1], majorShare: 0.58,
              chromaBase: 0.26, chromaContrast: 0.3, chromaSpread: 0.34, decades: ["50s", "60s", "00s"]),
        Genre(tag: "ambient", weight: 0.02, related: [("electronic", 0.5), ("chillout", 0.4), ("instrumental", 0.4)],
              names: .electronic, danceability: s(0.3, 0.13), energy: s(0.25, 0.15), loudness: s(-16, 4.5),
              valence: s(0.2, 0.15), acousticnessLogit: s(0.5, 2.0), instrumentalnessLogit: s(2.5, 2.0),
              speechinessLogit: s(-3.2, 0.4), tempo: s(105, 30), keys: minorKeys, majorShare: 0.45,
              chromaBase: 0.3, chromaContrast: 0.28, chromaSpread: 0.18, decades: ["00s", "90s"]),
        Genre(tag: "country", weight: 0.02, related: [("folk", 0.2), ("americana", 0.3)],
              names: .folk, danceability: s(0.58, 0.12), energy: s(0.6, 0.18), loudness: s(-7.0, 2.5),
              valence: s(0.58, 0.21), acousticnessLogit: s(-0.8, 1.6), instrumentalnessLogit: s(-7, 3),
              speechinessLogit: s(-3.1, 0.4), tempo: s(120, 28), keys: [4, 1, 5, 1, 3, 2, 1, 5, 1, 4, 1, 1], majorShare: 0.85,
              chromaBase: 0.2, chromaContrast: 0.5, chromaSpread: 0.29, decades: ["00s", "10s", "90s"]),
    ]

    /// Noise tags with the share of tracks that carry them (after the genre tags).
    static let noiseTags: [(tag: String, probability: Double)] = [
        ("seen live", 0.16), ("favourites", 0.08), ("favorites", 0.06), ("Favorite", 0.03), ("love", 0.07),
        ("awesome", 0.06), ("beautiful", 0.05), ("chill", 0.05), ("female vocalists", 0.09), ("male vocalists", 0.06),
        ("british", 0.05), ("american", 0.05), ("catchy", 0.03), ("mellow", 0.03), ("sad", 0.02), ("summer", 0.02),
        ("party", 0.02), ("spotify", 0.01), ("my playlist", 0.01), ("check out", 0.01), ("Lieblingslieder", 0.005),
    ]
    /// Further moods and uses, one of which a track carries with probability 1/5 (the long tail).
    static let moodTags = [
        "road trip", "workout", "driving", "rainy day", "late night", "study", "sleep", "happy", "melancholy",
        "energetic", "romantic", "nostalgia", "guilty pleasure", "amazing", "epic", "dreamy", "groovy", "sexy",
        "cover", "live", "remix", "soundtrack", "instrumental", "acoustic", "lo-fi", "80s pop", "one hit wonder",
        "under 2000 listeners", "radio", "the best", "good stuff", "wedding", "christmas", "heartbreak", "sunday",
    ]

    /// A tag from one user's own vocabulary: the long tail that makes thousands of distinct
    /// tags ("90s rock", "songs for maya", "golden rivers", "favourite dance").
    static func personalTag(_ genre: Genre, _ rng: inout Xoshiro256StarStar) -> String {
        func one(_ list: [String]) -> String { SyntheticDraw.one(list, &rng) }
        switch rng.nextInt(below: 6) {
        case 0: return one(genre.decades) + " " + genre.tag
        case 1: return "songs for " + one(SyntheticNames.firstNames).lowercased()
        case 2: return (one(SyntheticNames.adjectives) + " " + one(SyntheticNames.nouns)).lowercased()
        case 3: return one(["favourite ", "best ", "my ", "top "]) + genre.tag
        case 4: return one(SyntheticNames.songWords).lowercased() + " " + one(["songs", "mood", "vibes", "mix", "music"])
        default: return one(SyntheticNames.firstNames).lowercased() + "'s " + one(["favourites", "loved tracks", "playlist", "picks"])
        }
    }

    /// The hyphen, space and case variants of `tag` (the tag itself first).
    static func variants(of tag: String) -> [String] {
        func title(_ text: String) -> String {
            var out = ""
            var start = true
            for ch in text {
                out += start ? ch.uppercased() : String(ch)
                start = ch == " " || ch == "-"
            }
            return out
        }
        var forms = [tag, title(tag)]
        if tag.contains("-") {
            let spaced = String(tag.map { $0 == "-" ? " " : $0 })
            forms += [spaced, title(spaced)]
        } else if tag.contains(" ") {
            let hyphenated = String(tag.map { $0 == " " ? "-" : $0 })
            forms += [title(hyphenated), hyphenated]
        }
        var seen = Set<String>()
        return forms.filter { seen.insert($0).inserted }
    }

    /// The table of `rows` tracks.
    static func table(rows: Int, seed: UInt64) -> Table {
        // Artist pools per main genre, about four tracks per artist.
        let totalWeight = genres.reduce(0) { $0 + $1.weight }
        let pools: [[String]] = genres.map { genre in
            var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "lastfm/artists/" + genre.tag))
            let size = max(5, Int(Double(rows) * genre.weight / totalWeight / 4))
            return (0..<size).map { _ in SyntheticNames.artist(genre.names, &rng) }
        }
        // Every genre tag with its spellings, worked out once.
        let spellings: [(main: [String], related: [(forms: [String], probability: Double)])] = genres.map { genre in
            (variants(of: genre.tag), genre.related.map { (variants(of: $0.tag), $0.probability) })
        }
        let profiles = (0..<24).map { i -> [Double] in
            let base = i < 12 ? majorProfile : minorProfile
            let top = base.max() ?? 1
            return base.map { $0 / top }
        }

        var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "lastfm/tracks"))
        var ids: [String?] = [], names: [String?] = [], artists: [String?] = [], tagLists: [String?] = []
        var numbers = [[Double]](repeating: [], count: numericColumns.count)
        let weights = genres.map(\.weight)
        for _ in 0..<rows {
            let g = SyntheticDraw.pick(weights, &rng)
            let genre = genres[g]
            let pool = pools[g]
            let a = rng.nextDouble() < 0.6 ? rng.nextInt(below: pool.count)
                : min(pool.count - 1, Int(DeterministicMath.exp(rng.nextDouble() * DeterministicMath.log(Double(pool.count + 1)))) - 1)
            let artist = pool[max(0, a)]
            ids.append(SyntheticDraw.code(22, from: SyntheticDraw.base62, &rng))
            artists.append(artist)
            names.append(SyntheticNames.track(genre.names, featuring: nil, &rng))
            tagLists.append(tags(genre, spellings: spellings[g], artist: artist, &rng))

            var row: [Double] = []
            row.reserveCapacity(13)
            row.append(DeterministicMath.exp(SyntheticDraw.bounded(Spread(mean: 12.3, sd: 0.25), in: 11.0...13.3, &rng)).rounded())
            let energy = SyntheticDraw.bounded(genre.energy, in: 0...1, &rng)
            let energyZ = (energy - genre.energy.mean) / genre.energy.sd
            row.append(SyntheticDraw.logit(genre.acousticnessLogit, at: -0.4 * energyZ + 0.9165 * rng.nextGaussian()))
            let dance = SyntheticDraw.bounded(genre.danceability, in: 0...1, &rng)
            row.append(Rounding.decimals(dance, 3))
            row.append(Rounding.decimals(energy, 3))
            row.append(SyntheticDraw.logit(genre.instrumentalnessLogit, at: rng.nextGaussian()))
            let key = SyntheticDraw.pick(genre.keys, &rng)
            let major = rng.nextDouble() < genre.majorShare
            row.append(Double(key))
            row.append(SyntheticDraw.logit(Spread(mean: -1.7, sd: 0.8), at: rng.nextGaussian()))
            row.append(Rounding.decimals(
                SyntheticDraw.following(energyZ, r: 0.65, genre.loudness, in: -40...0, &rng), 3))
            row.append(major ? 1 : 0)
            row.append(SyntheticDraw.logit(genre.speechinessLogit, at: rng.nextGaussian()))
            row.append(Rounding.decimals(SyntheticDraw.bounded(genre.tempo, in: 50...220, &rng), 3))
            let u = rng.nextDouble()
            row.append(u < 0.92 ? 4 : (u < 0.97 ? 3 : (u < 0.99 ? 5 : 1)))
            let danceZ = (dance - genre.danceability.mean) / genre.danceability.sd
            row.append(Rounding.decimals(SyntheticDraw.following(danceZ, r: 0.35, genre.valence, in: 0...1, &rng), 3))
            // Chroma: the key's profile rotated to the tonic, on the genre's floor and contrast.
            let profile = profiles[(major ? 0 : 12) + key]
            let first = row.count
            for (i, value) in row.enumerated() { numbers[i].append(value) }
            for p in 0..<12 {
                let weight = profile[(p - key + 12) % 12]
                let (z1, z2) = SyntheticDraw.gaussianPair(&rng)
                let mean = min(1, max(0, genre.chromaBase + genre.chromaContrast * weight + 0.05 * z1))
                let spread = min(0.5, max(0.01, genre.chromaSpread * (0.6 + 0.4 * mean) + 0.025 * z2))
                numbers[first + p].append(Rounding.decimals(mean, 4))
                numbers[first + 12 + p].append(Rounding.decimals(spread, 4))
            }
        }
        var columns = [
            Column(name: "track_id", text: ids), Column(name: "name", text: names),
            Column(name: "artist_names", text: artists), Column(name: "tags", text: tagLists),
        ]
        for (i, name) in numericColumns.enumerated() { columns.append(Column(name: name, numeric: numbers[i])) }
        return Table(uncheckedColumns: columns)
    }

    /// The numeric columns in table order.
    static let numericColumns: [String] = [
        "duration_ms", "acousticness", "danceability", "energy", "instrumentalness", "key", "liveness", "loudness",
        "mode", "speechiness", "tempo", "time_signature", "valence",
    ] + pitchNames.map { "pitch_" + $0 } + pitchNames.map { "pitch_" + $0 + "_std" }

    /// The tag list of one track of `genre` by `artist`; `spellings` are the variants of the
    /// genre's tag and of its related tags (canonical form first).
    private static func tags(
        _ genre: Genre, spellings: (main: [String], related: [(forms: [String], probability: Double)]),
        artist: String, _ rng: inout Xoshiro256StarStar
    ) -> String {
        var list: [String] = []
        list.reserveCapacity(12)
        /// The canonical form (70%) or one of the variants.
        func spelled(_ forms: [String]) -> String {
            forms.count > 1 && rng.nextDouble() >= 0.7 ? forms[1 + rng.nextInt(below: forms.count - 1)] : forms[0]
        }
        list.append(spelled(spellings.main))
        // Different users spell the same genre differently on one track.
        if rng.nextDouble() < 0.12, spellings.main.count > 1 {
            list.append(spellings.main[rng.nextInt(below: spellings.main.count)])
        }
        for (forms, probability) in spellings.related where rng.nextDouble() < probability {
            list.append(spelled(forms))
        }
        if rng.nextDouble() < 0.3 { list.append(SyntheticDraw.one(genre.decades, &rng)) }
        if rng.nextDouble() < 0.3 {
            // The artist as a tag (tags hold no commas).
            let name = String(artist.filter { $0 != "," })
            list.append(rng.nextDouble() < 0.8 ? name : name.lowercased())
        }
        for (tag, probability) in noiseTags where rng.nextDouble() < probability { list.append(tag) }
        if rng.nextDouble() < 0.2 { list.append(SyntheticDraw.one(moodTags, &rng)) }
        if rng.nextDouble() < 0.03 { list.append("best of " + String(1995 + rng.nextInt(below: 30))) }
        if rng.nextDouble() < 0.25 { list.append(personalTag(genre, &rng)) }
        var unique: [String] = []
        for tag in list where !unique.contains(tag) { unique.append(tag) }
        // Every track has at least three tags.
        while unique.count < 3 {
            let tag = SyntheticDraw.one(moodTags, &rng)
            if !unique.contains(tag) { unique.append(tag) }
        }
        return unique.joined(separator: ", ")
    }
}
