import ReportCharts
import ReportData
import ReportEngine
import ReportStats

/// `{correlation}`: the Pearson or Spearman correlation matrix of the features as an annotated
/// heatmap, and the pairs whose absolute correlation exceeds a threshold.
struct CorrelationStep: Step {
    static let spec = DirectiveSpec(
        name: "correlation",
        summary: "Correlation matrix (Pearson or Spearman) as an annotated heatmap; pairs above the threshold listed.",
        options: [
            OptionSpec("method", .choice(CorrelationMethod.allCases.map(\.rawValue)), default: "pearson",
                       "pearson, or spearman (rank correlation)"),
            OptionSpec("features", .list, default: "the dataset's features", "columns to correlate"),
            OptionSpec("annotate", .bool, default: "true", "print each coefficient in its cell"),
            OptionSpec("threshold", .double, default: "0.8", "list pairs whose |r| is above this"),
        ],
        drawsFigures: true,
        results: ["method", "matrix.<a>.<b>", "pairs (above the threshold)", "strongest.a", "strongest.b",
                  "strongest.r", "threshold"]
    )

    let invocation: Invocation
    let method: CorrelationMethod
    let annotate: Bool
    let threshold: Double

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        let options = invocation.options
        method = CorrelationMethod(rawValue: try options.choice("method") ?? "pearson") ?? .pearson
        annotate = try options.bool("annotate") ?? true
        threshold = try options.double("threshold") ?? 0.8
        guard (0...1).contains(threshold) else {
            throw ReportError("option 'threshold' must be between 0 and 1, found \(threshold)",
                              at: options.location(of: "threshold"))
        }
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let features = try ColumnSelection.numericFeatures("features", in: dataset, context: context)
        guard features.count >= 2 else {
            throw context.error("a correlation matrix needs at least two numeric features, found \(features.count)")
        }
        let columns = features.compactMap { dataset.table.column(named: $0)?.numericValues }
        let matrix = Correlation.matrix(columns, method: method)
        let pairs = Correlation.pairs(above: threshold, in: matrix)
        let methodName = method == .pearson ? "Pearson" : "Spearman"

        let chart = HeatmapChart(
            title: nil, rowLabels: features, columnLabels: features, values: matrix,
            colorScale: .diverging(min: -1, max: 1), annotate: annotate,
            valueFormat: { NumberFormat.fixed($0, 2) }, colorbarTitle: "\(methodName) r")
        let caption = invocation.caption ?? "\(methodName) correlation between the features"
        let figure = try FigureRendering.figure(
            chart, id: invocation.id, caption: caption,
            alt: "Heatmap of the \(methodName) correlation matrix of \(features.count) features", context: context)

        var results = ResultObject()
        results["method"] = .string(method.rawValue)
        results["threshold"] = .double(threshold)
        var matrixObject = ResultObject()
        for (i, a) in features.enumerated() {
            matrixObject[a] = .object(ResultObject(features.enumerated().map { j, b in
                (b, matrix[i][j].isFinite ? .double(matrix[i][j]) : .null)
            }))
        }
        results["matrix"] = .object(matrixObject)
        results["pairs"] = .array(pairs.map {
            .object(ResultObject([("a", .string(features[$0.i])), ("b", .string(features[$0.j])), ("r", .double($0.value))]))
        })
        results["pairs_above"] = .int(pairs.count)
        if let strongest = Correlation.pairs(above: 0, in: matrix).first {
            results["strongest"] = .object(ResultObject([
                ("a", .string(features[strongest.i])), ("b", .string(features[strongest.j])),
                ("r", .double(strongest.value)),
            ]))
        }

        var blocks: [OutputBlock] = [.figure(figure)]
        let limit = DisplayNumber.fixed(threshold, decimals: 2)
        if pairs.isEmpty {
            blocks.append(.markdown("No pair of features has |r| above \(limit)."))
        } else {
            blocks.append(.table(TableOutput(
                id: "\(invocation.id)-pairs", caption: "Feature pairs with |r| above \(limit)",
                columns: ["feature", "feature", "r"], alignments: [.left, .left, .right],
                rows: pairs.map { [features[$0.i], features[$0.j], DisplayNumber.fixed($0.value, decimals: 3)] })))
        }
        return StepOutput(blocks: blocks, results: results)
    }
}
