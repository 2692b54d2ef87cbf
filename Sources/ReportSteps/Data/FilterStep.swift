import ReportData
import ReportEngine

/// `{filter}`: keeps the rows that satisfy a condition and belong to the chosen classes.
struct FilterStep: Step {
    static let spec = DirectiveSpec(
        name: "filter",
        summary: "Keep the rows that satisfy a condition (`energy > 0.5 and genre in [rock, pop]`) and/or chosen classes.",
        options: [
            OptionSpec("where", .string, "a condition: `column op value` joined by `and`; op is = != < <= > >= in"),
            OptionSpec("keep-classes", .list, "keep only these classes of the label"),
            OptionSpec("drop-classes", .list, "remove these classes of the label"),
        ],
        results: ["rows", "removed", "class_counts"]
    )

    let invocation: Invocation
    let condition: Condition?
    let keepClasses: [String]?
    let dropClasses: [String]?

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        let options = invocation.options
        condition = try ConditionOption.parse("where", in: options)
        keepClasses = try options.list("keep-classes")
        dropClasses = try options.list("drop-classes")
        guard condition != nil || keepClasses != nil || dropClasses != nil else {
            throw invocation.error("{filter} needs ':where:', ':keep-classes:' or ':drop-classes:'")
        }
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let table = dataset.table
        var keep = [Bool](repeating: true, count: table.rowCount)
        if let condition {
            let rows = try ConditionOption.matchingRows(condition, option: "where", in: table, options: context.options)
            keep = Array(repeating: false, count: table.rowCount)
            for row in rows { keep[row] = true }
        }

        var removedOnPurpose = Set<String>()
        var labelColumn: Column?
        if keepClasses != nil || dropClasses != nil {
            let option = keepClasses != nil ? "keep-classes" : "drop-classes"
            guard let label = dataset.label else {
                throw ReportError("option '\(option)' needs a label: the dataset has none", at: context.options.location(of: option),
                                  notes: ["give one with {load} :label:, or use ':where:'"])
            }
            let column = try ColumnSelection.require(label, in: table, option: option, context: context)
            labelColumn = column
            let classes = ClassRows(column)
            if let keepClasses {
                try checkKnown(keepClasses, classes: classes.labels, option: "keep-classes", context: context)
                let kept = Set(keepClasses)
                removedOnPurpose.formUnion(classes.labels.filter { !kept.contains($0) })
                for row in keep.indices where keep[row] {
                    keep[row] = column.displayValue(at: row).map { kept.contains($0) } ?? false
                }
            }
            if let dropClasses {
                try checkKnown(dropClasses, classes: classes.labels, option: "drop-classes", context: context)
                let dropped = Set(dropClasses)
                removedOnPurpose.formUnion(dropped)
                for row in keep.indices where keep[row] {
                    keep[row] = column.displayValue(at: row).map { !dropped.contains($0) } ?? true
                }
            }
        }

        let kept = keep.indices.filter { keep[$0] }
        let location = condition != nil ? context.options.location(of: "where")
            : context.options.location(of: keepClasses != nil ? "keep-classes" : "drop-classes")
        try RowRemovalCheck.check(kept: kept, of: dataset, removedOnPurpose: removedOnPurpose,
                                  conditionOnLabel: condition.map { c in dataset.label.map { c.columns.contains($0) } ?? false } ?? false,
                                  what: "the filter", at: location)
        let filtered = dataset.keepingRows(kept)
        context.workspace.store(filtered)

        let removed = table.rowCount - kept.count
        let summary = "Kept \(DisplayNumber.format(Double(kept.count))) of \(DisplayNumber.format(Double(table.rowCount))) rows "
            + "(removed \(DisplayNumber.format(Double(removed))))."
        var results = ResultObject()
        results["rows"] = .int(kept.count)
        results["removed"] = .int(removed)
        var blocks: [OutputBlock] = [.markdown(summary)]
        if let label = dataset.label, let column = labelColumn ?? table.column(named: label) {
            let before = ClassRows(column)
            let after = ClassRows(column, among: kept)
            results["class_counts"] = ClassChangeTable.counts(after)
            blocks.append(.table(ClassChangeTable.table(id: invocation.id, caption: invocation.caption ?? "Rows per class before and after filtering",
                                                        label: label, before: before, after: after,
                                                        totalBefore: table.rowCount, totalAfter: kept.count)))
        }
        return StepOutput(blocks: blocks, results: results)
    }

    /// Every named class must exist: a typo would otherwise keep nothing or drop nothing.
    private func checkKnown(_ names: [String], classes: [String], option: String, context: StepContext) throws {
        for name in names where !classes.contains(name) {
            var notes: [String] = []
            if let near = Suggestion.nearest(to: name, in: classes) { notes.append("did you mean '\(near)'?") }
            notes.append("classes: \(classes.joined(separator: ", "))")
            throw ReportError("option '\(option)': no class '\(name)' in the label", at: context.options.location(of: option),
                              notes: notes)
        }
    }
}
