/// A fitted classifier that can be stored in a `BinaryArchive` and read back exactly: the
/// same predictions, probabilities and scores, bit for bit.
///
/// `archiveTag` names the concrete type in stored bytes (the bytes alone do not say which
/// model they hold); `validateArchived` checks, after decoding, that the parts fit together
/// so that predicting cannot trap (array lengths, class and feature counts, indices), and
/// throws `BinaryArchiveError` otherwise. Checks a type's `init(from:)` already makes are not
/// repeated.
public protocol ArchivableClassifier: FittedClassifier, Codable {
    /// A stable name for the type (`random-forest`); a generic wrapper includes its model's.
    static var archiveTag: String { get }
    /// Throws when a decoded model could not predict (see the protocol's notes).
    func validateArchived() throws
}

/// Stores any fitted classifier as a type tag and the `BinaryArchive` bytes of the model, and
/// reads one back from them.
///
/// Every model `{train}` can fit is archivable: the forests and trees, k-NN, logistic
/// regression, Gaussian naive Bayes, gradient boosting, the kernel and linear SVMs, the SGD
/// classifier, the MLP, and `OneVsRestModel` of any of them (tag `one-vs-rest<base tag>`).
/// An unknown tag, bytes that do not decode or a model that fails its checks throw.
public enum ClassifierArchive {
    /// The archivable models that are not wrappers, by tag.
    static let leafTypes: [String: any ArchivableClassifier.Type] = {
        let types: [any ArchivableClassifier.Type] = [
            ForestModel.self, DecisionTreeModel.self, KNearestNeighborsModel.self, LogisticRegressionModel.self,
            GaussianNaiveBayesModel.self, GradientBoostingModel.self, SupportVectorModel.self, LinearSVCModel.self,
            SGDClassifierModel.self, MultilayerPerceptronModel.self,
        ]
        return Dictionary(uniqueKeysWithValues: types.map { ($0.archiveTag, $0) })
    }()

    /// The tags of the archivable models that are not wrappers, sorted.
    public static var modelTags: [String] { leafTypes.keys.sorted() }

    static let oneVsRestPrefix = "one-vs-rest<"

    /// The tag and bytes of `model`; throws for a model type that cannot be archived.
    public static func encode(_ model: any FittedClassifier) throws -> (tag: String, bytes: [UInt8]) {
        guard let archivable = model as? any ArchivableClassifier else {
            throw BinaryArchiveError("\(Swift.type(of: model)) cannot be archived")
        }
        return (Swift.type(of: archivable).archiveTag, try BinaryArchive.encode(archivable))
    }

    /// The model `encode` stored as `tag` and `bytes`, checked.
    public static func decode(tag: String, bytes: [UInt8]) throws -> any FittedClassifier {
        func decode<Model: ArchivableClassifier>(_ type: Model.Type) throws -> any FittedClassifier {
            let model = try BinaryArchive.decode(Model.self, from: bytes)
            try model.validateArchived()
            return model
        }
        return try decode(modelType(forTag: tag))
    }

    /// The model type a tag names.
    static func modelType(forTag tag: String) throws -> any ArchivableClassifier.Type {
        if let type = leafTypes[tag] { return type }
        if tag.hasPrefix(oneVsRestPrefix), tag.hasSuffix(">") {
            let base = try modelType(forTag: String(tag.dropFirst(oneVsRestPrefix.count).dropLast()))
            func wrapped<Model: ArchivableClassifier>(_ base: Model.Type) -> any ArchivableClassifier.Type {
                OneVsRestModel<Model>.self
            }
            return wrapped(base)
        }
        throw BinaryArchiveError("unknown model type '\(tag)'")
    }
}

/// A classifier inside another archived value (a binary-relevance tag's model): its tag, then
/// the model. Decoding checks the model.
struct TaggedClassifier: Codable {
    let model: any ArchivableClassifier

