/// Precision, recall and F1 per class with their macro and support-weighted averages, as
/// `precision_recall_fscore_support(..., zero_division=0)` and its `average=` variants.
public struct PrecisionRecallF1: Sendable, Equatable {
    /// The classes scored, ascending.
    public let labels: [Int]
    /// tp / (tp + fp) per label (0 when nothing was predicted as it).
    public let precision: [Double]
    /// tp / (tp + fn) per label (0 when it never occurs).
    public let recall: [Double]
    /// 2·tp / (2·tp + fp + fn) per label (0 when undefined).
    public let f1: [Double]
    /// Rows whose true class is the label.
    public let support: [Int]

    /// Scores `labels` (default: classes occurring in `yTrue` or `yPred`).
    public init(yTrue: [Int], yPred: [Int], labels: [Int]? = nil) {
        precondition(yTrue.count == yPred.count, "PrecisionRecallF1: \(yTrue.count) true labels, \(yPred.count) predictions")
        let labels = labels ?? ClassificationMetrics.presentLabels(yTrue, yPred)
        var position = [Int: Int]()
        for (i, label) in labels.enumerated() { position[label] = i }
        var truePositives = [Int](repeating: 0, count: labels.count)
        var predicted = [Int](repeating: 0, count: labels.count)
        var actual = [Int](repeating: 0, count: labels.count)
        for i in yTrue.indices {
            let t = position[yTrue[i]]
            let p = position[yPred[i]]
            if let t { actual[t] += 1 }
            if let p { predicted[p] += 1 }
            if let t, yTrue[i] == yPred[i] { truePositives[t] += 1 }
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        self.labels = labels
        precision = labels.indices.map { ratio(truePositives[$0], predicted[$0]) }
        recall = labels.indices.map { ratio(truePositives[$0], actual[$0]) }
        f1 = labels.indices.map { i in
            let denominator = Double(actual[i]) + Double(predicted[i])
            return denominator == 0 ? 0 : 2 * Double(truePositives[i]) / denominator
        }
        support = actual
    }

    /// Unweighted mean over labels (`average='macro'`).
    public var macro: (precision: Double, recall: Double, f1: Double) {
        (Self.mean(precision), Self.mean(recall), Self.mean(f1))
    }

    /// Mean weighted by support (`average='weighted'`; unweighted when all supports are 0).
    public var weighted: (precision: Double, recall: Double, f1: Double) {
        (weightedMean(precision), weightedMean(recall), weightedMean(f1))
    }

    /// Total support.
    public var totalSupport: Int { support.reduce(0, +) }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    private func weightedMean(_ values: [Double]) -> Double {
        let total = totalSupport
        guard total > 0 else { return Self.mean(values) }
        var sum = 0.0
        for i in values.indices { sum += values[i] * Double(support[i]) }
        return sum / Double(total)
    }
}
