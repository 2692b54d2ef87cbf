import Foundation
import ReportData
import ReportEngine

/// `{join}`: adds the columns of another CSV file by matching key columns (pandas
/// `merge(how=…, on=…)`).
///
/// Rows come in the left data's order, each followed by its matches in the right file's order.
/// Keys match by their text (so `1` in a numeric column matches `1` in a text column); a
/// missing key matches nothing (as SQL; pandas would match missing with missing). A right
/// column whose name the left data already uses is added as `NAME_right` — pandas would rename
/// both to `_x`/`_y`, but the label and features name the left columns.
struct JoinStep: Step {
    static let spec = DirectiveSpec(
        name: "join",
        summary: "Add the columns of another CSV file, matching rows on key columns.",
        argument: .required("a CSV/TSV path"),
        options: [
            OptionSpec("on", .list, "key columns, present in both (required)"),
            OptionSpec("how", .choice(["inner", "left"]), default: "inner",
                       "inner: keep rows with a match; left: keep every row, missing values where none matches"),
        ],
        results: ["rows", "columns", "unmatched"]
    )

    let invocation: Invocation
    let keys: [String]
    let keepUnmatched: Bool

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        guard let keys = try invocation.options.list("on"), !keys.isEmpty else {
            throw invocation.error("{join} needs ':on:', the key columns to match")
        }
        self.keys = keys
        keepUnmatched = try invocation.options.choice("how") == "left"
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let left = dataset.table
        let source = invocation.argument
        let path = try context.resolvePath(source)
        guard FileManager.default.fileExists(atPath: path) else {
            throw context.error("data file '\(source)' not found", notes: ["looked for \(path)"])
        }
        let right: Table
        do {
            right = try CSVReader.read(contentsOf: URL(fileURLWithPath: path))
        } catch let error as CSVError {
            throw context.error("\(source):\(error.line): \(error.message)")
        }
        let fileName = (source as NSString).lastPathComponent
        let leftKeys = try keys.map { try ColumnSelection.require($0, in: left, option: "on", context: context) }
        let rightKeys = try keys.map { key -> Column in
            guard let column = right.column(named: key) else {
                var notes: [String] = []
                if let near = Suggestion.nearest(to: key, in: right.columnNames) { notes.append("did you mean '\(near)'?") }
                notes.append("columns of \(fileName): \(right.columnNames.joined(separator: ", "))")
                throw ReportError("no column '\(key)' in \(fileName)", at: context.options.location(of: "on"), notes: notes)
            }
            return column
        }

        // Index the right rows by key, in file order.
        var index: [[String]: [Int]] = [:]
        for row in 0..<right.rowCount {
            guard let key = Self.key(rightKeys, row) else { continue }
            index[key, default: []].append(row)
        }
        var leftRows: [Int] = []
        var rightRows: [Int?] = []
        var unmatched = 0
        for row in 0..<left.rowCount {
            if let key = Self.key(leftKeys, row), let matches = index[key] {
                for match in matches {
                    leftRows.append(row)
                    rightRows.append(match)
                }
            } else {
                unmatched += 1
                if keepUnmatched {
                    leftRows.append(row)
                    rightRows.append(nil)
                }
            }
        }

        var columns = left.selecting(rows: leftRows).columns
        var used = Set(left.columnNames)
        var added: [String] = []
        for column in right.columns where !keys.contains(column.name) {
            var name = column.name
            if used.contains(name) {
                name = "\(column.name)_right"
                var suffix = 2
                while used.contains(name) {
                    name = "\(column.name)_right\(suffix)"
                    suffix += 1
                }
            }
            used.insert(name)
            added.append(name)
            columns.append(Self.selecting(column, rows: rightRows, name: name))
        }
        let joined = try Table(columns: columns)
        let (result, droppedSplit) = dataset.replacingRows(with: joined)
        context.workspace.store(result)

        let format = { (count: Int) in DisplayNumber.format(Double(count)) }
        var summary = "Joined \(Escaping.markdown(fileName)) on \(keys.map { CodeSpan.markdown($0) }.joined(separator: ", ")) "
            + "(\(keepUnmatched ? "left" : "inner") join): \(format(left.rowCount)) rows before, \(format(joined.rowCount)) after"
        summary += added.isEmpty ? "." : "; added \(added.count) column\(added.count == 1 ? "" : "s"): "
            + added.map { CodeSpan.markdown($0) }.joined(separator: ", ") + "."
        if unmatched > 0 {
            summary += " \(format(unmatched)) row\(unmatched == 1 ? "" : "s") had no match"
                + (keepUnmatched ? " and keep missing values in the new columns." : " and were removed.")
        }
        if droppedSplit { summary += " The earlier split no longer applies and was dropped: split after joining." }
        let table = TableOutput(
            id: invocation.id, caption: invocation.caption ?? "Row counts before and after the join",
            columns: ["", "rows"], alignments: [.left, .right],
            rows: [["data before", format(left.rowCount)], [fileName, format(right.rowCount)],
                   ["rows without a match", format(unmatched)], ["data after", format(joined.rowCount)]])
        var results = ResultObject()
        results["rows"] = .int(joined.rowCount)
        results["columns"] = .int(joined.columns.count)
        results["unmatched"] = .int(unmatched)
        return StepOutput(blocks: [.markdown(summary), .table(table)], results: results)
    }

    /// The key of a row as texts; `nil` when any key value is missing.
    private static func key(_ columns: [Column], _ row: Int) -> [String]? {
        var key: [String] = []
        key.reserveCapacity(columns.count)
        for column in columns {
            guard let value = column.displayValue(at: row) else { return nil }
            key.append(value)
        }
        return key
    }

    /// `column` at `rows`, missing where a row is `nil`.
    private static func selecting(_ column: Column, rows: [Int?], name: String) -> Column {
        switch column.values {
        case .numeric(let values): return Column(name: name, numeric: rows.map { $0.map { values[$0] } ?? .nan })
        case .text(let values): return Column(name: name, text: rows.map { $0.flatMap { values[$0] } })
        }
    }
}