    init(_ model: any ArchivableClassifier) {
        self.model = model
    }

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let tag = try container.decode(String.self)
        func decode<Model: ArchivableClassifier>(_ type: Model.Type) throws -> any ArchivableClassifier {
            let model = try container.decode(Model.self)
            try model.validateArchived()
            return model
        }
        model = try decode(ClassifierArchive.modelType(forTag: tag))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(type(of: model).archiveTag)
        try container.encode(model)
    }
}

// MARK: - Conformances

extension ForestModel: ArchivableClassifier {
    public static let archiveTag = "forest"

    public func validateArchived() throws {
        try ArchiveCheck.require(!trees.isEmpty, "a forest without trees")
        for tree in trees {
            try ArchiveCheck.require(tree.classCount == classCount && tree.featureCount == featureCount,
                                     "trees of a forest with different classes or features")
        }
    }
}

extension DecisionTreeModel: ArchivableClassifier {
    public static let archiveTag = "decision-tree"

    /// `FlatTree` checks itself when decoded.
    public func validateArchived() throws {}
}

extension KNearestNeighborsModel: ArchivableClassifier {
    public static let archiveTag = "k-nearest-neighbors"

    public func validateArchived() throws {
        try ArchiveCheck.classCount(classCount)
        let rows = search.rowCount
        try ArchiveCheck.require(k >= 1 && k <= rows && labels.count == rows && featureCount == search.featureCount,
                                 "k-NN with k = \(k), \(labels.count) labels and \(rows) training rows")
        try ArchiveCheck.require(labels.allSatisfy { (0..<classCount).contains($0) }, "k-NN labels out of range")
        try search.validateArchived()
    }
}

extension NeighborSearch {
    /// Exactly one search structure, over `rowCount` rows of `featureCount` features.
    func validateArchived() throws {
        switch (tree, bruteForce) {
        case (let tree?, nil):
            try ArchiveCheck.require(metric != .cosine && tree.featureCount == featureCount
                                         && tree.originalIndex.count == rowCount,
                                     "a k-d tree that does not match its search")
            try tree.validateArchived()
        case (nil, let bruteForce?):
            try ArchiveCheck.require(
                bruteForce.metric == metric && bruteForce.featureCount == featureCount && bruteForce.rowCount == rowCount
                    && bruteForce.blocks.count == ArchiveCheck.product((rowCount + 3) / 4 * 4, featureCount),
                "brute-force search blocks that do not match \(rowCount) rows of \(featureCount) features")
        default:
            throw BinaryArchiveError("a k-NN search needs exactly one of a k-d tree and brute force")
        }
    }
}

extension KDTree {
    /// Node arrays of one length, leaf ranges within the rows, children of every split node
    /// within the tree, and row indices within the training rows.
    func validateArchived() throws {
        let rows = originalIndex.count
        let boxes = ArchiveCheck.product(nodeCount, featureCount)
        try ArchiveCheck.require(
            nodeCount >= 1 && nodeStart.count == nodeCount && nodeEnd.count == nodeCount && isLeaf.count == nodeCount
                && lower.count == boxes && upper.count == boxes
                && leafColumns.count == ArchiveCheck.product(rows, featureCount),
            "a k-d tree whose node arrays do not match its \(nodeCount) nodes and \(rows) rows")
        for node in 0..<nodeCount {
            try ArchiveCheck.require(nodeStart[node] >= 0 && nodeStart[node] <= nodeEnd[node] && nodeEnd[node] <= rows,
                                     "k-d tree node \(node) covers rows outside the tree")
            try ArchiveCheck.require(isLeaf[node] || 2 * node + 2 < nodeCount, "k-d tree split node \(node) without children")
        }
        try ArchiveCheck.require(originalIndex.allSatisfy { (0..<rows).contains($0) }, "k-d tree row indices out of range")
    }
}

extension LogisticRegressionModel: ArchivableClassifier {
    public static let archiveTag = "logistic-regression"

    public func validateArchived() throws {
        try ArchiveCheck.linear(classCount: classCount, featureCount: featureCount, classes: coefficientClasses,
                                coefficients: coefficients, intercepts: intercepts, present: present)
    }
}

