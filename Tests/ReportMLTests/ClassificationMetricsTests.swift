import Testing
import ReportML

/// Metrics against `sklearn.metrics` on `Tests/Fixtures/ml/metrics.json` (random labels and
/// probabilities with ties, a class never predicted, a class never true): equal to 1e-12.
@Suite("Classification metrics match sklearn.metrics")
struct ClassificationMetricsTests {
    static let caseNames = ["ties", "continuous", "binary", "absent"]
    static let tolerance = 1e-12

    struct Case {
        let expected: ReferenceJSON
        let yTrue: [Int]
        let yPred: [Int]
        let probabilities: [Double]
        let classCount: Int

        init(_ name: String) throws {
            expected = try ReferenceJSON.load("metrics.json")[name]
            yTrue = expected["y_true"].ints
            yPred = expected["y_pred"].ints
            probabilities = expected["proba"].flat
            classCount = expected["classes"].int
        }
    }

    @Test(arguments: caseNames)
    func accuracyAndBalancedAccuracy(name: String) throws {
        let c = try Case(name)
        #expect(abs(ClassificationMetrics.accuracy(yTrue: c.yTrue, yPred: c.yPred) - c.expected["accuracy"].double) <= Self.tolerance)
        #expect(abs(ClassificationMetrics.balancedAccuracy(yTrue: c.yTrue, yPred: c.yPred) - c.expected["balanced_accuracy"].double) <= Self.tolerance)
    }

    @Test(arguments: caseNames)
    func precisionRecallF1(name: String) throws {
        let c = try Case(name)
        let scores = PrecisionRecallF1(yTrue: c.yTrue, yPred: c.yPred)
        let perClass = c.expected["per_class"]
        #expect(scores.labels == perClass["labels"].ints)
        #expect(maxDifference(scores.precision, perClass["precision"].doubles) <= Self.tolerance)
        #expect(maxDifference(scores.recall, perClass["recall"].doubles) <= Self.tolerance)
        #expect(maxDifference(scores.f1, perClass["f1"].doubles) <= Self.tolerance)
        #expect(scores.support == perClass["support"].ints)
        let macro = scores.macro
        let weighted = scores.weighted
        #expect(maxDifference([macro.precision, macro.recall, macro.f1],
                              ["precision", "recall", "f1"].map { c.expected["macro"][$0].double }) <= Self.tolerance)
        #expect(maxDifference([weighted.precision, weighted.recall, weighted.f1],
                              ["precision", "recall", "f1"].map { c.expected["weighted"][$0].double }) <= Self.tolerance)
    }

    @Test(arguments: caseNames)
    func confusionMatrix(name: String) throws {
        let c = try Case(name)
        let matrix = ConfusionMatrix(yTrue: c.yTrue, yPred: c.yPred, classCount: c.classCount)
        #expect(matrix.counts == c.expected["confusion"].array.flatMap(\.ints))
        #expect(maxDifference(matrix.rowNormalized, c.expected["confusion_normalized"].flat.map { $0.isNaN ? 0 : $0 }) <= Self.tolerance)
    }

    @Test(arguments: caseNames)
    func classificationReport(name: String) throws {
        let c = try Case(name)
        let names = (0..<c.classCount).map { "class \($0)" }
        let report = ClassificationReport(yTrue: c.yTrue, yPred: c.yPred, classNames: names)
        let expected = c.expected["report"]
        #expect(abs(report.accuracy - expected["accuracy"].double) <= Self.tolerance)
        #expect(report.rows.count == expected.keys.count - 1)
        for row in report.rows {
            let line = expected[row.label]
            #expect(!line.isNull, "unexpected row \(row.label)")
            #expect(maxDifference([row.precision, row.recall, row.f1],
                                  [line["precision"].double, line["recall"].double, line["f1-score"].double]) <= Self.tolerance, "\(row.label)")
            #expect(row.support == line["support"].int, "\(row.label)")
        }
    }

    @Test(arguments: caseNames)
    func rocCurvesAndAUC(name: String) throws {
        let c = try Case(name)
        let curves = ROCCurve.oneVsRest(yTrue: c.yTrue, probabilities: c.probabilities, classCount: c.classCount)
        let expected = c.expected["roc"].array
        let perClass = ClassificationMetrics.rocAUCPerClass(yTrue: c.yTrue, probabilities: c.probabilities, classCount: c.classCount)
        for k in 0..<c.classCount {
            guard let curve = curves[k] else {
                #expect(expected[k].isNull, "class \(k) should have a curve")
                #expect(perClass[k].isNaN)
                continue
            }
            let reference = expected[k]
            // Exact: the same divisions of the same counts.
            #expect(maxDifference(curve.falsePositiveRate, reference["fpr"].doubles) == 0, "class \(k) fpr")
            #expect(maxDifference(curve.truePositiveRate, reference["tpr"].doubles) == 0, "class \(k) tpr")
            #expect(maxDifference(curve.thresholds, reference["thresholds"].doubles(null: .infinity)) == 0, "class \(k) thresholds")
            #expect(abs(perClass[k] - reference["auc"].double) <= Self.tolerance, "class \(k) auc")
        }
        let macro = c.expected["auc_macro"]
        if !macro.isNull {
            let auc = ClassificationMetrics.rocAUC(yTrue: c.yTrue, probabilities: c.probabilities, classCount: c.classCount)
            #expect(abs(auc - macro.double) <= Self.tolerance)
        }
    }

    @Test func bootstrapIntervalIsDeterministicAndBracketsTheEstimate() throws {
        let c = try Case("continuous")
        let accuracy = ClassificationMetrics.accuracy(yTrue: c.yTrue, yPred: c.yPred)
        let first = ClassificationMetrics.bootstrapInterval(yTrue: c.yTrue, yPred: c.yPred, seed: 42, threads: 1, metric: ClassificationMetrics.accuracy(yTrue:yPred:))
        let second = ClassificationMetrics.bootstrapInterval(yTrue: c.yTrue, yPred: c.yPred, seed: 42, threads: 4, metric: ClassificationMetrics.accuracy(yTrue:yPred:))
        #expect(first == second)
        #expect(first.low < accuracy && accuracy < first.high)
        // About ±1.96 standard errors of a proportion.
        let standardError = (accuracy * (1 - accuracy) / Double(c.yTrue.count)).squareRoot()
        #expect(abs((first.high - first.low) / (2 * 1.96 * standardError) - 1) < 0.15)
        let other = ClassificationMetrics.bootstrapInterval(yTrue: c.yTrue, yPred: c.yPred, seed: 43, metric: ClassificationMetrics.accuracy(yTrue:yPred:))
        #expect(other != first)
    }

    @Test func percentileInterpolatesLikeNumpy() {
        // numpy.percentile([1, 2, 4, 8, 16], [2.5, 97.5]) == [1.1, 15.2]
        let values: [Double] = [1, 2, 4, 8, 16]
        #expect(ClassificationMetrics.percentile(sorted: values, 2.5) == 1.1)
        #expect(ClassificationMetrics.percentile(sorted: values, 97.5) == 15.2)
        #expect(ClassificationMetrics.percentile(sorted: values, 0) == 1)
        #expect(ClassificationMetrics.percentile(sorted: values, 100) == 16)
        #expect(ClassificationMetrics.percentile(sorted: [3], 50) == 3)
        #expect(ClassificationMetrics.percentile(sorted: [], 50).isNaN)
    }
}
