/// Averaged leaf probabilities of trees, computed over chunks of rows in parallel (each
/// chunk walks the trees one after another so a tree's nodes stay in cache).
enum TreePrediction {
    /// Rows per parallel chunk.
    static let chunkRows = 512

    /// Row-major `rows × classCount` probabilities: the mean over `trees` of the leaf
    /// probabilities, summed tree by tree in order (so the result does not depend on `threads`).
    static func averageProbabilities(of trees: [FlatTree], x: FeatureMatrix, threads: Int) -> [Double] {
        guard let first = trees.first else { return [] }
        precondition(x.columns == first.featureCount,
                     "the model was fitted on \(first.featureCount) features, not \(x.columns)")
        let chunks = RowChunks.map(count: x.rows, chunkSize: chunkRows, threads: threads) { range in
            chunkProbabilities(of: trees, x: x, rows: range)
        }
        var probabilities = [Double]()
        probabilities.reserveCapacity(x.rows * first.classCount)
        for chunk in chunks { probabilities.append(contentsOf: chunk) }
        return probabilities
    }

    /// The mean probabilities of rows `rows`, row-major.
    private static func chunkProbabilities(of trees: [FlatTree], x: FeatureMatrix, rows: Range<Int>) -> [Double] {
        let k = trees[0].classCount
        var out = [Double](repeating: 0, count: rows.count * k)
        var walk = [Int](repeating: 0, count: FlatTree.walkBatch)
        x.values.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { out in
                walk.withUnsafeMutableBufferPointer { walk in
                    guard let x = values.baseAddress, let target = out.baseAddress, let walk = walk.baseAddress else { return }
                    for tree in trees { tree.accumulateProbabilities(x, rows: rows, into: target, walk: walk) }
                }
                if trees.count > 1 {
                    let treeCount = Double(trees.count)
                    for i in 0..<out.count { out[i] /= treeCount }
                }
            }
        }
        return out
    }
}
