import ReportData
import ReportEngine

/// `{clean}`: removes rows with missing values, duplicate rows and rows matching a condition,
/// in that order (pandas `dropna`, `drop_duplicates(keep="first")`, then `df[~condition]`).
struct CleanStep: Step {
    static let spec = DirectiveSpec(
        name: "clean",
        summary: "Remove rows with missing values, duplicates, and rows matching a condition.",
        options: [
            OptionSpec("drop-missing", .list, default: "true",
                       "remove rows with a missing value: true (in any column), false, or a list of columns"),
            OptionSpec("dedupe", .list, "remove repeated rows, keeping the first: a list of key columns, or true for all columns"),
            OptionSpec("drop-where", .string, "remove the rows that satisfy this condition (same grammar as {filter} :where:)"),
        ],
        results: ["removed", "rows", "by_rule.missing", "by_rule.duplicates", "by_rule.where"]
    )

    /// Which columns a rule looks at.
    enum Columns: Equatable {
        case none
        case all
        case named([String])
    }

    let invocation: Invocation
    let dropMissing: Columns
    let dedupe: Columns
    let dropWhere: Condition?

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        let options = invocation.options
        dropMissing = try Self.columns("drop-missing", in: options, default: .all)
        dedupe = try Self.columns("dedupe", in: options, default: .none)
        dropWhere = try ConditionOption.parse("drop-where", in: options)
    }

    /// `true`, `false` or a list of columns.
    private static func columns(_ name: String, in options: Options, default fallback: Columns) throws -> Columns {
        guard let items = try options.list(name) else { return fallback }
        if items.count == 1 {
            switch items[0].lowercased() {
            case "true", "yes", "on": return .all
            case "false", "no", "off": return .none
            default: break
            }
        }
        guard !items.isEmpty else {
            throw ReportError("option '\(name)' needs true, false or a list of columns", at: options.location(of: name))
        }
        return .named(items)
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let table = dataset.table
        var rows = Array(0..<table.rowCount)
        var rules: [(name: String, key: String, removed: Int)] = []

        if dropMissing != .none {
            let columns = try resolve(dropMissing, option: "drop-missing", in: table, context: context)
            let before = rows.count
            let missing = columns.map(Self.missingMask)
            rows = rows.filter { row in !missing.contains { $0[row] } }
            rules.append((dropMissing == .all ? "missing values (any column)" : "missing values in \(names(columns))",
                          "missing", before - rows.count))
        }
        if dedupe != .none {
            let columns = try resolve(dedupe, option: "dedupe", in: table, context: context)
            let before = rows.count
            var seen = Set<[String?]>()
            rows = rows.filter { row in seen.insert(columns.map { $0.displayValue(at: row) }).inserted }
            rules.append((dedupe == .all ? "duplicate rows" : "duplicates of \(names(columns))", "duplicates", before - rows.count))
        }
        if let dropWhere {
            let matching = Set(try ConditionOption.matchingRows(dropWhere, option: "drop-where", in: table, options: context.options))
            let before = rows.count
            rows = rows.filter { !matching.contains($0) }
            rules.append(("rows where \(dropWhere.text)", "where", before - rows.count))
        }

        let onLabel = dataset.label.map { dropWhere?.columns.contains($0) ?? false } ?? false
        try RowRemovalCheck.check(kept: rows, of: dataset, removedOnPurpose: [], conditionOnLabel: onLabel,
                                  what: "cleaning", at: context.location)
        context.workspace.store(dataset.keepingRows(rows))

        let removed = table.rowCount - rows.count
        var results = ResultObject()
        results["removed"] = .int(removed)
        results["rows"] = .int(rows.count)
        results["by_rule"] = .object(ResultObject(rules.map { ($0.key, .int($0.removed)) }))

        var left = table.rowCount
        var tableRows: [[String]] = []
        for rule in rules {
            left -= rule.removed
            tableRows.append([rule.name, DisplayNumber.format(Double(rule.removed)), DisplayNumber.format(Double(left))])
        }
        tableRows.append(["total", DisplayNumber.format(Double(removed)), DisplayNumber.format(Double(rows.count))])
        let summary = "Removed \(DisplayNumber.format(Double(removed))) of \(DisplayNumber.format(Double(table.rowCount))) rows; "
            + "\(DisplayNumber.format(Double(rows.count))) remain."
        let output = TableOutput(id: invocation.id, caption: invocation.caption ?? "Rows removed by each cleaning rule",
                                 columns: ["rule", "removed", "rows left"], alignments: [.left, .right, .right], rows: tableRows)
        return StepOutput(blocks: [.markdown(summary), .table(output)], results: results)
    }

    private func resolve(_ columns: Columns, option: String, in table: Table, context: StepContext) throws -> [Column] {
        switch columns {
        case .none: return []
        case .all: return table.columns
        case .named(let names): return try names.map { try ColumnSelection.require($0, in: table, option: option, context: context) }
        }
    }

    private func names(_ columns: [Column]) -> String {
        columns.map(\.name).joined(separator: ", ")
    }

    /// Whether each value of `column` is missing.
    private static func missingMask(_ column: Column) -> [Bool] {
        switch column.values {
        case .numeric(let values): return values.map(\.isNaN)
        case .text(let values): return values.map { $0 == nil }
        }
    }
}
