import ReportData
import ReportEngine
import ReportStats

/// `{describe}`: count, mean, standard deviation, minimum, quartiles and maximum of each
/// feature, optionally per class (as pandas `describe`).
struct DescribeStep: Step {
    static let spec = DirectiveSpec(
        name: "describe",
        summary: "Summary statistics of each feature: count, mean, std, min, quartiles, max (per class with `by`).",
        options: [
            OptionSpec("features", .list, default: "the dataset's features", "columns to describe"),
            OptionSpec("by", .string, "a column to group by (e.g. the label)"),
        ],
        results: ["<feature>.count", "<feature>.mean", "<feature>.std", "<feature>.min", "<feature>.q25",
                  "<feature>.median", "<feature>.q75", "<feature>.max", "<feature>.<class>.… with `by`"]
    )

    let invocation: Invocation

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let features = try ColumnSelection.numericFeatures("features", in: dataset, context: context)
        guard !features.isEmpty else { throw context.error("no numeric features to describe") }
        let by = try context.options.string("by")
        let groups: [(label: String?, rows: [Int]?)]
        if let by {
            let classes = ClassRows(try ColumnSelection.require(by, in: dataset.table, option: "by", context: context))
            groups = zip(classes.labels, classes.rows).map { ($0, $1) }
        } else {
            groups = [(nil, nil)]
        }

        let headers = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
        var rows: [[String]] = []
        var results = ResultObject()
        for feature in features {
            guard let values = dataset.table.column(named: feature)?.numericValues else { continue }
            var featureResults = ResultObject()
            for group in groups {
                let subset = group.rows.map { $0.map { values[$0] } } ?? values
                let summary = Descriptive.summary(subset)
                let numbers = [Double(summary.count), summary.mean, summary.std, summary.min, summary.q25,
                               summary.median, summary.q75, summary.max]
                let shown = numbers.map(DisplayNumber.format)
                rows.append(by == nil ? [feature] + shown : [feature, group.label ?? ""] + shown)
                let object = Self.results(summary)
                if let label = group.label {
                    featureResults[label] = .object(object)
                } else {
                    featureResults = object
                }
            }
            results[feature] = .object(featureResults)
        }
        let columns = (by == nil ? ["feature"] : ["feature", by ?? ""]) + headers
        let alignments: [TableOutput.Alignment] = (by == nil ? [.left] : [.left, .left])
            + Array(repeating: .right, count: headers.count)
        let caption = invocation.caption ?? (by.map { "Summary statistics of each feature by \($0)" }
            ?? "Summary statistics of each feature")
        let table = TableOutput(id: invocation.id, caption: caption, columns: columns, alignments: alignments, rows: rows)
        return StepOutput(blocks: [.table(table)], results: results)
    }

    static func results(_ summary: Summary) -> ResultObject {
        func number(_ value: Double) -> ResultValue { value.isFinite ? .double(value) : .null }
        return ResultObject([
            ("count", .int(summary.count)), ("missing", .int(summary.missing)),
            ("mean", number(summary.mean)), ("std", number(summary.std)), ("min", number(summary.min)),
            ("q25", number(summary.q25)), ("median", number(summary.median)), ("q75", number(summary.q75)),
            ("max", number(summary.max)),
        ])
    }
}
