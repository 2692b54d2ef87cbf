import ReportData

/// A random forest (scikit-learn's `RandomForestClassifier`): CART trees grown on bootstrap
/// samples with a random subset of features tried at each split; probabilities are the mean
/// of the trees' leaf probabilities.
///
/// Defaults are scikit-learn's: 100 trees, bootstrap samples of all rows, `√features`
/// features per split, Gini impurity, unlimited depth, `minSamplesSplit` 2, `minSamplesLeaf` 1,
/// no class weights. `maxBins` (nil = exact thresholds) bins the features once for all trees.
/// Trees grow in parallel on `context.threads` threads; tree `i` is seeded with
/// `SeedDerivation.derive(context.seed, "tree-i")`, so the forest does not depend on the
/// thread count. Options are checked when `fit` is called.
public struct RandomForestClassifier: Classifier {
    /// Number of trees (`n-estimators`, also `trees`); at least 1.
    public var nEstimators: Int
    public var criterion: SplitCriterion
    /// The deepest a leaf may be (nil = unlimited); at least 1.
    public var maxDepth: Int?
    /// Fewest rows a node needs to be split; at least 2.
    public var minSamplesSplit: Int
    /// Fewest (distinct) rows each leaf keeps; at least 1.
    public var minSamplesLeaf: Int
    public var maxFeatures: MaxFeatures
    /// Histogram bins per feature (nil = exact thresholds); 2…255.
    public var maxBins: Int?
    /// Whether each tree sees a bootstrap sample (true) or every row.
    public var bootstrap: Bool
    /// Draws per bootstrap sample (nil = as many as rows); only with `bootstrap`.
    public var maxSamples: MaxSamples?
    /// Class weights, computed on the whole training set (as scikit-learn's `balanced`).
    public var classWeight: ClassWeight
    public var minImpurityDecrease: Double

    public init(
        nEstimators: Int = 100, criterion: SplitCriterion = .gini, maxDepth: Int? = nil, minSamplesSplit: Int = 2,
        minSamplesLeaf: Int = 1, maxFeatures: MaxFeatures = .sqrt, maxBins: Int? = nil, bootstrap: Bool = true,
        maxSamples: MaxSamples? = nil, classWeight: ClassWeight = .none, minImpurityDecrease: Double = 0
    ) {
        self.nEstimators = nEstimators
        self.criterion = criterion
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
        self.maxBins = maxBins
        self.bootstrap = bootstrap
        self.maxSamples = maxSamples
        self.classWeight = classWeight
        self.minImpurityDecrease = minImpurityDecrease
    }

    /// Grows the forest; throws `MLError` for invalid options or data.
    public func fit(_ data: TrainingSet, context: FitContext) throws -> ForestModel {
        try TreeGrowthSettings.require(nEstimators, atLeast: 1, option: "n-estimators")
        let settings = try TreeGrowthSettings(
            criterion: criterion, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
            maxFeatures: maxFeatures, minImpurityDecrease: minImpurityDecrease, featureCount: data.x.columns)
        try TreeGrowthSettings.checkMaxBins(maxBins)
        let draws = try ForestModel.bootstrapDraws(bootstrap: bootstrap, maxSamples: maxSamples, rowCount: data.x.rows)
        let prepared = try TreeTrainingData(data, classWeight: classWeight)
        let recipe = TreeRecipe(data: prepared, settings: settings, maxBins: maxBins, randomThresholds: false,
                                threads: context.threads)
        let trees = ForestTrainer.grow(recipe: recipe, treeCount: nEstimators, bootstrapDraws: draws, context: context)
        return ForestModel(trees: trees, threads: context.threads)
    }
}
