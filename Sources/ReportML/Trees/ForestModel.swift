/// A fitted forest (random forest or extra trees): class probabilities are the mean of the
/// trees' leaf probabilities, as scikit-learn's `predict_proba`.
public struct ForestModel: FittedClassifier, ImpurityImportanceModel {
    public let trees: [FlatTree]
    /// Threads used to predict (the predictions do not depend on it).
    public let threads: Int

    /// Precondition: at least one tree, all with the same classes and features.
    public init(trees: [FlatTree], threads: Int = 2) {
        precondition(!trees.isEmpty, "a forest needs at least one tree")
        self.trees = trees
        self.threads = threads
    }

    public var classCount: Int { trees[0].classCount }
    public var featureCount: Int { trees[0].featureCount }
    /// Nodes over all trees.
    public var nodeCount: Int { trees.reduce(0) { $0 + $1.nodeCount } }

    /// The mean of the trees' normalised importances (trees that are a lone root left out),
    /// normalised to sum to 1, as scikit-learn's `feature_importances_`.
    public var featureImportances: [Double] {
        var sum = [Double](repeating: 0, count: featureCount)
        let grown = trees.filter { $0.nodeCount > 1 }
        guard !grown.isEmpty else { return sum }
        for tree in grown {
            for (feature, importance) in tree.featureImportances.enumerated() { sum[feature] += importance }
        }
        let mean = sum.map { $0 / Double(grown.count) }
        let total = mean.reduce(0, +)
        return total > 0 ? mean.map { $0 / total } : mean
    }

    public func predict(_ x: FeatureMatrix) -> [Int] {
        predictFromProbabilities(x)
    }

    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        TreePrediction.averageProbabilities(of: trees, x: x, threads: threads)
    }

    /// Draws per bootstrap sample, or nil without bootstrap; checks `max-samples`.
    static func bootstrapDraws(bootstrap: Bool, maxSamples: MaxSamples?, rowCount: Int) throws -> Int? {
        guard bootstrap else {
            if maxSamples != nil { throw MLError("max-samples needs bootstrap: true") }
            return nil
        }
        return try maxSamples?.resolve(rowCount: rowCount) ?? rowCount
    }
}

/// Stored as its trees (see `ClassifierArchive`).
extension ForestModel: Codable {}
