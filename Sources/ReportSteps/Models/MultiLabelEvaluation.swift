import Foundation
import ReportCharts
import ReportEngine
import ReportML

/// Every number `{evaluate}` reports for a multi-label model (one binary model per tag):
/// subset accuracy, Hamming loss, micro / macro / weighted / samples precision, recall and
/// F1, and per tag its scores, AUC and 2 × 2 confusion counts — as `sklearn.metrics` on a
/// label-indicator matrix.
struct MultiLabelEvaluation {
    let trained: TrainedModel
    let metrics: MultiLabelMetrics
    /// Per tag: the area under its ROC curve (NaN when the tag is absent or in every test row).
    let aucPerTag: [Double]
    let rocCurves: [ReportML.ROCCurve?]
    let subsetAccuracyInterval: (low: Double, high: Double)?

    var tags: [String] { trained.classes }

    init(trained: TrainedModel, model: BinaryRelevanceModel, x: FeatureMatrix, truth: [Bool],
         resamples: Int, seed: UInt64, threads: Int) throws {
        self.trained = trained
        let rows = x.rows
        let k = trained.classes.count
        let predicted = model.predict(x)
        metrics = try MultiLabelMetrics(yTrue: truth, yPred: predicted, rows: rows, labels: k)
        let scores = model.scores(x)
        var curves: [ReportML.ROCCurve?] = []
        for tag in 0..<k {
            let yTrue = (0..<rows).map { truth[$0 * k + tag] ? 1 : 0 }
            var twoColumns = [Double](repeating: 0, count: rows * 2)
            for row in 0..<rows {
                twoColumns[row * 2] = 1 - scores[row * k + tag]
                twoColumns[row * 2 + 1] = scores[row * k + tag]
            }
            curves.append(ReportML.ROCCurve.oneVsRest(yTrue: yTrue, probabilities: twoColumns, classCount: 2)[1])
        }
        rocCurves = curves
        aucPerTag = curves.map { $0?.area ?? .nan }
        if resamples > 0 {
            // Subset accuracy is the mean of a per-row "all tags right" indicator.
            let exact = (0..<rows).map { row in (0..<k).allSatisfy { truth[row * k + $0] == predicted[row * k + $0] } ? 1 : 0 }
            subsetAccuracyInterval = ClassificationMetrics.bootstrapInterval(
                yTrue: [Int](repeating: 1, count: rows), yPred: exact, resamples: resamples, seed: seed,
                threads: threads, metric: ClassificationMetrics.accuracy)
        } else {
            subsetAccuracyInterval = nil
        }
    }

    static let tableColumns = ["model", "subset accuracy", "Hamming loss", "micro F1", "macro F1",
                               "micro precision", "micro recall"]

    var summaryRow: [String] {
        func percent(_ value: Double) -> String { DisplayNumber.fixed(value * 100, decimals: 1) + "%" }
        var subset = percent(metrics.subsetAccuracy)
        if let interval = subsetAccuracyInterval, interval.low.isFinite {
            subset += " [\(DisplayNumber.fixed(interval.low * 100, decimals: 1))–\(DisplayNumber.fixed(interval.high * 100, decimals: 1))]"
        }
        return ["\(trained.id) (\(trained.kind), one per tag)", subset, DisplayNumber.fixed(metrics.hammingLoss, decimals: 3),
                DisplayNumber.fixed(metrics.micro.f1, decimals: 3), DisplayNumber.fixed(metrics.macro.f1, decimals: 3),
                DisplayNumber.fixed(metrics.micro.precision, decimals: 3), DisplayNumber.fixed(metrics.micro.recall, decimals: 3)]
    }

    var summary: ModelEvaluation {
        var values: [String: Double] = [
            "accuracy": metrics.subsetAccuracy, "subset_accuracy": metrics.subsetAccuracy, "hamming_loss": metrics.hammingLoss,
            "precision": metrics.macro.precision, "recall": metrics.macro.recall, "f1": metrics.macro.f1,
            "f1_micro": metrics.micro.f1, "f1_weighted": metrics.weighted.f1, "f1_samples": metrics.samples.f1,
        ]
        let defined = aucPerTag.filter { !$0.isNaN }
        if !defined.isEmpty { values["auc"] = defined.reduce(0, +) / Double(defined.count) }
        var intervals: [String: (low: Double, high: Double)] = [:]
        if let subsetAccuracyInterval {
            intervals["accuracy"] = subsetAccuracyInterval
            intervals["subset_accuracy"] = subsetAccuracyInterval
        }
        return ModelEvaluation(modelID: trained.id, kind: trained.kind, metrics: values, intervals: intervals)
    }

