import Foundation
import ReportCharts
import ReportData
import ReportEngine
import ReportML

/// `{evaluate} rf, dt, lr`: scores fitted models on the test split — metrics with bootstrap
/// intervals, confusion matrices, one-vs-rest ROC curves, classification reports.
struct EvaluateStep: Step {
    /// `confusion` draws counts and row shares; `confusion-counts` or `confusion-normalized`
    /// draws one of them (a report with many models or classes stays shorter).
    static let plotKinds = ["confusion", "confusion-counts", "confusion-normalized", "roc", "report", "importance",
                            "coefficients"]

    static let spec = DirectiveSpec(
        name: "evaluate",
        summary: "Score trained models on the test split: metrics, confusion matrices, ROC curves, reports.",
        argument: .required("model ids, comma separated"),
        options: [
            OptionSpec("plots", .list, default: "confusion, roc", "what to show: \(plotKinds.joined(separator: ", "))"),
            OptionSpec("ci", .int, default: "1000", "bootstrap resamples for 95% intervals (0 = none)"),
        ],
        drawsFigures: true,
        results: ["<model>.accuracy", "<model>.accuracy_ci", "<model>.balanced_accuracy", "<model>.precision",
                  "<model>.recall", "<model>.f1", "<model>.f1_weighted", "<model>.auc",
                  "<model>.per_class.<class>.precision|recall|f1|support|auc|confused_with|confused_share",
                  "<model>.test_rows", "best"]
    )

    let invocation: Invocation
    let modelIDs: [String]
    let plots: Set<String>
    let resamples: Int

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        modelIDs = ModelReference.ids(invocation.argument)
        guard !modelIDs.isEmpty else { throw invocation.error("{evaluate} needs model ids, e.g. {evaluate} rf, lr") }
        let requested = try invocation.options.list("plots") ?? ["confusion", "roc"]
        for plot in requested where !Self.plotKinds.contains(plot) {
            throw ReportError("option 'plots' does not accept '\(plot)'", at: invocation.options.location(of: "plots"),
                              notes: ["accepted values: \(Self.plotKinds.joined(separator: ", "))"])
        }
        var plots = Set(requested)
        if plots.remove("confusion") != nil { plots.formUnion(["confusion-counts", "confusion-normalized"]) }
        self.plots = plots
        resamples = try invocation.options.int("ci", min: 0) ?? 1000
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let models = try modelIDs.map { try ModelReference.model($0, context: context) }
        var summaryRows: [[String]] = []
        var perModelBlocks: [OutputBlock] = []
        var otherResults: [(id: String, results: ResultObject)] = []
        var scores: [(id: String, accuracy: Double)] = []

        let multiLabel = models.filter { if case .tags = $0.fitted { return true } else { return false } }
        if !multiLabel.isEmpty {
            guard multiLabel.count == models.count else {
                throw context.error("evaluate multi-label models (\(multiLabel.map(\.id).joined(separator: ", "))) and "
                                    + "single-label ones in separate {evaluate} directives: their metrics differ")
            }
            return try runMultiLabel(models, context: context)
        }
        for trained in models {
            context.progress.message("evaluating \(trained.id)")
            let data = try ModelData.make(trained.dataset, part: .test, features: trained.features,
                                          classes: trained.classes, context: context)
            guard !data.y.isEmpty else { throw context.error("the test split of '\(trained.id)' has no rows") }
            let evaluation = try Evaluation(trained: trained, model: try trained.classifier(for: "evaluate", context: context),
                                            data: data, resamples: resamples,
                                            seed: SeedDerivation.derive(context.seed, trained.id), threads: context.threads)
            context.workspace.storeObject(evaluation.summary, key: ModelEvaluation.key(trained.id))
            otherResults.append((trained.id, evaluation.results))
            scores.append((trained.id, evaluation.accuracy))
            summaryRows.append(evaluation.summaryRow)
            perModelBlocks += try blocks(for: evaluation, context: context)
        }

