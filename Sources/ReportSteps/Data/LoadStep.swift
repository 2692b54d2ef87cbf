import Foundation
import ReportData
import ReportEngine

/// `{load}`: reads a CSV/TSV file or makes a built-in synthetic data set, and sets the label
/// and feature columns.
struct LoadStep: Step {
    static let spec = DirectiveSpec(
        name: "load",
        summary: "Load a CSV/TSV file (relative to the report) or a built-in data set `synthetic:PROFILE`.",
        argument: .required("a CSV/TSV path or synthetic:PROFILE"),
        options: [
            OptionSpec("label", .string, "the class label column (default: the profile's label for synthetic data)"),
            OptionSpec("features", .list, default: "numeric", "feature columns; `numeric` = every numeric column but the label"),
            OptionSpec("rows", .int, "keep this many rows, drawn at random (seeded)"),
            OptionSpec("rows-per-class", .int, "keep at most this many rows of each class, drawn at random (seeded)"),
            OptionSpec("seed", .int, "seed for drawing rows and for synthetic data (default: from the report seed)"),
            OptionSpec("delimiter", .string, default: "auto", "field separator: auto, ',', ';', tab or '|'"),
            OptionSpec("missing", .list, default: "NA,,null", "cell texts that mean a missing value"),
        ],
        results: ["rows", "columns", "classes", "class_counts"]
    )

    let invocation: Invocation
    let source: String
    let rows: Int?
    let rowsPerClass: Int?
    let delimiter: UInt8?
    let missing: Set<String>

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        let options = invocation.options
        source = invocation.argument
        rows = try options.int("rows", min: 1)
        rowsPerClass = try options.int("rows-per-class", min: 1)
        switch try options.string("delimiter") ?? "auto" {
        case "auto": delimiter = nil
        case ",", "comma": delimiter = UInt8(ascii: ",")
        case ";", "semicolon": delimiter = UInt8(ascii: ";")
        case "tab", "\\t", "\t": delimiter = UInt8(ascii: "\t")
        case "|", "pipe": delimiter = UInt8(ascii: "|")
        case let other:
            throw ReportError("option 'delimiter' does not accept '\(other)'", at: options.location(of: "delimiter"),
                              notes: ["accepted values: auto, ',', ';', tab, '|'"])
        }
        if case .scalar(let text)? = invocation.directive.option("missing")?.value {
            // A comma list keeps empty items here: `NA,,null` means "NA", "" and "null".
            missing = Set(text.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        } else {
            missing = Set(try options.list("missing") ?? ["NA", "", "null"])
        }
    }

