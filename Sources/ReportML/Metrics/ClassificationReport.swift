/// scikit-learn's `classification_report(..., output_dict=True, zero_division=0)`:
/// precision, recall, F1 and support per class, then accuracy and the macro and weighted
/// averages.
public struct ClassificationReport: Sendable, Equatable {
    /// One line of the report.
    public struct Row: Sendable, Equatable {
        /// The class name, or "macro avg" / "weighted avg".
        public let label: String
        public let precision: Double
        public let recall: Double
        public let f1: Double
        public let support: Int
    }

    /// One row per class scored, ascending by class code.
    public let classes: [Row]
    /// The fraction of rows predicted correctly.
    public let accuracy: Double
    /// Unweighted means over the class rows; support is the total.
    public let macroAverage: Row
    /// Support-weighted means over the class rows; support is the total.
    public let weightedAverage: Row

    /// Reports on `labels` (default: classes in `yTrue` or `yPred`), naming class `k`
    /// `classNames[k]` (its number when absent).
    public init(yTrue: [Int], yPred: [Int], classNames: [String] = [], labels: [Int]? = nil) {
        let scores = PrecisionRecallF1(yTrue: yTrue, yPred: yPred, labels: labels)
        classes = scores.labels.indices.map { i in
            let label = scores.labels[i]
            return Row(
                label: label < classNames.count ? classNames[label] : String(label),
                precision: scores.precision[i], recall: scores.recall[i], f1: scores.f1[i],
                support: scores.support[i]
            )
        }
        accuracy = ClassificationMetrics.accuracy(yTrue: yTrue, yPred: yPred)
        let total = scores.totalSupport
        let macro = scores.macro
        let weighted = scores.weighted
        macroAverage = Row(label: "macro avg", precision: macro.precision, recall: macro.recall, f1: macro.f1, support: total)
        weightedAverage = Row(label: "weighted avg", precision: weighted.precision, recall: weighted.recall, f1: weighted.f1, support: total)
    }

    /// The class rows followed by the two averages, in scikit-learn's printed order
    /// (accuracy, which has no precision or recall, is the separate `accuracy`).
    public var rows: [Row] { classes + [macroAverage, weightedAverage] }
}