        let table = TableOutput(
            id: invocation.id,
            caption: invocation.caption ?? "Test-set metrics" + (resamples > 0 ? " (95% bootstrap intervals, \(resamples) resamples)" : ""),
            columns: ["model", "accuracy", "balanced accuracy", "macro F1", "weighted F1", "AUC (macro, one vs rest)"],
            alignments: [.left, .right, .right, .right, .right, .right], rows: summaryRows)
        var results = ResultObject()
        results["models"] = .array(modelIDs.map { .string($0) })
        if let best = scores.max(by: { $0.accuracy < $1.accuracy }) { results["best"] = .string(best.id) }
        return StepOutput(blocks: [.table(table)] + perModelBlocks, results: results, resultsForOtherSteps: otherResults)
    }

    /// Models of a multi-label target: subset accuracy, Hamming loss, micro/macro scores, a
    /// confusion matrix per tag.
    private func runMultiLabel(_ models: [TrainedModel], context: StepContext) throws -> StepOutput {
        var rows: [[String]] = []
        var blocks: [OutputBlock] = []
        var otherResults: [(id: String, results: ResultObject)] = []
        var scores: [(id: String, accuracy: Double)] = []
        for trained in models {
            guard case .tags(let model) = trained.fitted else { continue }
            context.progress.message("evaluating \(trained.id)")
            let (data, truth, _) = try ModelData.makeTags(trained.dataset, part: .test, features: trained.features, context: context)
            guard !data.rows.isEmpty else { throw context.error("the test split of '\(trained.id)' has no tagged rows") }
            let evaluation = try MultiLabelEvaluation(trained: trained, model: model, x: data.x, truth: truth, resamples: resamples,
                                                      seed: SeedDerivation.derive(context.seed, trained.id), threads: context.threads)
            context.workspace.storeObject(evaluation.summary, key: ModelEvaluation.key(trained.id))
            otherResults.append((trained.id, evaluation.results))
            scores.append((trained.id, evaluation.metrics.subsetAccuracy))
            rows.append(evaluation.summaryRow)
            blocks += try evaluation.blocks(plots: plots, context: context)
        }
        let table = TableOutput(
            id: invocation.id,
            caption: invocation.caption ?? "Test-set metrics of the multi-label models"
                + (resamples > 0 ? " (subset accuracy with a 95% bootstrap interval, \(resamples) resamples)" : ""),
            columns: MultiLabelEvaluation.tableColumns, alignments: [.left] + Array(repeating: .right, count: 6), rows: rows)
        var results = ResultObject()
        results["models"] = .array(modelIDs.map { .string($0) })
        if let best = scores.max(by: { $0.accuracy < $1.accuracy }) { results["best"] = .string(best.id) }
        let note = "Subset accuracy counts a row as right only when its whole set of tags is predicted exactly; "
            + "the Hamming loss is the share of (row, tag) answers that are wrong; micro scores pool every tag's counts, "
            + "macro scores average the tags equally."
        return StepOutput(blocks: [.table(table), .markdown(note)] + blocks, results: results, resultsForOtherSteps: otherResults)
    }

    private func blocks(for evaluation: Evaluation, context: StepContext) throws -> [OutputBlock] {
        let trained = evaluation.trained
        let id = trained.id
        let classes = trained.classes
        var blocks: [OutputBlock] = []
        if plots.contains("confusion-counts") || plots.contains("confusion-normalized") {
            let k = classes.count
            let counts = (0..<k).map { row in (0..<k).map { Double(evaluation.confusion[row, $0]) } }
            let maximum = counts.flatMap { $0 }.max() ?? 1
            let countsChart = HeatmapChart(
                title: nil, rowLabels: classes, columnLabels: classes, values: counts,
                colorScale: .sequential(min: 0, max: max(1, maximum)), annotate: true,
                valueFormat: { DisplayNumber.format($0) }, colorbarTitle: "test rows",
                rowAxisTitle: "true class", columnAxisTitle: "predicted class")
            if plots.contains("confusion-counts") {
                blocks.append(.figure(try FigureRendering.figure(
                    countsChart, id: "\(id)-confusion", caption: "Confusion matrix of \(id) (\(trained.kind)) on the test rows",
                    alt: "Confusion matrix of \(id): counts of true against predicted classes", context: context)))
            }
            let normalised = evaluation.confusion.rowNormalized
            let shares = (0..<k).map { row in (0..<k).map { normalised[row * k + $0] } }
            let sharesChart = HeatmapChart(
                title: nil, rowLabels: classes, columnLabels: classes, values: shares,
                colorScale: .sequential(min: 0, max: 1), annotate: true,
                valueFormat: { NumberFormat.fixed($0, 2) }, colorbarTitle: "share of the true class",
                rowAxisTitle: "true class", columnAxisTitle: "predicted class")
            if plots.contains("confusion-normalized") {
                blocks.append(.figure(try FigureRendering.figure(
                    sharesChart, id: "\(id)-confusion-normalized",
                    caption: "Confusion matrix of \(id), each row divided by the class's test rows (the diagonal is recall)",
                    alt: "Row-normalised confusion matrix of \(id)", context: context)))
            }
        }
        if plots.contains("roc"), let curves = evaluation.rocCurves {
            let drawn = zip(classes, curves).compactMap { label, curve -> ReportCharts.ROCCurve? in
                guard let curve else { return nil }
                return ReportCharts.ROCCurve(label: label, falsePositiveRate: curve.falsePositiveRate,
                                             truePositiveRate: curve.truePositiveRate, auc: curve.area)
            }
            if !drawn.isEmpty {
                blocks.append(.figure(try FigureRendering.figure(
                    ROCChart(title: nil, curves: drawn), id: "\(id)-roc",
                    caption: "ROC curves of \(id), each class against the rest, with the area under each curve",
                    alt: "ROC curves of \(id) per class", context: context)))
            }
        }
        if plots.contains("report") {
            blocks.append(.table(evaluation.reportTable(id: "\(id)-report")))
        }
        if plots.contains("importance") {
            blocks += try ImportanceStep.blocks(for: trained, method: "impurity", repeats: 5, seed: context.seed,
                                                id: "\(id)-importance", caption: nil, context: context).blocks
        }
        if plots.contains("coefficients") {
            blocks += try CoefficientsStep.blocks(for: trained, id: "\(id)-coefficients", caption: nil, context: context).blocks
        }
        return blocks
    }
}

