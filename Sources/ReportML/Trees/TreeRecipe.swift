import ReportData

/// Everything a fit prepares once and every tree shares: the converted data, the settings
/// and the split search with its presorted or binned features.
struct TreeRecipe: Sendable {
    /// How splits are searched.
    enum Search: Sendable {
        /// Exact best thresholds (scikit-learn's `splitter="best"`).
        case exact(PresortedFeatures)
        /// Best boundaries between quantile bins (`max-bins`).
        case histogram(BinnedFeatures)
        /// One random threshold per feature tried (extra trees).
        case random
    }

    let data: TreeTrainingData
    let settings: TreeGrowthSettings
    let search: Search

    /// Presorts or bins the features as the search needs (`randomThresholds` wins over `maxBins`).
    init(data: TreeTrainingData, settings: TreeGrowthSettings, maxBins: Int?, randomThresholds: Bool, threads: Int) {
        self.data = data
        self.settings = settings
        if randomThresholds {
            search = .random
        } else if let maxBins {
            search = .histogram(BinnedFeatures(data, maxBins: maxBins, threads: threads))
        } else {
            search = .exact(PresortedFeatures(data, threads: threads))
        }
    }

    /// Grows one tree on the rows with positive `weights` (one per data row).
    func grow(weights: [Double], rng: inout Xoshiro256StarStar) -> FlatTree {
        switch search {
        case .exact(let presorted):
            let splitter = PresortedSplitter(
                data: data, presorted: presorted, weights: weights, criterion: settings.criterion,
                minSamplesLeaf: settings.minSamplesLeaf)
            var grower = TreeGrower(splitter: splitter, settings: settings, classCount: data.classCount, featureCount: data.featureCount)
            return grower.grow(rng: &rng)
        case .histogram(let binned):
            let splitter = HistogramSplitter(binned: binned, data: data, weights: weights, settings: settings)
            var grower = TreeGrower(splitter: splitter, settings: settings, classCount: data.classCount, featureCount: data.featureCount)
            return grower.grow(rng: &rng)
        case .random:
            let splitter = RandomThresholdSplitter(
                data: data, weights: weights, criterion: settings.criterion, minSamplesLeaf: settings.minSamplesLeaf)
            var grower = TreeGrower(splitter: splitter, settings: settings, classCount: data.classCount, featureCount: data.featureCount)
            return grower.grow(rng: &rng)
        }
    }
}
