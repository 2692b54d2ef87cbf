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
            metrics: Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first }),
            intervals: Dictionary(intervalNames.enumerated().map { ($1, (bounds[2 * $0], bounds[2 * $0 + 1])) },
                                  uniquingKeysWith: { first, _ in first }))
    }
}

/// A trained model is stored with the dataset it was fitted on as a separate blob (shared with
/// the steps that wrote that dataset), and the fitted model as a type tag and its
/// `BinaryArchive` bytes: `ClassifierArchive`'s tag for a single-label classifier,
/// `binary-relevance` for one model per tag. An unknown tag, bytes that do not decode, or a
/// model that does not fit the stored features and classes throw, and the step that trained
/// it is re-run instead.
extension TrainedModel: CacheableObject {
    /// The archive follows the model types' stored properties (their `Codable` conformances in
    /// ReportML): bump the number when one of them changes, so older entries are not read.
    static let cacheKind = "trained-model-1"

    /// The tag of a multi-label model (its tags' models carry their own tags inside).
    static let binaryRelevanceTag = "binary-relevance"

    func encode(to encoder: inout CacheObjectEncoder) throws {
        encoder.string(id)
        encoder.string(kind)
        try encoder.dataset(dataset)
        encoder.strings(features)
        encoder.strings(classes)
        encoder.strings(parameters.map(\.name))
        encoder.strings(parameters.map(\.value))
        switch fitted {
        case .classes(let model):
            let (tag, bytes) = try ClassifierArchive.encode(model)
            encoder.string(tag)
            encoder.bytes(bytes)
        case .tags(let model):
            encoder.string(Self.binaryRelevanceTag)
            encoder.bytes(try BinaryArchive.encode(model))
        }
    }

    static func decode(from decoder: inout CacheObjectDecoder) throws -> TrainedModel {
        let id = try decoder.string()
        let kind = try decoder.string()
        let dataset = try decoder.dataset()
        let features = try decoder.strings()
        let classes = try decoder.strings()
        let names = try decoder.strings()
        let values = try decoder.strings()
        let tag = try decoder.string()
        let bytes = try decoder.bytes()
        guard names.count == values.count else { throw decoder.corrupt("model '\(id)' with mismatched parameter lists") }

        let fitted: Fitted
        let featureCount: Int
        let classCount: Int
        do {
            if tag == binaryRelevanceTag {
                let model = try BinaryArchive.decode(BinaryRelevanceModel.self, from: bytes)
                (fitted, featureCount, classCount) = (.tags(model), model.featureCount, model.labelCount)
            } else {
                let model = try ClassifierArchive.decode(tag: tag, bytes: bytes)
                (fitted, featureCount, classCount) = (.classes(model), model.featureCount, model.classCount)
            }
        } catch {
            throw decoder.corrupt("model '\(id)' (\(tag)) cannot be read back: \(error)")
        }
        guard featureCount == features.count, classCount == classes.count else {
            throw decoder.corrupt("model '\(id)' (\(tag)) has \(featureCount) features and \(classCount) classes, "
                                  + "but \(features.count) features and \(classes.count) classes are stored with it")
        }
        return TrainedModel(id: id, kind: kind, dataset: dataset, features: features, classes: classes,
                            fitted: fitted, parameters: zip(names, values).map { (name: $0, value: $1) })
    }
}