    func run(_ context: StepContext) throws -> StepOutput {
        var table: Table
        var label = try context.options.string("label")
        var origin: String
        if source.hasPrefix("synthetic:") {
            let profile = String(source.dropFirst("synthetic:".count))
            guard Synthetic.profiles.contains(profile) else {
                var notes: [String] = []
                if let near = Suggestion.nearest(to: profile, in: Synthetic.profiles) { notes.append("did you mean 'synthetic:\(near)'?") }
                notes.append("built-in profiles: \(Synthetic.profiles.map { "synthetic:\($0)" }.joined(separator: ", "))")
                throw context.error("unknown synthetic profile '\(profile)'", notes: notes)
            }
            table = try Synthetic.table(profile: profile, rows: rowsPerClass == nil ? rows : nil,
                                        rowsPerClass: rowsPerClass, seed: context.seed)
            label = label ?? Synthetic.labelColumn(profile: profile)
            origin = "the built-in synthetic profile `\(profile)`"
        } else {
            let path = try context.resolvePath(source)
            guard FileManager.default.fileExists(atPath: path) else {
                throw context.error("data file '\(source)' not found", notes: ["looked for \(path)"])
            }
            do {
                table = try CSVReader.read(contentsOf: URL(fileURLWithPath: path),
                                           options: CSVOptions(delimiter: delimiter, missing: missing))
            } catch let error as CSVError {
                throw context.error("\(source):\(error.line): \(error.message)")
            }
            origin = Escaping.markdown((source as NSString).lastPathComponent)
            if let label, table.column(named: label) == nil {
                throw ColumnSelection.missingColumn(label, in: table, at: context.options.location(of: "label"))
            }
            table = try subsample(table, label: label, context: context)
        }
        if let label, table.column(named: label) == nil {
            throw ColumnSelection.missingColumn(label, in: table, at: context.options.location(of: "label"))
        }

        let provisional = Dataset(name: context.id, table: table, label: label, features: [])
        let features: [String]
        if context.options.has("features") {
            features = try ColumnSelection.numericFeatures("features", in: provisional, context: context)
        } else {
            features = table.columns.filter { $0.isNumeric && $0.name != label }.map(\.name)
        }
        if let label, features.contains(label) {
            throw ReportError("the label '\(label)' cannot also be a feature", at: context.options.location(of: "features"))
        }
        context.workspace.store(Dataset(name: context.id, table: table, label: label, features: features))

        var results = ResultObject()
        results["rows"] = .int(table.rowCount)
        results["columns"] = .int(table.columns.count)
        results["features"] = .int(features.count)
        var summary = "Loaded \(DisplayNumber.format(Double(table.rowCount))) rows and \(table.columns.count) columns from \(origin)"
        if let label, let column = table.column(named: label) {
            let counts = ClassRows(column)
            results["classes"] = .int(counts.labels.count)
            results["class_counts"] = .object(ResultObject(zip(counts.labels, counts.counts).map { ($0, .int($1)) }))
            results["label"] = .string(label)
            summary += "; \(counts.labels.count) classes in \(CodeSpan.markdown(label))"
        }
        summary += "; \(features.count) feature columns."

        return StepOutput(blocks: [.markdown(summary), .table(columnTable(table, label: label, features: features))],
                          results: results)
    }

    /// Draws `rows` or `rows-per-class` rows at random, keeping file order.
    private func subsample(_ table: Table, label: String?, context: StepContext) throws -> Table {
        var rng = context.rng
        if let perClass = rowsPerClass {
            guard let label, let column = table.column(named: label) else {
                throw ReportError("option 'rows-per-class' needs a ':label:' column",
                                  at: context.options.location(of: "rows-per-class"))
            }
            var byClass: [String: [Int]] = [:]
            var order: [String] = []
            for row in 0..<table.rowCount {
                let key = column.displayValue(at: row) ?? ""
                if byClass[key] == nil { order.append(key) }
                byClass[key, default: []].append(row)
            }
            var keep: [Int] = []
            for key in order {
                keep += Self.draw(perClass, from: byClass[key] ?? [], rng: &rng)
            }
            return table.selecting(rows: keep.sorted())
        }
        if let rows, rows < table.rowCount {
            return table.selecting(rows: Self.draw(rows, from: Array(0..<table.rowCount), rng: &rng).sorted())
        }
        return table
    }

    /// `count` distinct items by a partial Fisher–Yates shuffle.
    static func draw(_ count: Int, from items: [Int], rng: inout Xoshiro256StarStar) -> [Int] {
        guard count < items.count else { return items }
        var pool = items
        for index in 0..<count {
            let pick = index + Int(rng.next() % UInt64(pool.count - index))
            pool.swapAt(index, pick)
        }
        return Array(pool[0..<count])
    }

    private func columnTable(_ table: Table, label: String?, features: [String]) -> TableOutput {
        let featureSet = Set(features)
        let rows: [[String]] = table.columns.map { column in
            let type = column.isNumeric ? (column.isIntegral ? "integer" : "number") : "text"
            let role = column.name == label ? "label" : (featureSet.contains(column.name) ? "feature" : "")
            let example = (0..<column.count).lazy.compactMap { column.displayValue(at: $0) }.first ?? "—"
            let shown = example.count > 40 ? String(example.prefix(39)) + "…" : example
            return [column.name, type, role, DisplayNumber.format(Double(column.missingCount)), shown]
        }
        return TableOutput(id: invocation.id, caption: invocation.caption ?? "Columns of the data set",
                           columns: ["column", "type", "role", "missing", "example"],
                           alignments: [.left, .left, .left, .right, .left], rows: rows)
    }
}
