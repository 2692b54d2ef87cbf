/// A fitted `KNearestNeighbors`: the training rows, their classes and a search structure.
public struct KNearestNeighborsModel: FittedClassifier {
    public let classCount: Int
    public let featureCount: Int
    public let k: Int
    public let weights: KNearestNeighbors.Weights
    /// Class of each training row.
    let labels: [Int]
    let search: NeighborSearch
    let threads: Int

    /// Whether search uses a k-d tree (otherwise brute force).
    public var usesTree: Bool { search.tree != nil }

    /// The `k` nearest training rows of each row of `x`, row-major `rows × k`, nearest first
    /// (scikit-learn's `kneighbors`), with their distances.
    public func neighbors(_ x: FeatureMatrix) -> (indices: [Int], distances: [Double]) {
        search.query(x, k: k, threads: threads)
    }

    /// Votes normalised per row (scikit-learn's `predict_proba`), row-major `rows × classCount`.
    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        probabilities(neighbors: neighbors(x), rows: x.rows)
    }

    /// Votes of already-found neighbours (`neighbors(_:)` of `rows` rows): models fitted on
    /// the same rows with the same `k` and metric (one per tag of a multi-label target) share
    /// one search.
    func probabilities(neighbors: (indices: [Int], distances: [Double]), rows: Int) -> [Double] {
        let (indices, distances) = neighbors
        var votes = [Double](repeating: 0, count: rows * classCount)
        for row in 0..<rows {
            let base = row * k
            let out = row * classCount
            var anyZero = false
            if weights == .distance {
                for n in 0..<k where distances[base + n] == 0 { anyZero = true }
            }
            for n in 0..<k {
                let weight: Double
                switch weights {
                case .uniform: weight = 1
                case .distance:
                    weight = anyZero ? (distances[base + n] == 0 ? 1 : 0) : 1 / distances[base + n]
                }
                votes[out + labels[indices[base + n]]] += weight
            }
            var sum = 0.0
            for c in 0..<classCount { sum += votes[out + c] }
            for c in 0..<classCount { votes[out + c] /= sum }
        }
        return votes
    }

    /// The class with the largest vote (lowest class on ties).
    public func predict(_ x: FeatureMatrix) -> [Int] {
        predictFromProbabilities(x)
    }
}

/// Stored with its search structure as built, so reading it back needs no rebuilding
/// (see `ClassifierArchive`).
extension KNearestNeighborsModel: Codable {}
