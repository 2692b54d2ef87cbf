/// Built-in deterministic data sets (`synthetic:PROFILE`): same profile, size and seed give
/// the same table on every machine.
///
/// | profile | label | classes | default size |
/// |---|---|---|---|
/// | `beatport` | `genre` | six electronic genres, balanced | 20,000 per genre |
/// | `spotify-songs` | `playlist_genre` | edm, rap, pop, r&b, latin, rock (real proportions) | 32,828 |
/// | `lastfm` | none (`tags` holds comma-separated user tags: multi-label) | — | 10,000 |
/// | `echonest` | `genre` | Rock, Hip-Hop, Electronic (8 : 5 : 5) | 9,000 |
public enum Synthetic {
    /// The names of the available profiles.
    public static let profiles: [String] = ["beatport", "spotify-songs", "lastfm", "echonest"]

    /// Rows per class of `beatport` when neither `rows` nor `rowsPerClass` is given.
    public static let defaultRowsPerClass = 20_000

    /// Makes the data set of `profile`.
    ///
    /// - Parameters:
    ///   - rows: total rows. `beatport` splits them evenly across its genres (the first
    ///     genres get one more when it does not divide); the other profiles keep their class
    ///     proportions (largest remainders).
    ///   - rowsPerClass: rows of every class (so the classes come out balanced); wins over
    ///     `rows` when both are given. Not available for `lastfm`, which has no classes.
    ///   - seed: the seed; each class (or sub-genre) draws from its own stream derived from it.
    /// - Throws: `SyntheticError` for an unknown profile or a row count below 1.
    public static func table(
        profile: String, rows: Int? = nil, rowsPerClass: Int? = nil, seed: UInt64
    ) throws -> Table {
        guard profiles.contains(profile) else {
            throw SyntheticError.unknownProfile(profile, available: profiles)
        }
        if let rowsPerClass, rowsPerClass < 1 {
            throw SyntheticError.invalidRowCount(option: "rows-per-class", value: rowsPerClass)
        }
        if rowsPerClass == nil, let rows, rows < 1 {
            throw SyntheticError.invalidRowCount(option: "rows", value: rows)
        }
        switch profile {
        case "spotify-songs":
            let counts = SpotifySongsProfile.subgenreCounts(rows: rows, rowsPerClass: rowsPerClass)
            return SpotifySongsProfile.table(subgenreCounts: counts, seed: seed)
        case "echonest":
            let counts = EchonestProfile.counts(rows: rows, rowsPerClass: rowsPerClass)
            return EchonestProfile.table(counts: counts, seed: seed)
        case "lastfm":
            if rowsPerClass != nil { throw SyntheticError.noClasses(profile) }
            return LastfmProfile.table(rows: rows ?? LastfmProfile.defaultRows, seed: seed)
        default:
            let classCount = BeatportProfile.genres.count
            let counts = try classCounts(classes: classCount, rows: rows, rowsPerClass: rowsPerClass)
            return BeatportProfile.table(countsPerGenre: counts, seed: seed)
        }
    }

    /// The label column of `profile` (`genre` for `beatport` and `echonest`,
    /// `playlist_genre` for `spotify-songs`), or `nil` for an unknown profile and for
    /// `lastfm`, whose targets are the tag lists in `tags` (multi-label: build them with
    /// `{labels} tags`).
    public static func labelColumn(profile: String) -> String? {
        switch profile {
        case "beatport", "echonest": return "genre"
        case "spotify-songs": return "playlist_genre"
        default: return nil
        }
    }

    /// The class labels of `profile` in their canonical order (for `lastfm`, the genre tags
    /// in their canonical spelling), or `nil` for an unknown profile.
    public static func classes(profile: String) -> [String]? {
        switch profile {
        case "beatport": return BeatportProfile.genres.map(\.name)
        case "spotify-songs": return SpotifySongsProfile.genres
        case "echonest": return EchonestProfile.genres.map(\.name)
        case "lastfm": return LastfmProfile.genres.map(\.tag)
        default: return nil
        }
    }

    /// A one-line description of `profile` (under 60 characters), or `nil` for an unknown one.
    public static func summary(profile: String) -> String? {
        switch profile {
        case "beatport": return "six electronic genres, 20,000 tracks each (label genre)"
        case "spotify-songs": return "32,828 tracks, six playlist genres (label playlist_genre)"
        case "lastfm": return "10,000 tracks with user tags (multi-label), pitch features"
        case "echonest": return "Rock 4000, Hip-Hop 2500, Electronic 2500 (label genre)"
        default:
            return nil
        }
    }

    /// Rows per class from the `rows` / `rowsPerClass` options (even split).
    static func classCounts(classes: Int, rows: Int?, rowsPerClass: Int?) throws -> [Int] {
        if let rowsPerClass {
            guard rowsPerClass >= 1 else {
                throw SyntheticError.invalidRowCount(option: "rows-per-class", value: rowsPerClass)
            }
            return Array(repeating: rowsPerClass, count: classes)
        }
        if let rows {
            guard rows >= 1 else {
                throw SyntheticError.invalidRowCount(option: "rows", value: rows)
            }
            return (0..<classes).map { rows / classes + ($0 < rows % classes ? 1 : 0) }
        }
        return Array(repeating: defaultRowsPerClass, count: classes)
    }
}
