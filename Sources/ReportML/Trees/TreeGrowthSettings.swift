/// The stopping rules and split search of one tree, validated and resolved for a data set.
struct TreeGrowthSettings: Sendable {
    var criterion: SplitCriterion
    /// `Int.max` when unlimited.
    var maxDepth: Int
    var minSamplesSplit: Int
    var minSamplesLeaf: Int
    /// Features to try per split, resolved from `MaxFeatures`.
    var maxFeatures: Int
    var minImpurityDecrease: Double

    /// Checks the options shared by every tree model and resolves them for `featureCount`
    /// features; errors name the options as report authors write them (`max-depth`).
    init(
        criterion: SplitCriterion, maxDepth: Int?, minSamplesSplit: Int, minSamplesLeaf: Int,
        maxFeatures: MaxFeatures, minImpurityDecrease: Double, featureCount: Int
    ) throws {
        if let maxDepth {
            try Self.require(maxDepth, atLeast: 1, option: "max-depth")
        }
        try Self.require(minSamplesSplit, atLeast: 2, option: "min-samples-split")
        try Self.require(minSamplesLeaf, atLeast: 1, option: "min-samples-leaf")
        guard minImpurityDecrease >= 0, minImpurityDecrease.isFinite else {
            throw MLError("min-impurity-decrease must be a finite number of at least 0, found \(minImpurityDecrease)")
        }
        self.criterion = criterion
        self.maxDepth = maxDepth ?? Int.max
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = try maxFeatures.resolve(featureCount: featureCount)
        self.minImpurityDecrease = minImpurityDecrease
    }

    /// Throws `option must be at least minimum, found value` when `value < minimum`.
    static func require(_ value: Int, atLeast minimum: Int, option: String) throws {
        guard value >= minimum else {
            throw MLError("\(option) must be at least \(minimum), found \(value)")
        }
    }

    /// Checks `max-bins` (2…255, so that bin codes fit a byte).
    static func checkMaxBins(_ maxBins: Int?) throws {
        guard let maxBins else { return }
        guard (2...BinnedFeatures.maxBinLimit).contains(maxBins) else {
            throw MLError("max-bins must be between 2 and \(BinnedFeatures.maxBinLimit), found \(maxBins)")
        }
    }
}