extension GaussianNaiveBayesModel: ArchivableClassifier {
    public static let archiveTag = "gaussian-naive-bayes"

    public func validateArchived() throws {
        try ArchiveCheck.present(present, classCount: classCount)
        let k = classes.count
        let size = ArchiveCheck.product(k, featureCount)
        try ArchiveCheck.require(
            classes == present.classes && means.count == size && variances.count == size
                && priors.count == k && classCounts.count == k,
            "naive Bayes statistics that do not fit \(k) classes and \(featureCount) features")
    }
}

extension GradientBoostingModel: ArchivableClassifier {
    public static let archiveTag = "gradient-boosting"

    public func validateArchived() throws {
        try ArchiveCheck.present(present, classCount: classCount)
        try ArchiveCheck.require(baseline.count == ArchiveCheck.outputs(present),
                                 "\(baseline.count) baseline scores for \(present.classes.count) classes")
        try trees.validateArchived(featureCount: featureCount)
    }
}

extension BoostedTrees {
    /// Node arrays of one length; every root and child within them, children after their
    /// parent (so a walk always ends) and split features within `featureCount`.
    func validateArchived(featureCount: Int) throws {
        let nodes = feature.count
        try ArchiveCheck.require(
            threshold.count == nodes && bin.count == nodes && left.count == nodes && right.count == nodes
                && value.count == nodes && roots.allSatisfy({ (0..<nodes).contains($0) }),
            "boosted trees whose node arrays or roots do not match their \(nodes) nodes")
        for node in 0..<nodes where left[node] >= 0 {
            try ArchiveCheck.require(
                Int(left[node]) > node && Int(left[node]) < nodes && Int(right[node]) > node && Int(right[node]) < nodes
                    && feature[node] >= 0 && Int(feature[node]) < featureCount,
                "boosted tree node \(node) splits on feature \(feature[node]) into nodes \(left[node]) and \(right[node])")
        }
    }
}

extension SupportVectorModel: ArchivableClassifier {
    public static let archiveTag = "support-vector-machine"

    /// `init(from:)` checks the support vectors, coefficients and pairs.
    public func validateArchived() throws {}
}

extension LinearSVCModel: ArchivableClassifier {
    public static let archiveTag = "linear-svc"

    public func validateArchived() throws {
        try ArchiveCheck.linear(classCount: classCount, featureCount: featureCount, classes: coefficientClasses,
                                coefficients: coefficients, intercepts: intercepts, present: present)
    }
}

extension SGDClassifierModel: ArchivableClassifier {
    public static let archiveTag = "sgd-classifier"

    public func validateArchived() throws {
        try ArchiveCheck.linear(classCount: classCount, featureCount: featureCount, classes: coefficientClasses,
                                coefficients: coefficients, intercepts: intercepts, present: present)
    }
}

extension MultilayerPerceptronModel: ArchivableClassifier {
    public static let archiveTag = "multilayer-perceptron"

    public func validateArchived() throws {
        try ArchiveCheck.present(present, classCount: classCount)
        try ArchiveCheck.require(
            weights.layerUnits.first == featureCount && weights.layerUnits.last == ArchiveCheck.outputs(present),
            "a network of layers \(weights.layerUnits) for \(featureCount) features and \(present.classes.count) classes")
    }
}

extension OneVsRestModel: ArchivableClassifier where Model: ArchivableClassifier {
    public static var archiveTag: String { ClassifierArchive.oneVsRestPrefix + Model.archiveTag + ">" }

    public func validateArchived() throws {
        try ArchiveCheck.present(present, classCount: classCount)
        let expected = present.classes.count == 2 ? [present.classes[1]] : present.classes
        try ArchiveCheck.require(targets == expected && models.count == targets.count,
                                 "one-vs-rest models for classes \(targets) of \(present.classes)")
        for model in models {
            try ArchiveCheck.require(model.classCount == 2 && model.featureCount == featureCount,
                                     "a one-vs-rest model that is not binary over \(featureCount) features")
            try model.validateArchived()
        }
    }
}

