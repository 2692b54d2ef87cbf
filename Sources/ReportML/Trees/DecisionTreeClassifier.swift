import ReportData

/// A CART decision tree (scikit-learn's `DecisionTreeClassifier`).
///
/// Defaults are scikit-learn's: Gini impurity, unlimited depth, `minSamplesSplit` 2,
/// `minSamplesLeaf` 1, every feature tried at each split, no class weights, no minimum
/// impurity decrease. With `maxBins` nil thresholds are exact (midpoints between consecutive
/// distinct values, `x <= threshold` goes left); with a number of bins (2…255) splits are
/// searched on per-feature quantile bins, as Spark's `maxBins`, which is much faster on
/// large data. Options are checked when `fit` is called.
public struct DecisionTreeClassifier: Classifier {
    public var criterion: SplitCriterion
    /// The deepest a leaf may be (nil = grow until leaves are pure or too small); at least 1.
    public var maxDepth: Int?
    /// Fewest rows a node needs to be split; at least 2.
    public var minSamplesSplit: Int
    /// Fewest rows each leaf keeps; at least 1.
    public var minSamplesLeaf: Int
    public var maxFeatures: MaxFeatures
    /// Histogram bins per feature (nil = exact thresholds); 2…255.
    public var maxBins: Int?
    public var classWeight: ClassWeight
    /// A split must lower the weighted impurity by at least this much; at least 0.
    public var minImpurityDecrease: Double

    public init(
        criterion: SplitCriterion = .gini, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
        maxFeatures: MaxFeatures = .all, maxBins: Int? = nil, classWeight: ClassWeight = .none,
        minImpurityDecrease: Double = 0
    ) {
        self.criterion = criterion
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
        self.maxBins = maxBins
        self.classWeight = classWeight
        self.minImpurityDecrease = minImpurityDecrease
    }

    /// Grows the tree; the features drawn at each split (and the order ties are met in) come
    /// from `context.seed`. Throws `MLError` for invalid options or data.
    public func fit(_ data: TrainingSet, context: FitContext) throws -> DecisionTreeModel {
        let settings = try TreeGrowthSettings(
            criterion: criterion, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
            maxFeatures: maxFeatures, minImpurityDecrease: minImpurityDecrease, featureCount: data.x.columns)
        try TreeGrowthSettings.checkMaxBins(maxBins)
        let prepared = try TreeTrainingData(data, classWeight: classWeight)
        let recipe = TreeRecipe(data: prepared, settings: settings, maxBins: maxBins, randomThresholds: false,
                                threads: context.threads)
        var rng = Xoshiro256StarStar(seed: context.seed)
        let tree = recipe.grow(weights: prepared.weights, rng: &rng)
        context.progress(1)
        return DecisionTreeModel(tree: tree, threads: context.threads)
    }
}
