import ReportCharts
import ReportEngine

/// `{compare}`: every evaluated model side by side on one metric, with its interval.
struct CompareStep: Step {
    static let metrics = ["accuracy", "balanced_accuracy", "f1", "f1_weighted", "auc", "subset_accuracy", "hamming_loss", "f1_micro", "f1_samples"]

    static let spec = DirectiveSpec(
        name: "compare",
        summary: "Every evaluated model side by side on one metric.",
        options: [OptionSpec("metric", .choice(metrics), default: "accuracy", "the metric to compare")],
        drawsFigures: true,
        results: ["best", "ranking (list)", "<model> (the metric)"]
    )

    let invocation: Invocation
    let metric: String

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        metric = try invocation.options.choice("metric") ?? "accuracy"
    }

    func run(_ context: StepContext) throws -> StepOutput {
        // Best first; the Hamming loss is the one metric where lower is better.
        let sign = metric == "hamming_loss" ? -1.0 : 1.0
        let evaluations = try context.workspace.objects(withPrefix: ModelEvaluation.key(""), as: ModelEvaluation.self)
            .sorted { ($0.metrics[metric].map { sign * $0 } ?? -.infinity, $1.modelID)
                > ($1.metrics[metric].map { sign * $0 } ?? -.infinity, $0.modelID) }
        guard !evaluations.isEmpty else {
            throw context.error("no model has been evaluated yet: add an {evaluate} directive before this one")
        }
        let name = metric.replacingOccurrences(of: "_", with: " ")
        let chart = BarChart(
            title: nil, categories: evaluations.map { "\($0.modelID) (\($0.kind))" },
            values: evaluations.map { $0.metrics[metric] ?? .nan }, orientation: .horizontal,
            valueAxisTitle: name, categoryAxisTitle: nil, valueLabelFormat: { NumberFormat.fixed($0, 3) })
        let figure = try FigureRendering.figure(
            chart, id: invocation.id, caption: invocation.caption ?? "Models compared on test-set \(name)",
            alt: "Bar chart comparing the models' \(name)", context: context)
        let rows = evaluations.map { evaluation -> [String] in
            let value = evaluation.metrics[metric].map { DisplayNumber.fixed($0, decimals: 3) } ?? "—"
            let interval = evaluation.intervals[metric].map {
                "\(DisplayNumber.fixed($0.low, decimals: 3))–\(DisplayNumber.fixed($0.high, decimals: 3))"
            } ?? "—"
            return [evaluation.modelID, evaluation.kind, value, interval]
        }
        let table = TableOutput(id: "\(invocation.id)-table", caption: "Models ranked by \(name)",
                                columns: ["model", "kind", name, "95% interval"], alignments: [.left, .left, .right, .right],
                                rows: rows)
        var results = ResultObject()
        results["metric"] = .string(metric)
        results["best"] = .string(evaluations[0].modelID)
        results["ranking"] = .array(evaluations.map { .string($0.modelID) })
        for evaluation in evaluations {
            results[evaluation.modelID] = evaluation.metrics[metric].map { .double($0) } ?? .null
        }
        return StepOutput(blocks: [.figure(figure), .table(table)], results: results)
    }
}
