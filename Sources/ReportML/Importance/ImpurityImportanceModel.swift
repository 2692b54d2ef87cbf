/// A fitted model that credits each feature with the impurity its splits removed.
public protocol ImpurityImportanceModel: FittedClassifier {
    /// One importance per feature, summing to 1 (all 0 when the model never splits).
    var featureImportances: [Double] { get }
}