    var results: ResultObject {
        func number(_ value: Double) -> ResultValue { value.isFinite ? .double(value) : .null }
        var results = ResultObject()
        results["test_rows"] = .int(metrics.rows)
        results["subset_accuracy"] = .double(metrics.subsetAccuracy)
        results["accuracy"] = .double(metrics.subsetAccuracy)
        if let interval = subsetAccuracyInterval {
            results["accuracy_ci"] = .object(ResultObject([("low", number(interval.low)), ("high", number(interval.high))]))
        }
        results["hamming_loss"] = .double(metrics.hammingLoss)
        for (name, scores) in [("", metrics.macro), ("_micro", metrics.micro), ("_weighted", metrics.weighted), ("_samples", metrics.samples)] {
            results["precision\(name)"] = .double(scores.precision)
            results["recall\(name)"] = .double(scores.recall)
            results["f1\(name)"] = .double(scores.f1)
        }
        let defined = aucPerTag.filter { !$0.isNaN }
        results["auc"] = defined.isEmpty ? .null : .double(defined.reduce(0, +) / Double(defined.count))
        var perTag = ResultObject()
        for (index, tag) in tags.enumerated() {
            let counts = metrics.confusion[index]
            perTag[tag] = .object(ResultObject([
                ("precision", .double(metrics.precision[index])), ("recall", .double(metrics.recall[index])),
                ("f1", .double(metrics.f1[index])), ("support", .int(metrics.support[index])), ("auc", number(aucPerTag[index])),
                ("tp", .int(counts.truePositives)), ("fp", .int(counts.falsePositives)),
                ("fn", .int(counts.falseNegatives)), ("tn", .int(counts.trueNegatives)),
            ]))
        }
        results["per_tag"] = .object(perTag)
        if let best = metrics.f1.indices.max(by: { metrics.f1[$0] < metrics.f1[$1] }) { results["easiest_tag"] = .string(tags[best]) }
        if let worst = metrics.f1.indices.min(by: { metrics.f1[$0] < metrics.f1[$1] }) { results["hardest_tag"] = .string(tags[worst]) }
        return results
    }

    /// Per-tag scores, then the averages (scikit-learn's classification report for multi-label data).
    func reportTable(id: String) -> TableOutput {
        func three(_ value: Double) -> String { DisplayNumber.fixed(value, decimals: 3) }
        var rows = tags.indices.map { index in
            [tags[index], three(metrics.precision[index]), three(metrics.recall[index]), three(metrics.f1[index]),
             DisplayNumber.format(Double(metrics.support[index])), aucPerTag[index].isNaN ? "—" : three(aucPerTag[index])]
        }
        let support = DisplayNumber.format(Double(metrics.support.reduce(0, +)))
        for (name, scores) in [("micro avg", metrics.micro), ("macro avg", metrics.macro),
                               ("weighted avg", metrics.weighted), ("samples avg", metrics.samples)] {
            rows.append([name, three(scores.precision), three(scores.recall), three(scores.f1), support, ""])
        }
        return TableOutput(id: id, caption: "Per-tag scores of \(trained.id) on the test rows",
                           columns: ["tag", "precision", "recall", "F1", "support", "AUC"],
                           alignments: [.left, .right, .right, .right, .right, .right], rows: rows)
    }

    func blocks(plots: Set<String>, context: StepContext) throws -> [OutputBlock] {
        let id = trained.id
        var blocks: [OutputBlock] = []
        if plots.contains("confusion-counts") || plots.contains("confusion-normalized") {
            let chart = ConfusionGridChart(title: nil, panels: tags.indices.map { (tags[$0], metrics.confusion[$0].matrix) })
            blocks.append(.figure(try FigureRendering.figure(
                chart, id: "\(id)-confusion",
                caption: "Confusion matrix of each tag for \(id) (\(trained.kind)): rows are the truth, columns the prediction",
                alt: "One two-by-two confusion matrix per tag for \(id)", context: context)))
        }
        if plots.contains("roc") {
            let drawn = zip(tags, rocCurves).compactMap { tag, curve -> ReportCharts.ROCCurve? in
                guard let curve else { return nil }
                return ReportCharts.ROCCurve(label: tag, falsePositiveRate: curve.falsePositiveRate,
                                             truePositiveRate: curve.truePositiveRate, auc: curve.area)
            }
            if !drawn.isEmpty {
                blocks.append(.figure(try FigureRendering.figure(
                    ROCChart(title: nil, curves: drawn), id: "\(id)-roc",
                    caption: "ROC curves of \(id), one per tag, with the area under each curve",
                    alt: "ROC curves of \(id) per tag", context: context)))
            }
        }
        blocks.append(.table(reportTable(id: "\(id)-report")))
        return blocks
    }
}
