extension ClassificationMetrics {
    /// Area under the one-vs-rest ROC curve of each class (`roc_auc_score` of `yTrue == k`
    /// against column k); NaN for a class absent from `yTrue` or present in every row.
    public static func rocAUCPerClass(yTrue: [Int], probabilities: [Double], classCount: Int) -> [Double] {
        ROCCurve.oneVsRest(yTrue: yTrue, probabilities: probabilities, classCount: classCount)
            .map { $0?.area ?? .nan }
    }

    /// Macro-averaged one-vs-rest AUC, as `roc_auc_score(y, p, multi_class='ovr',
    /// average='macro')`; with two classes, the AUC of the second class's probability (as
    /// `roc_auc_score(y, p[:, 1])`).
    ///
    /// scikit-learn refuses when a class is missing from `yTrue`; here the average is over
    /// the classes with a defined AUC (NaN when none has one).
    public static func rocAUC(yTrue: [Int], probabilities: [Double], classCount: Int) -> Double {
        let perClass = rocAUCPerClass(yTrue: yTrue, probabilities: probabilities, classCount: classCount)
        if classCount == 2 { return perClass[1] }
        let defined = perClass.filter { !$0.isNaN }
        return defined.isEmpty ? .nan : defined.reduce(0, +) / Double(defined.count)
    }
}
