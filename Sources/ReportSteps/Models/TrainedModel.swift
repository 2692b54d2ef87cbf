import ReportEngine
import ReportML

/// A fitted model as later steps see it: the model, the data it was fitted on and how.
struct TrainedModel: Sendable {
    /// The `{train}` step's id.
    let id: String
    /// The MODEL argument (`random-forest`).
    let kind: String
    /// The dataset as it was when the model was fitted (features, label, split).
    let dataset: Dataset
    let features: [String]
    /// Class names in code order (sorted, as scikit-learn's `classes_`).
    let classes: [String]
    let model: any FittedClassifier
    /// Hyperparameters as shown to the reader, defaults included.
    let parameters: [(name: String, value: String)]

    static func key(_ id: String) -> String { "model:\(id)" }
}

/// The test-set evaluation of one model, kept for `{compare}`.
struct ModelEvaluation: Sendable {
    let modelID: String
    let kind: String
    let metrics: [String: Double]
    /// 95% bootstrap interval of each metric that has one.
    let intervals: [String: (low: Double, high: Double)]

    static func key(_ id: String) -> String { "evaluation:\(id)" }
}
