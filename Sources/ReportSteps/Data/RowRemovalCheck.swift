import ReportData
import ReportEngine

/// Guards against a row filter (`{filter}`, `{clean}`) that silently removes all the data or
/// every row of a class.
enum RowRemovalCheck {
    /// Throws when `kept` is empty, or when a class of the dataset's label that had rows has
    /// none left and was not in `removedOnPurpose`.
    ///
    /// - Parameters:
    ///   - conditionOnLabel: a condition of the step names the label column, so it removes
    ///     classes deliberately (`genre in [a, b]`): emptied classes are then not an error.
    static func check(kept: [Int], of dataset: Dataset, removedOnPurpose: Set<String>, conditionOnLabel: Bool,
                      what: String, at location: SourceLocation) throws {
        let before = dataset.table.rowCount
        guard !kept.isEmpty else {
            throw ReportError("\(what) removes every row (\(DisplayNumber.format(Double(before))) before)", at: location)
        }
        guard !conditionOnLabel, let label = dataset.label, let column = dataset.table.column(named: label) else { return }
        let classesBefore = ClassRows(column)
        let remaining = ClassRows(column, among: kept).countsByLabel
        let emptied = zip(classesBefore.labels, classesBefore.counts)
            .filter { remaining[$0.0] == nil && !removedOnPurpose.contains($0.0) }
        guard let first = emptied.first else { return }
        let list = emptied.map { "'\($0.0)' (\(DisplayNumber.format(Double($0.1))) rows)" }.joined(separator: ", ")
        throw ReportError(
            emptied.count == 1
                ? "\(what) leaves class '\(first.0)' of '\(label)' with no rows (it had \(DisplayNumber.format(Double(first.1))))"
                : "\(what) leaves \(emptied.count) classes of '\(label)' with no rows: \(list)",
            at: location,
            notes: ["to remove classes on purpose, use {filter} with :drop-classes: or :keep-classes:"])
    }
}
