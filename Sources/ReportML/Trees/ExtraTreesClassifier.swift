import ReportData

/// Extremely randomised trees (scikit-learn's `ExtraTreesClassifier`): each split tries one
/// threshold per drawn feature, uniform between the feature's smallest and largest value in
/// the node, and keeps the best of those.
///
/// Defaults are scikit-learn's: 100 trees, every row for every tree (no bootstrap), `√features`
/// features per split, Gini impurity, unlimited depth, `minSamplesSplit` 2, `minSamplesLeaf` 1,
/// no class weights. Trees grow in parallel with a seed per tree, as `RandomForestClassifier`.
/// Options are checked when `fit` is called.
public struct ExtraTreesClassifier: Classifier {
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
    /// Whether each tree sees a bootstrap sample (false: every row).
    public var bootstrap: Bool
    /// Draws per bootstrap sample (nil = as many as rows); only with `bootstrap`.
    public var maxSamples: MaxSamples?
    public var classWeight: ClassWeight
    public var minImpurityDecrease: Double

    public init(
        nEstimators: Int = 100, criterion: SplitCriterion = .gini, maxDepth: Int? = nil, minSamplesSplit: Int = 2,
        minSamplesLeaf: Int = 1, maxFeatures: MaxFeatures = .sqrt, bootstrap: Bool = false,
        maxSamples: MaxSamples? = nil, classWeight: ClassWeight = .none, minImpurityDecrease: Double = 0
    ) {
        self.nEstimators = nEstimators
        self.criterion = criterion
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
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
        let draws = try ForestModel.bootstrapDraws(bootstrap: bootstrap, maxSamples: maxSamples, rowCount: data.x.rows)
        let prepared = try TreeTrainingData(data, classWeight: classWeight)
        let recipe = TreeRecipe(data: prepared, settings: settings, maxBins: nil, randomThresholds: true,
                                threads: context.threads)
        let trees = ForestTrainer.grow(recipe: recipe, treeCount: nEstimators, bootstrapDraws: draws, context: context)
        return ForestModel(trees: trees, threads: context.threads)
    }
}
