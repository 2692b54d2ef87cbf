import ReportData
import ReportEngine

/// Reading the columns, classes and row conditions the plotting directives (`histogram`,
/// `boxplot`, `scatter`, `bar`, `radar`) share, with errors at the line that named them.
enum ExplorationInput {
    /// Most classes a plot draws as separate colours or boxes; more usually means a numeric
    /// column was given where a class column was meant.
    static let maxClasses = 24

    /// The numbers of column `name`, named by option `option` (or by the directive's argument
    /// when `option` is `nil`); errors for a missing or text column.
    static func numbers(_ name: String, option: String?, in dataset: Dataset, context: StepContext) throws -> [Double] {
        let location = option.map { context.options.location(of: $0) } ?? context.location
        guard let column = dataset.table.column(named: name) else {
            throw ColumnSelection.missingColumn(name, in: dataset.table, at: location)
        }
        guard let values = column.numericValues else {
            let numeric = dataset.table.columns.filter(\.isNumeric).map(\.name)
            throw ReportError("column '\(name)' holds text, not numbers", at: location,
                              notes: ["numeric columns: \(numeric.joined(separator: ", "))"])
        }
        return values
    }

    /// The classes of `:by:` (default: the label), at most `maxClasses` of them.
    static func classes(_ dataset: Dataset, option: String = "by", context: StepContext) throws -> ClassGroups {
        let groups = try ClassGroups(dataset, option: option, context: context)
        guard !groups.labels.isEmpty else {
            throw ReportError("column '\(groups.column)' has no values", at: context.options.location(of: option))
        }
        guard groups.labels.count <= maxClasses else {
            throw ReportError(
                "column '\(groups.column)' has \(groups.labels.count) distinct values, too many classes to plot "
                    + "(at most \(maxClasses))",
                at: context.options.location(of: option),
                notes: ["give ':\(option):' a column of classes, e.g. the label"])
        }
        return groups
    }

    /// The classes of `:by:`, of the label when `:by:` is not given, or every row as one
    /// unnamed group when `:by: none` or when there is no label either.
    static func classesOrAll(_ dataset: Dataset, option: String = "by", context: StepContext) throws -> PlotGroups {
        let given = try context.options.string(option)
        if given?.lowercased() == "none" || (given == nil && dataset.label == nil) {
            return PlotGroups(column: nil, labels: ["all rows"], rows: [Array(0..<dataset.table.rowCount)], isTagList: false)
        }
        let groups = try classes(dataset, option: option, context: context)
        return PlotGroups(column: groups.column, labels: groups.labels, rows: groups.rows,
                          isTagList: dataset.tags != nil && groups.column == dataset.label)
    }

    /// The dataset restricted to the rows that satisfy `condition` (given as option `option`);
    /// an error at the option's line when none do.
    static func filtered(_ dataset: Dataset, by condition: Condition?, option: String = "where",
                         context: StepContext) throws -> Dataset {
        guard let condition else { return dataset }
        let rows = try ConditionOption.matchingRows(condition, option: option, in: dataset.table, options: context.options)
        guard !rows.isEmpty else {
            throw ReportError("no row satisfies ':\(option): \(condition.text)' (\(dataset.table.rowCount) rows checked)",
                              at: context.options.location(of: option))
        }
        return dataset.keepingRows(rows)
    }

    /// Row indices per class; `column` is `nil` when the rows are not split.
    struct PlotGroups {
        let column: String?
        let labels: [String]
        let rows: [[Int]]
        /// The groups are the tags of a multi-label target (a row can be in several).
        let isTagList: Bool

        /// The values of a numeric column split by class.
        func values(of values: [Double]) -> [[Double]] {
            rows.map { $0.map { values[$0] } }
        }

        /// " per genre" (" per tag" for a tag-list target), or "" when the rows are not split.
        var perClass: String { isTagList ? " per tag" : column.map { " per \($0)" } ?? "" }
    }

    /// A figure id part made of a column name: letters, digits, `-` and `_` kept, the rest `-`.
    static func slug(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    /// A finite number as a result, `null` otherwise.
    static func number(_ value: Double) -> ResultValue {
        value.isFinite ? .double(value) : .null
    }
}
