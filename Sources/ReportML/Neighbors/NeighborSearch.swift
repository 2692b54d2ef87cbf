import Foundation

/// Exact k-nearest-neighbour search: scikit-learn's k-d tree (`KDTree`) for euclidean and
/// manhattan distances in up to `KNearestNeighbors.treeMaxFeatures` features when k is
/// below half the training rows (scikit-learn's `algorithm='auto'` rule), brute force
/// otherwise (always for cosine).
///
/// The tree keeps the neighbours scikit-learn keeps, ties included. Brute force keeps, among
/// equally distant rows, the earliest training rows (scikit-learn's brute force leaves that
/// to `argpartition`). Neighbours are returned nearest first, ties by training row. Queries
/// are split into fixed chunks answered on worker threads.
struct NeighborSearch: Sendable {
    let metric: KNearestNeighbors.Metric
    let featureCount: Int
    let rowCount: Int
    let tree: KDTree?
    /// The brute-force search when there is no tree.
    let bruteForce: BruteForceSearch?

    static let queryChunk = 256

    init(_ x: FeatureMatrix, metric: KNearestNeighbors.Metric, useTree: Bool) {
        self.metric = metric
        featureCount = x.columns
        rowCount = x.rows
        switch (useTree, metric) {
        case (true, .euclidean):
            tree = KDTree(x, distance: .euclidean)
            bruteForce = nil
        case (true, .manhattan):
            tree = KDTree(x, distance: .manhattan)
            bruteForce = nil
        default:
            tree = nil
            bruteForce = BruteForceSearch(metric == .cosine ? Self.normalizedRows(x) : x, metric: metric)
        }
    }

    /// Rows scaled to unit L2 norm (zero rows stay zero), as `sklearn.preprocessing.normalize`.
    static func normalizedRows(_ x: FeatureMatrix) -> FeatureMatrix {
        var out = x
        let p = x.columns
        for row in 0..<x.rows {
            var sum = 0.0
            for j in 0..<p { sum += x.values[row * p + j] * x.values[row * p + j] }
            let norm = sum.squareRoot()
            guard norm > 0 else { continue }
            for j in 0..<p { out.values[row * p + j] /= norm }
        }
        return out
    }

    /// The `k` nearest training rows of every query row, row-major `rows × k`, sorted by
    /// (distance, training row); distances in the metric's units.
    func query(_ x: FeatureMatrix, k: Int, threads: Int) -> (indices: [Int], distances: [Double]) {
        let queries = metric == .cosine ? Self.normalizedRows(x) : x
        // Answer queries grouped by the tree leaf they fall in, so that consecutive queries
        // reuse the same rows from cache; each answer is written back to its own row.
        let order: [Int]
        if let tree {
            let p = featureCount
            let leaves = queries.values.withUnsafeBufferPointer { values in
                (0..<x.rows).map { row in tree.homeLeaf(UnsafeBufferPointer(rebasing: values[(row * p)..<((row + 1) * p)])) }
            }
            order = (0..<x.rows).sorted { leaves[$0] < leaves[$1] || (leaves[$0] == leaves[$1] && $0 < $1) }
        } else {
            order = Array(0..<x.rows)
        }
        let chunks = RowChunks.map(count: x.rows, chunkSize: Self.queryChunk, threads: threads) { positions in
            self.answer(queries, rows: positions.map { order[$0] }, k: k)
        }
        var indices = [Int](repeating: 0, count: x.rows * k)
        var distances = [Double](repeating: 0, count: x.rows * k)
        for (c, chunk) in chunks.enumerated() {
            let positions = RowChunks.range(c, count: x.rows, chunkSize: Self.queryChunk)
            for (i, position) in positions.enumerated() {
                let row = order[position]
                for n in 0..<k {
                    indices[row * k + n] = chunk.indices[i * k + n]
                    distances[row * k + n] = chunk.distances[i * k + n]
                }
            }
        }
        return (indices, distances)
    }

    /// The neighbours of query `rows`, in that order.
    private func answer(_ x: FeatureMatrix, rows: [Int], k: Int) -> (indices: [Int], distances: [Double]) {
        let p = featureCount
        var indices = [Int](repeating: 0, count: rows.count * k)
        var distances = [Double](repeating: 0, count: rows.count * k)
        func store(_ i: Int, _ found: [(distance: Double, index: Int)]) {
            for (n, neighbour) in found.enumerated() {
                indices[i * k + n] = neighbour.index
                distances[i * k + n] = metric == .euclidean ? neighbour.distance.squareRoot() : neighbour.distance
            }
        }
        guard let tree else {
            for (i, found) in (bruteForce?.search(x, rows: rows, k: k) ?? []).enumerated() { store(i, found) }
            return (indices, distances)
        }
        var scratch = KDTree.Scratch(k: k, depth: tree.depth)
        var found = [(distance: Double, index: Int)]()
        found.reserveCapacity(k)
        x.values.withUnsafeBufferPointer { values in
            for (i, row) in rows.enumerated() {
                let query = UnsafeBufferPointer(rebasing: values[(row * p)..<((row + 1) * p)])
                tree.search(query, k: k, scratch: &scratch)
                found.removeAll(keepingCapacity: true)
                for n in 0..<k { found.append((scratch.distances[n], scratch.indices[n])) }
                found.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.index < $1.index) }
                store(i, found)
            }
        }
        return (indices, distances)
    }
}

/// Stored with whichever search structure it holds.
extension NeighborSearch: Codable {}