/// Stored as its counts and each tag's model: a constant answer, or the tag and bytes of a
/// binary classifier (checked when decoded).
extension BinaryRelevanceModel: Codable {
    private enum CodingKeys: String, CodingKey {
        case labelCount, featureCount, models
    }

    /// One tag's model as stored.
    private enum StoredLabel: Codable {
        case constant(Bool)
        case fitted(TaggedClassifier)

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            if try container.decode(Bool.self) {
                self = .fitted(try container.decode(TaggedClassifier.self))
            } else {
                self = .constant(try container.decode(Bool.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            switch self {
            case .fitted(let model):
                try container.encode(true)
                try container.encode(model)
            case .constant(let value):
                try container.encode(false)
                try container.encode(value)
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let labelCount = try container.decode(Int.self, forKey: .labelCount)
        let featureCount = try container.decode(Int.self, forKey: .featureCount)
        let stored = try container.decode([StoredLabel].self, forKey: .models)
        try ArchiveCheck.require(stored.count == labelCount, "\(stored.count) tag models for \(labelCount) tags")
        let models = try stored.map { label -> LabelModel in
            switch label {
            case .constant(let value):
                return .constant(value)
            case .fitted(let tagged):
                try ArchiveCheck.require(tagged.model.classCount == 2 && tagged.model.featureCount == featureCount,
                                         "a tag model that is not binary over \(featureCount) features")
                return .fitted(tagged.model)
            }
        }
        self.init(labelCount: labelCount, featureCount: featureCount, models: models)
    }

    /// Throws for a tag model that cannot be archived.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(labelCount, forKey: .labelCount)
        try container.encode(featureCount, forKey: .featureCount)
        let stored = try models.map { model -> StoredLabel in
            switch model {
            case .constant(let value):
                return .constant(value)
            case .fitted(let fitted):
                guard let archivable = fitted as? any ArchivableClassifier else {
                    throw BinaryArchiveError("\(type(of: fitted)) cannot be archived")
                }
                return .fitted(TaggedClassifier(archivable))
            }
        }
        try container.encode(stored, forKey: .models)
    }
}

// MARK: - Checks

/// The checks decoded models share; each throws `BinaryArchiveError`.
enum ArchiveCheck {
    /// The most classes a decoded model may have (its class arrays are allocated from it).
    static let maximumClassCount = 1 << 20

    static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        guard condition else { throw BinaryArchiveError(message()) }
    }

    static func classCount(_ count: Int) throws {
        try require(count >= 1 && count <= maximumClassCount, "a model of \(count) classes")
    }

    /// `a · b`, or nil when it overflows (a garbled count must not trap).
    static func product(_ a: Int, _ b: Int) -> Int? {
        let product = a.multipliedReportingOverflow(by: b)
        return product.overflow ? nil : product.partialValue
    }

    /// Present classes of a model of `classCount` classes, at least two of them (as training needs).
    static func present(_ present: PresentClasses, classCount: Int) throws {
        try require(present.classCount == classCount && present.classes.count >= 2,
                    "present classes \(present.classes) of a model of \(classCount) classes")
    }

    /// Outputs of a model that has one for two classes and one per present class otherwise.
    static func outputs(_ present: PresentClasses) -> Int {
        present.classes.count == 2 ? 1 : present.classes.count
    }

    /// A linear model's rows: one per output, each of `featureCount` coefficients, for the
    /// present classes (only the second of two).
    static func linear(classCount: Int, featureCount: Int, classes: [Int], coefficients: [[Double]],
                       intercepts: [Double], present: PresentClasses) throws {
        try Self.present(present, classCount: classCount)
        let expected = present.classes.count == 2 ? [present.classes[1]] : present.classes
        try require(classes == expected && coefficients.count == classes.count && intercepts.count == classes.count
                        && coefficients.allSatisfy({ $0.count == featureCount }),
                    "linear model rows for classes \(classes) do not fit \(featureCount) features and classes \(present.classes)")
    }
}