/// Every number `{evaluate}` reports for one model.
struct Evaluation {
    let trained: TrainedModel
    let confusion: ConfusionMatrix
    let scores: PrecisionRecallF1
    let report: ClassificationReport
    let accuracy: Double
    let balancedAccuracy: Double
    let auc: Double?
    let aucPerClass: [Double]?
    let rocCurves: [ReportML.ROCCurve?]?
    let accuracyInterval: (low: Double, high: Double)?
    let testRows: Int

    init(trained: TrainedModel, model: any FittedClassifier, data: ModelData, resamples: Int, seed: UInt64,
         threads: Int) throws {
        self.trained = trained
        let k = trained.classes.count
        let predicted = model.predict(data.x)
        let yTrue = data.y
        confusion = ConfusionMatrix(yTrue: yTrue, yPred: predicted, classCount: k)
        scores = PrecisionRecallF1(yTrue: yTrue, yPred: predicted, labels: Array(0..<k))
        report = ClassificationReport(yTrue: yTrue, yPred: predicted, classNames: trained.classes, labels: Array(0..<k))
        accuracy = ClassificationMetrics.accuracy(yTrue: yTrue, yPred: predicted)
        balancedAccuracy = ClassificationMetrics.balancedAccuracy(yTrue: yTrue, yPred: predicted)
        // Models without probabilities (SVMs, hinge-loss SGD) rank rows by their decision scores.
        if let probabilities = model.predictProbabilities(data.x) ?? (model as? any ScoringClassifier)?.classScores(data.x) {
            auc = ClassificationMetrics.rocAUC(yTrue: yTrue, probabilities: probabilities, classCount: k)
            aucPerClass = ClassificationMetrics.rocAUCPerClass(yTrue: yTrue, probabilities: probabilities, classCount: k)
            rocCurves = ReportML.ROCCurve.oneVsRest(yTrue: yTrue, probabilities: probabilities, classCount: k)
        } else {
            auc = nil
            aucPerClass = nil
            rocCurves = nil
        }
        accuracyInterval = resamples > 0
            ? ClassificationMetrics.bootstrapInterval(yTrue: yTrue, yPred: predicted, resamples: resamples, seed: seed,
                                                      threads: threads,
                                                      metric: ClassificationMetrics.accuracy)
            : nil
        testRows = yTrue.count
    }

