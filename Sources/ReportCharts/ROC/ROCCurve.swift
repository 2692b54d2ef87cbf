/// One class's ROC curve (one-vs-rest): false and true positive rates at decreasing
/// thresholds, as `sklearn.metrics.roc_curve` returns them.
public struct ROCCurve: Hashable, Sendable {
    /// Class name.
    public var label: String
    /// False positive rates, from 0 to 1.
    public var falsePositiveRate: [Double]
    /// True positive rates, one per false positive rate.
    public var truePositiveRate: [Double]
    /// Area under the curve; `nil` computes it from the points with the trapezoidal rule.
    public var auc: Double?

    /// Creates a curve; the two arrays must have the same length.
    public init(label: String, falsePositiveRate: [Double], truePositiveRate: [Double], auc: Double? = nil) {
        self.label = label
        self.falsePositiveRate = falsePositiveRate
        self.truePositiveRate = truePositiveRate
        self.auc = auc
    }

    /// The given AUC, or the trapezoidal area under the points (as `sklearn.metrics.auc`).
    public var area: Double {
        if let auc { return auc }
        var total = 0.0
        for i in falsePositiveRate.indices.dropFirst() where i < truePositiveRate.count {
            total += (falsePositiveRate[i] - falsePositiveRate[i - 1]) * (truePositiveRate[i] + truePositiveRate[i - 1]) / 2
        }
        return total
    }
}
