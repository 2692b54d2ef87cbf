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
    let fitted: Fitted
    /// Hyperparameters as shown to the reader, defaults included.
    let parameters: [(name: String, value: String)]

    /// A classifier of one class per row, or one binary model per tag of a multi-label target.
    enum Fitted: Sendable {
        case classes(any FittedClassifier)
        /// `classes` then holds the tag names.
        case tags(BinaryRelevanceModel)
    }

    static func key(_ id: String) -> String { "model:\(id)" }

    /// The single-label classifier; an error naming `directive` for a multi-label model.
    func classifier(for directive: String, context: StepContext) throws -> any FittedClassifier {
        switch fitted {
        case .classes(let model):
            return model
        case .tags:
            throw context.error("'\(id)' is a multi-label model (one binary \(kind) per tag); {\(directive)} needs a model of one class per row")
        }
    }
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

extension TrainedModel.Fitted {
    /// The fitted classifiers: the model, or each tag's binary model.
    var classifiers: [any FittedClassifier] {
        switch self {
        case .classes(let model): return [model]
        case .tags(let model):
            return model.models.compactMap { if case .fitted(let fitted) = $0 { return fitted } else { return nil } }
        }
    }
}

extension ModelEvaluation: CacheableObject {
    static let cacheKind = "model-evaluation-1"

    func encode(to encoder: inout CacheObjectEncoder) throws {
        encoder.string(modelID)
        encoder.string(kind)
        let names = metrics.keys.sorted()
        encoder.strings(names)
        encoder.doubles(names.map { metrics[$0]! })
        let intervalNames = intervals.keys.sorted()
        encoder.strings(intervalNames)
        encoder.doubles(intervalNames.flatMap { [intervals[$0]!.low, intervals[$0]!.high] })
    }

    static func decode(from decoder: inout CacheObjectDecoder) throws -> ModelEvaluation {
        let modelID = try decoder.string()
        let kind = try decoder.string()
        let names = try decoder.strings()
        let values = try decoder.doubles()
        let intervalNames = try decoder.strings()
        let bounds = try decoder.doubles()
        guard values.count == names.count, bounds.count == 2 * intervalNames.count else {
            throw decoder.corrupt("model evaluation with mismatched metric lists")
        }
        return ModelEvaluation(
            modelID: modelID, kind: kind,
            metrics: Dictionary(uniqueKeysWithValues: zip(names, values)),
            intervals: Dictionary(uniqueKeysWithValues: intervalNames.enumerated().map { ($1, (bounds[2 * $0], bounds[2 * $0 + 1])) }))
    }
}