    var summary: ModelEvaluation {
        var metrics = ["accuracy": accuracy, "balanced_accuracy": balancedAccuracy, "f1": scores.macro.f1,
                       "f1_weighted": scores.weighted.f1]
        if let auc { metrics["auc"] = auc }
        var intervals: [String: (low: Double, high: Double)] = [:]
        if let accuracyInterval { intervals["accuracy"] = accuracyInterval }
        return ModelEvaluation(modelID: trained.id, kind: trained.kind, metrics: metrics, intervals: intervals)
    }

    var results: ResultObject {
        func number(_ value: Double?) -> ResultValue { value.map { $0.isFinite ? .double($0) : .null } ?? .null }
        var results = ResultObject()
        results["test_rows"] = .int(testRows)
        results["accuracy"] = .double(accuracy)
        if let accuracyInterval {
            results["accuracy_ci"] = .object(ResultObject([("low", number(accuracyInterval.low)),
                                                           ("high", number(accuracyInterval.high))]))
        }
        results["balanced_accuracy"] = .double(balancedAccuracy)
        results["precision"] = .double(scores.macro.precision)
        results["recall"] = .double(scores.macro.recall)
        results["f1"] = .double(scores.macro.f1)
        results["f1_weighted"] = .double(scores.weighted.f1)
        results["auc"] = number(auc)
        var perClass = ResultObject()
        let k = trained.classes.count
        for (code, label) in trained.classes.enumerated() {
            var entry = ResultObject([
                ("precision", .double(scores.precision[code])), ("recall", .double(scores.recall[code])),
                ("f1", .double(scores.f1[code])), ("support", .int(scores.support[code])),
                ("auc", number(aucPerClass?[code])),
            ])
            // Where this class's misses go: the class most often predicted instead (the first
            // on ties), and that class's share of the misses.
            let misses = (0..<k).map { $0 == code ? 0 : confusion[code, $0] }
            let missed = misses.reduce(0, +)
            if missed > 0, let most = misses.indices.max(by: { misses[$0] < misses[$1] || (misses[$0] == misses[$1] && $0 > $1) }) {
                entry["confused_with"] = .string(trained.classes[most])
                entry["confused_share"] = .double(Double(misses[most]) / Double(missed))
            }
            perClass[label] = .object(entry)
        }
        results["per_class"] = .object(perClass)
        let recalls = Array(scores.recall.enumerated())
        if let easiest = recalls.max(by: { $0.element < $1.element }) { results["easiest_class"] = .string(trained.classes[easiest.offset]) }
        if let hardest = recalls.min(by: { $0.element < $1.element }) { results["hardest_class"] = .string(trained.classes[hardest.offset]) }
        return results
    }

    var summaryRow: [String] {
        var accuracyText = DisplayNumber.fixed(accuracy * 100, decimals: 1) + "%"
        if let interval = accuracyInterval, interval.low.isFinite {
            accuracyText += " [\(DisplayNumber.fixed(interval.low * 100, decimals: 1))–\(DisplayNumber.fixed(interval.high * 100, decimals: 1))]"
        }
        return ["\(trained.id) (\(trained.kind))", accuracyText,
                DisplayNumber.fixed(balancedAccuracy * 100, decimals: 1) + "%",
                DisplayNumber.fixed(scores.macro.f1, decimals: 3), DisplayNumber.fixed(scores.weighted.f1, decimals: 3),
                auc.map { DisplayNumber.fixed($0, decimals: 3) } ?? "—"]
    }

    func reportTable(id: String) -> TableOutput {
        let rows = report.classes.map { row in
            [row.label, DisplayNumber.fixed(row.precision, decimals: 3), DisplayNumber.fixed(row.recall, decimals: 3),
             DisplayNumber.fixed(row.f1, decimals: 3), DisplayNumber.format(Double(row.support))]
        } + [
            ["accuracy", "", "", DisplayNumber.fixed(report.accuracy, decimals: 3), DisplayNumber.format(Double(testRows))],
        ] + [report.macroAverage, report.weightedAverage].map { row in
            [row.label, DisplayNumber.fixed(row.precision, decimals: 3), DisplayNumber.fixed(row.recall, decimals: 3),
             DisplayNumber.fixed(row.f1, decimals: 3), DisplayNumber.format(Double(row.support))]
        }
        return TableOutput(id: id, caption: "Classification report of \(trained.id) on the test rows",
                           columns: ["class", "precision", "recall", "F1", "support"],
                           alignments: [.left, .right, .right, .right, .right], rows: rows)
    }
}
