import Foundation
import ReportEngine
import ReportML

/// `{train} MODEL`: fits a model on the training split; its id names it for `{evaluate}`,
/// `{importance}`, `{coefficients}` and `{eval}`.
struct TrainStep: Step {
    static let spec = DirectiveSpec(
        name: "train",
        summary: "Fit a model on the training split: \(ModelCatalog.names.joined(separator: ", ")).",
        argument: .required("a model: \(ModelCatalog.names.joined(separator: ", "))"),
        options: ModelCatalog.commonOptions,
        results: ["model", "train_rows", "features", "classes", "parameters.<name>"]
    )

    static func options(for argument: String) -> [OptionSpec] {
        // A model option shadows a common one of the same name: `{train} mlp` reads `hidden`
        // as its layer sizes (a list), while `:hidden: true` still hides the step.
        let model = ModelCatalog.entry(argument)?.options ?? []
        let names = Set(model.map(\.name))
        return model + (ModelCatalog.commonOptions + OptionSpec.common).filter { !names.contains($0.name) }
    }

    static var argumentChoices: [String] { ModelCatalog.names }

    let invocation: Invocation
    let entry: ModelCatalog.Entry
    let fit: ModelCatalog.Fit
    let parameters: [(name: String, value: String)]

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        let entry = try ModelCatalog.resolve(invocation)
        self.entry = entry
        (fit, parameters) = try entry.build(invocation.options)
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let features = try ColumnSelection.numericFeatures("features", in: dataset, context: context)
        guard !features.isEmpty else { throw context.error("no numeric features to train on") }
        guard let label = dataset.label, let labelColumn = dataset.table.column(named: label) else {
            throw context.error("the data has no label column: give ':label:' in {load}")
        }
        let throttle = ProgressThrottle(sink: context.progress, label: "training \(entry.name)")
        let fitContext = FitContext(seed: context.seed, threads: context.threads,
                                    progress: { throttle.report($0) })
        let classes: [String]
        let data: ModelData
        let fitted: TrainedModel.Fitted
        do {
            if dataset.tags != nil {
                let (tagData, labels, tags) = try ModelData.makeTags(dataset, part: .train, features: features, context: context)
                guard !tagData.rows.isEmpty else { throw context.error("the training split has no tagged rows") }
                (classes, data) = (tags.tags, tagData)
                fitted = .tags(try BinaryRelevance(fit).fit(x: data.x, labels: labels, labelCount: classes.count, context: fitContext))
            } else {
                classes = ClassRows(labelColumn).labels
                data = try ModelData.make(dataset, part: .train, features: features, classes: classes, context: context)
                guard Set(data.y).count >= 2 else {
                    throw context.error("the training rows hold a single class ('\(classes[data.y.first ?? 0])'); a classifier needs at least two")
                }
                fitted = .classes(try fit(TrainingSet(x: data.x, y: data.y, classCount: classes.count), fitContext))
            }
        } catch let error as MLError {
            throw context.error("cannot train \(entry.name): \(error.message)")
        }
        context.workspace.storeObject(
            TrainedModel(id: context.id, kind: entry.name, dataset: dataset, features: features, classes: classes,
                         fitted: fitted, parameters: parameters),
            key: TrainedModel.key(context.id))

        var results = ResultObject()
        results["model"] = .string(entry.name)
        results["train_rows"] = .int(data.rows.count)
        results["features"] = .int(features.count)
        results[dataset.tags == nil ? "classes" : "tags"] = .int(classes.count)
        results["parameters"] = .object(ResultObject(parameters.map { ($0.name, .string($0.value)) }))

        let summary = "Trained \(CodeSpan.markdown(entry.name)) — \(entry.summary) — on \(DisplayNumber.format(Double(data.rows.count))) "
            + "training rows, \(features.count) features and "
            + (dataset.tags == nil ? "\(classes.count) classes." : "\(classes.count) tags, one binary model per tag.")
        var warnings: [String] = []
        for model in fitted.classifiers {
            let stopped: Int?
            if let iterative = model as? any IterativeModel, !iterative.converged {
                stopped = iterative.iterations
            } else if let svm = model as? SupportVectorModel, !svm.converged {
                stopped = svm.iterations.max()
            } else {
                stopped = nil
            }
            guard let stopped else { continue }
            warnings.append("**Warning:** \(entry.name) stopped at its iteration cap (\(stopped) iterations) "
                + "before converging; the model may be under-fitted. Raise its iteration option or scale the features.")
            break
        }
        for warning in warnings { context.progress.message("warning: " + warning.replacingOccurrences(of: "**", with: "")) }
        results["converged"] = .bool(warnings.isEmpty)

        let table = TableOutput(
            id: invocation.id, caption: invocation.caption ?? "Hyperparameters of \(invocation.id) (\(entry.name))",
            columns: ["parameter", "value"], alignments: [.left, .left],
            rows: parameters.map { [$0.name, $0.value] })
        return StepOutput(blocks: [.markdown(summary)] + warnings.map { .markdown($0) } + [.table(table)], results: results)
    }
}
