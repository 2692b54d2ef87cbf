/// k-nearest-neighbour classification as scikit-learn's `KNeighborsClassifier`.
///
/// Search is exact and chosen as scikit-learn's `algorithm='auto'`: for euclidean and
/// manhattan distances in at most `treeMaxFeatures` features with k below half the training
/// rows, a k-d tree (`KDTree`) built and searched exactly as scikit-learn's, so that the
/// same rows are kept among equally distant ones (data with duplicate rows has many such
/// ties, and they move predictions); otherwise brute force (always for cosine), which keeps
/// the earliest of equally distant training rows (scikit-learn leaves those ties to
/// `numpy.argpartition`). Votes are 1 per neighbour (`.uniform`) or 1/distance
/// (`.distance`; when some neighbours are at distance 0, only those vote, equally);
/// probabilities are the votes normalised to sum 1 and prediction takes the class with most
/// votes (the lowest class on ties).
public struct KNearestNeighbors: Classifier {
    /// How neighbours' votes are weighted.
    public enum Weights: String, Sendable, Equatable, Codable {
        case uniform
        case distance
    }

    /// The distance between rows.
    public enum Metric: String, Sendable, Equatable, Codable {
        case euclidean
        case manhattan
        /// 1 − cos(angle) (rows of zeros are at distance 1 from everything).
        case cosine
    }

    /// Neighbours consulted (scikit-learn's `n_neighbors`, default 5).
    public var k: Int
    /// Vote weights (default `.uniform`).
    public var weights: Weights
    /// Distance (default `.euclidean`).
    public var metric: Metric

    /// Beyond this many features, search by brute force (scikit-learn's `auto` rule).
    public static let treeMaxFeatures = 15

    public init(k: Int = 5, weights: Weights = .uniform, metric: Metric = .euclidean) {
        self.k = k
        self.weights = weights
        self.metric = metric
    }

    /// Checks the hyperparameters, naming options as report authors write them.
    public func validate() throws {
        guard k >= 1 else { throw MLError("k must be at least 1, found \(k)") }
    }

    /// Stores the training rows and builds the search structure.
    public func fit(_ data: TrainingSet, context: FitContext) throws -> KNearestNeighborsModel {
        try validate()
        try data.validate()
        guard k <= data.x.rows else {
            throw MLError("k must be at most the number of training rows (\(data.x.rows)), found \(k)")
        }
        let useTree = metric != .cosine && data.x.columns <= Self.treeMaxFeatures && k < data.x.rows / 2
        let search = NeighborSearch(data.x, metric: metric, useTree: useTree)
        context.progress(1)
        return KNearestNeighborsModel(
            classCount: data.classCount, featureCount: data.x.columns, k: k, weights: weights,
            labels: data.y, search: search, threads: max(1, context.threads)
        )
    }
}
