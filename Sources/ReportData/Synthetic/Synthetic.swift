/// Built-in deterministic data sets (`synthetic:PROFILE`): same profile, size and seed give
/// the same table on every machine.
public enum Synthetic {
    /// The names of the available profiles.
    public static let profiles: [String] = ["beatport"]

    /// Rows per class when neither `rows` nor `rowsPerClass` is given.
    public static let defaultRowsPerClass = 20_000

    /// Makes the data set of `profile`.
    ///
    /// - Parameters:
    ///   - rows: total rows, split evenly across classes (the first classes get one more
    ///     when it does not divide).
    ///   - rowsPerClass: rows of every class; wins over `rows` when both are given.
    ///     Default 20,000 per class.
    ///   - seed: the seed; each class draws from its own stream derived from it.
    public static func table(
        profile: String, rows: Int? = nil, rowsPerClass: Int? = nil, seed: UInt64
    ) throws -> Table {
        guard profile == "beatport" else {
            throw SyntheticError.unknownProfile(profile, available: profiles)
        }
        let classCount = BeatportProfile.genres.count
        let counts = try classCounts(classes: classCount, rows: rows, rowsPerClass: rowsPerClass)
        return BeatportProfile.table(countsPerGenre: counts, seed: seed)
    }

    /// The label column of `profile` (`genre` for `beatport`), or `nil` for an unknown one.
    public static func labelColumn(profile: String) -> String? {
        profile == "beatport" ? "genre" : nil
    }

    /// The class labels of `profile` in their canonical order, or `nil` for an unknown one.
    public static func classes(profile: String) -> [String]? {
        profile == "beatport" ? BeatportProfile.genres.map(\.name) : nil
    }

    /// Rows per class from the `rows` / `rowsPerClass` options.
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
