import ReportData
import ReportEngine

/// `{sample}`: draws the same number of rows from every class (pandas
/// `df.groupby(by).sample(n, replace=…)`), keeping file order.
struct SampleStep: Step {
    static let spec = DirectiveSpec(
        name: "sample",
        summary: "Draw the same number of rows from every class, at random (seeded).",
        options: [
            OptionSpec("per-class", .int, "rows to draw from each class (required)"),
            OptionSpec("by", .string, default: "the label", "the column whose values are the classes"),
            OptionSpec("seed", .int, "seed for drawing the rows (default: from the report seed)"),
            OptionSpec("replace", .bool, default: "false", "draw with replacement (a row may be drawn more than once)"),
        ],
        results: ["rows", "class_counts"]
    )

    let invocation: Invocation
    let perClass: Int
    let replace: Bool

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        guard let perClass = try invocation.options.int("per-class", min: 1) else {
            throw invocation.error("{sample} needs ':per-class:', the number of rows to draw from each class")
        }
        self.perClass = perClass
        replace = try invocation.options.bool("replace") ?? false
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        guard let by = try context.options.string("by") ?? dataset.label else {
            throw context.error("{sample} needs classes: the dataset has no label, so give ':by:' a column")
        }
        let column = try ColumnSelection.require(by, in: dataset.table, option: "by", context: context)
        let classes = ClassRows(column)
        if !replace, let short = zip(classes.labels, classes.counts).first(where: { $0.1 < perClass }) {
            let listed = zip(classes.labels, classes.counts).map { "\($0) \(DisplayNumber.format(Double($1)))" }
            throw ReportError("class '\(short.0)' of '\(by)' has only \(DisplayNumber.format(Double(short.1))) rows, "
                              + "fewer than per-class \(DisplayNumber.format(Double(perClass)))",
                              at: context.options.location(of: "per-class"),
                              notes: ["add ':replace: true' to draw with replacement, or lower :per-class:",
                                      "rows per class: \(listed.joined(separator: ", "))"])
        }

        var rng = context.rng
        var drawn: [Int] = []
        for rows in classes.rows {
            drawn += replace ? Self.drawWithReplacement(perClass, from: rows, rng: &rng)
                             : Self.drawWithoutReplacement(perClass, from: rows, rng: &rng)
        }
        drawn.sort()

        let sampled: Dataset
        var notes: [String] = []
        if replace {
            let replaced = dataset.replacingRows(with: dataset.table.selecting(rows: drawn))
            sampled = replaced.dataset
            if replaced.droppedSplit { notes.append("The earlier split no longer applies and was dropped: split after sampling.") }
        } else {
            sampled = dataset.keepingRows(drawn)
        }
        context.workspace.store(sampled)

        let after = ClassRows(sampled.table.column(named: by) ?? column)
        var summary = "Drew \(DisplayNumber.format(Double(perClass))) rows from each of the \(classes.labels.count) classes "
            + "of \(CodeSpan.markdown(by))\(replace ? " with replacement" : ""): "
            + "\(DisplayNumber.format(Double(drawn.count))) of \(DisplayNumber.format(Double(dataset.table.rowCount))) rows."
        if !classes.missing.isEmpty {
            summary += " \(DisplayNumber.format(Double(classes.missing.count))) rows without a class were left out."
        }
        var results = ResultObject()
        results["rows"] = .int(drawn.count)
        results["class_counts"] = ClassChangeTable.counts(after)
        let table = ClassChangeTable.table(id: invocation.id, caption: invocation.caption ?? "Rows per class before and after sampling",
                                           label: by, before: classes, after: after,
                                           totalBefore: dataset.table.rowCount, totalAfter: drawn.count)
        return StepOutput(blocks: [.markdown(([summary] + notes).joined(separator: " ")), .table(table)], results: results)
    }

    /// `count` distinct rows by a partial Fisher–Yates shuffle; precondition `count <= rows.count`.
    static func drawWithoutReplacement(_ count: Int, from rows: [Int], rng: inout Xoshiro256StarStar) -> [Int] {
        var pool = rows
        for index in 0..<count {
            pool.swapAt(index, index + rng.nextInt(below: pool.count - index))
        }
        return Array(pool[0..<count])
    }

    static func drawWithReplacement(_ count: Int, from rows: [Int], rng: inout Xoshiro256StarStar) -> [Int] {
        (0..<count).map { _ in rows[rng.nextInt(below: rows.count)] }
    }
}
