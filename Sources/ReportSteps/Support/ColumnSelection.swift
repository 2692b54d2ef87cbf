import ReportData
import ReportEngine

/// Resolves `features` and column options against a dataset, with errors that list the columns.
enum ColumnSelection {
    /// The numeric feature columns named by `option` (default: the dataset's features).
    static func numericFeatures(_ option: String, in dataset: Dataset, context: StepContext) throws -> [String] {
        guard let names = try context.options.list(option) else { return dataset.features }
        if names == ["numeric"] {
            return dataset.table.columns.filter { $0.isNumeric && $0.name != dataset.label }.map(\.name)
        }
        for name in names {
            let column = try require(name, in: dataset.table, option: option, context: context)
            guard column.isNumeric else {
                throw ReportError("column '\(name)' holds text, not numbers", at: context.options.location(of: option),
                                  notes: ["numeric columns: \(dataset.table.columns.filter(\.isNumeric).map(\.name).joined(separator: ", "))"])
            }
        }
        return names
    }

    /// The column `name`; an error listing the columns (and the nearest name) when absent.
    static func require(_ name: String, in table: Table, option: String, context: StepContext) throws -> Column {
        guard let column = table.column(named: name) else {
            throw missingColumn(name, in: table, at: context.options.location(of: option))
        }
        return column
    }

    static func missingColumn(_ name: String, in table: Table, at location: SourceLocation) -> ReportError {
        var notes: [String] = []
        if let near = Suggestion.nearest(to: name, in: table.columnNames) { notes.append("did you mean '\(near)'?") }
        notes.append("columns: \(table.columnNames.joined(separator: ", "))")
        return ReportError("no column '\(name)' in the data", at: location, notes: notes)
    }
}
