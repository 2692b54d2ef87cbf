/// Exact k-nearest-neighbour search by comparing every query with every training row, for
/// cosine distance and for data the k-d tree does not suit.
///
/// Distances are computed four queries × four training rows at a time (sixteen independent
/// sums, each over the features in order, so every distance is bitwise what a one-pair loop
/// gives), over cache-sized blocks of training rows. Each query keeps its k best by
/// (distance, training row), so among equally distant rows the earliest are kept whatever
/// the order of work.
struct BruteForceSearch: Sendable {
    let metric: KNearestNeighbors.Metric
    let featureCount: Int
    let rowCount: Int
    /// Training rows (L2-normalised for cosine) in blocks of four, each block column-major:
    /// feature j of row 4b + l is at `b·4p + 4j + l`; the last block is padded with zeros.
    let blocks: [Double]

    /// Training rows per cache block (about 200 kB of 12-feature rows).
    static let rowsPerCacheBlock = 2048

    init(_ x: FeatureMatrix, metric: KNearestNeighbors.Metric) {
        self.metric = metric
        featureCount = x.columns
        rowCount = x.rows
        let p = x.columns
        let blockCount = (x.rows + 3) / 4
        var blocks = [Double](repeating: 0, count: blockCount * 4 * p)
        for row in 0..<x.rows {
            let base = (row / 4) * 4 * p + row % 4
            for j in 0..<p { blocks[base + 4 * j] = x.values[row * p + j] }
        }
        self.blocks = blocks
    }

    /// The k best (reduced distance, training row) of each query row `rows` of `queries`
    /// (already normalised for cosine), sorted by (distance, row).
    func search(_ queries: FeatureMatrix, rows: [Int], k: Int) -> [[(distance: Double, index: Int)]] {
        switch metric {
        case .euclidean: return search(queries, rows: rows, k: k, kernel: SquaredDifference.self)
        case .manhattan: return search(queries, rows: rows, k: k, kernel: AbsoluteDifference.self)
        case .cosine: return search(queries, rows: rows, k: k, kernel: CosineDistance.self)
        }
    }

    private func search<Kernel: PairKernel>(
        _ queries: FeatureMatrix, rows: [Int], k: Int, kernel: Kernel.Type
    ) -> [[(distance: Double, index: Int)]] {
        let p = featureCount
        var heaps = [NeighborHeap](repeating: NeighborHeap(capacity: k), count: rows.count)
        // Each heap's current k-th distance, kept beside the heaps for a cheap first test.
        var worst = [Double](repeating: .infinity, count: rows.count)
        let blockCount = (rowCount + 3) / 4
        let blocksPerCacheBlock = Self.rowsPerCacheBlock / 4
        // Four queries side by side, feature-major: feature j of member m at 4j + m.
        var group4 = [Double](repeating: 0, count: 4 * p)
        blocks.withUnsafeBufferPointer { blocks in
            for cacheStart in stride(from: 0, to: blockCount, by: blocksPerCacheBlock) {
                let cacheEnd = min(cacheStart + blocksPerCacheBlock, blockCount)
                for group in stride(from: 0, to: rows.count, by: 4) {
                    // The last group repeats its final query in unused members.
                    let used = min(4, rows.count - group)
                    for m in 0..<4 {
                        let row = rows[group + min(m, used - 1)]
                        for j in 0..<p { group4[4 * j + m] = queries.values[row * p + j] }
                    }
                    group4.withUnsafeBufferPointer { q in
                        for block in cacheStart..<cacheEnd {
                            var a0 = SIMD4<Double>(repeating: 0), a1 = a0, a2 = a0, a3 = a0
                            let offset = block * 4 * p
                            for j in 0..<p {
                                let x = SIMD4<Double>(blocks[offset + 4 * j], blocks[offset + 4 * j + 1],
                                                      blocks[offset + 4 * j + 2], blocks[offset + 4 * j + 3])
                                Kernel.add(&a0, q[4 * j], x)
                                Kernel.add(&a1, q[4 * j + 1], x)
                                Kernel.add(&a2, q[4 * j + 2], x)
                                Kernel.add(&a3, q[4 * j + 3], x)
                            }
                            let lanes = min(4, rowCount - block * 4)
                            Self.offer(Kernel.distance(a0), group, lanes, block, &heaps, &worst)
                            if used > 1 { Self.offer(Kernel.distance(a1), group + 1, lanes, block, &heaps, &worst) }
                            if used > 2 { Self.offer(Kernel.distance(a2), group + 2, lanes, block, &heaps, &worst) }
                            if used > 3 { Self.offer(Kernel.distance(a3), group + 3, lanes, block, &heaps, &worst) }
                        }
                    }
                }
            }
        }
        return heaps.map { $0.sorted() }
    }

    /// Offers four training rows' distances (`lanes` of them real) to query `member`'s heap.
    @inline(__always)
    private static func offer(
        _ distance: SIMD4<Double>, _ member: Int, _ lanes: Int, _ block: Int,
        _ heaps: inout [NeighborHeap], _ worst: inout [Double]
    ) {
        for lane in 0..<lanes where distance[lane] <= worst[member] {
            heaps[member].push(distance: distance[lane], index: block * 4 + lane)
            worst[member] = heaps[member].worst
        }
    }
}

/// One feature's contribution to four distances, and the distances from the sums.
private protocol PairKernel {
    static func add(_ sum: inout SIMD4<Double>, _ q: Double, _ x: SIMD4<Double>)
    static func distance(_ sum: SIMD4<Double>) -> SIMD4<Double>
}

/// Squared euclidean distance: Σ (q − x)².
private enum SquaredDifference: PairKernel {
    @inline(__always)
    static func add(_ sum: inout SIMD4<Double>, _ q: Double, _ x: SIMD4<Double>) {
        let t = SIMD4<Double>(repeating: q) - x
        sum += t * t
    }

    @inline(__always)
    static func distance(_ sum: SIMD4<Double>) -> SIMD4<Double> { sum }
}

/// Manhattan distance: Σ |q − x|.
private enum AbsoluteDifference: PairKernel {
    @inline(__always)
    static func add(_ sum: inout SIMD4<Double>, _ q: Double, _ x: SIMD4<Double>) {
        let t = SIMD4<Double>(repeating: q) - x
        sum += pointwiseMax(t, -t)
    }

    @inline(__always)
    static func distance(_ sum: SIMD4<Double>) -> SIMD4<Double> { sum }
}

/// Cosine distance of unit rows: 1 − Σ q·x, clipped to [0, 2] as scikit-learn.
private enum CosineDistance: PairKernel {
    @inline(__always)
    static func add(_ sum: inout SIMD4<Double>, _ q: Double, _ x: SIMD4<Double>) {
        sum += SIMD4<Double>(repeating: q) * x
    }

    @inline(__always)
    static func distance(_ sum: SIMD4<Double>) -> SIMD4<Double> {
        pointwiseMin(pointwiseMax(SIMD4<Double>(repeating: 1) - sum, SIMD4<Double>(repeating: 0)), SIMD4<Double>(repeating: 2))
    }
}

/// Stored as its packed training rows.
extension BruteForceSearch: Codable {}
