/// A fitted decision tree: the flat tree and what it tells about the features.
public struct DecisionTreeModel: FittedClassifier, ImpurityImportanceModel {
    public let tree: FlatTree
    /// Threads used to predict (the predictions do not depend on it).
    public let threads: Int

    public init(tree: FlatTree, threads: Int = 2) {
        self.tree = tree
        self.threads = threads
    }

    public var classCount: Int { tree.classCount }
    public var featureCount: Int { tree.featureCount }
    public var nodeCount: Int { tree.nodeCount }
    public var leafCount: Int { tree.leafCount }
    /// Depth of the deepest leaf (a lone root has depth 0), as scikit-learn's `get_depth()`.
    public var depth: Int { tree.depth }
    /// Impurity-based importances summing to 1, as scikit-learn's `feature_importances_`.
    public var featureImportances: [Double] { tree.featureImportances }

    public func predict(_ x: FeatureMatrix) -> [Int] {
        predictFromProbabilities(x)
    }

    /// The weighted class frequencies of the leaf each row lands in.
    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        TreePrediction.averageProbabilities(of: [tree], x: x, threads: threads)
    }
}

/// Stored as its tree (see `ClassifierArchive`).
extension DecisionTreeModel: Codable {}
