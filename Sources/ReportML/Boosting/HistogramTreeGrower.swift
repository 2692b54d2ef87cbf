/// Grows one regression tree on gradients and hessians, leaf-wise, as scikit-learn's
/// `TreeGrower` (`_hist_gradient_boosting/grower.py`, `splitting.pyx`, `histogram.pyx`).
///
/// The node with the highest split gain is split next (a `heapq`-ordered heap) until
/// `maxLeafNodes` leaves exist, no node can be split, or `maxDepth` is reached. A split's
/// gain is `G·v − G_L·v_L − G_R·v_R` with `v = −G/(H + λ + 1e-15)` (the node's own value is
/// 0 at the root, as scikit-learn); candidates need `minSamplesLeaf` rows and a hessian sum
/// of at least 1e-3 on each side, and a gain above 0. Histograms (sum of gradients, sum of
/// hessians and row count per bin, in double precision) are built from scratch for the
/// smaller child only; the larger child's is the parent's minus the sibling's. Rows are
/// partitioned stably in place, so each node's rows stay in ascending order and every bin
/// sums its rows in scikit-learn's order.
///
/// Per-feature work (histograms, subtraction, split search) runs in parallel over fixed
/// groups of features; one pass over a node's rows fills the histograms of a whole group
/// (which overlaps the dependent updates of the features). Each feature's histogram is still
/// summed row by row in order, so the tree is the same for any grouping and thread count.
/// scikit-learn's constant-hessian shortcut is absent: classification losses never have
/// constant hessians.
///
/// One grower is reused for every tree of a fit: it owns the bin codes, the partition and
/// all scratch buffers.
final class HistogramTreeGrower: @unchecked Sendable {
    struct Settings: Sendable {
        var maxLeafNodes: Int?
        var maxDepth: Int?
        var minSamplesLeaf: Int
        var l2Regularization: Double
        /// scikit-learn's `min_hessian_to_split`.
        var minHessianToSplit = 1e-3
        /// scikit-learn's `min_gain_to_split`.
        var minGainToSplit = 0.0
    }

    /// Row-feature pairs below which a node's histograms are built on one thread.
    static let parallelWork = 524_288
    /// Rows below which a node is partitioned on one thread.
    static let parallelPartition = 32_768
    /// Most features filled by one pass over a node's rows.
    static let maxGroupWidth = 4

    let rows: Int
    let features: Int
    let settings: Settings
    let threads: Int
    /// Bins used by each feature (bins `0..<binCounts[f]`).
    let binCounts: [Int]
    /// The feature groups handed to worker threads.
    let groups: [Range<Int>]
    /// Feature-major bin codes: `codes[f * rows + row]`.
    private let codes: UnsafeMutablePointer<UInt8>
    private let pool: HistogramPool
    /// Row indices; each node owns a contiguous range.
    private let partition: UnsafeMutablePointer<UInt32>
    private let scratch: UnsafeMutablePointer<UInt32>
    private let orderedGradients: UnsafeMutablePointer<Float>
    private let orderedHessians: UnsafeMutablePointer<Float>
    /// Best split per feature for up to two nodes (structure of arrays, `slot * features + f`).
    private let candidateGain: UnsafeMutablePointer<Double>
    private let candidateGradient: UnsafeMutablePointer<Double>
    private let candidateHessian: UnsafeMutablePointer<Double>
    private let candidateBin: UnsafeMutablePointer<Int>
    private let candidateCount: UnsafeMutablePointer<Int>

    private(set) var nodes: [GrowerNode] = []
    private(set) var leaves: [Int] = []
    private var heap = SplitGainHeap()

    /// `codes` are feature-major (`codes[f * rows + row]`), `binStride` is the histogram width
    /// (scikit-learn's `n_bins` = max bins + 1).
    init(codes: [UInt8], rows: Int, binCounts: [Int], binStride: Int, settings: Settings, threads: Int) {
        precondition(codes.count == rows * binCounts.count, "HistogramTreeGrower: codes do not match rows × features")
        self.rows = rows
        self.features = binCounts.count
        self.binCounts = binCounts
        self.settings = settings
        self.threads = max(1, threads)
        groups = Self.featureGroups(binCounts.count, threads: max(1, threads))
        let codeStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, codes.count))
        codes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { codeStorage.initialize(from: base, count: codes.count) }
        }
        self.codes = codeStorage
        pool = HistogramPool(featureCount: binCounts.count, binStride: binStride)
        partition = .allocate(capacity: max(1, rows))
        scratch = .allocate(capacity: max(1, rows))
        orderedGradients = .allocate(capacity: max(1, rows))
        orderedHessians = .allocate(capacity: max(1, rows))
        let candidates = 2 * max(1, binCounts.count)
        candidateGain = .allocate(capacity: candidates)
        candidateGradient = .allocate(capacity: candidates)
        candidateHessian = .allocate(capacity: candidates)
        candidateBin = .allocate(capacity: candidates)
        candidateCount = .allocate(capacity: candidates)
    }

    deinit {
        codes.deallocate()
        partition.deallocate()
        scratch.deallocate()
        orderedGradients.deallocate()
        orderedHessians.deallocate()
        candidateGain.deallocate()
        candidateGradient.deallocate()
        candidateHessian.deallocate()
        candidateBin.deallocate()
        candidateCount.deallocate()
    }

    /// Consecutive feature ranges of at most `maxGroupWidth` features, at least two per
    /// thread when there are enough features, sizes differing by at most one.
    static func featureGroups(_ features: Int, threads: Int) -> [Range<Int>] {
        guard features > 0 else { return [] }
        let count = min(features, max((features + maxGroupWidth - 1) / maxGroupWidth, 2 * threads))
        return (0..<count).map { g in (g * features / count)..<((g + 1) * features / count) }
    }

    // MARK: Growing

    /// Grows a tree on `gradients` and `hessians` (one per row); the result is in `nodes`
    /// and `leaves` until the next call.
    func grow(gradients: UnsafePointer<Float>, hessians: UnsafePointer<Float>) {
        nodes.removeAll(keepingCapacity: true)
        leaves.removeAll(keepingCapacity: true)
        heap.removeAll()
        for i in 0..<rows { partition[i] = UInt32(i) }
        initializeRoot(gradients: gradients, hessians: hessians)
        while !heap.isEmpty { splitNext(gradients: gradients, hessians: hessians) }
    }

    private func initializeRoot(gradients: UnsafePointer<Float>, hessians: UnsafePointer<Float>) {
        let slot = pool.acquire()
        // The root's rows are in order, so the gradients need no gathering.
        let work = Work(indices: UnsafePointer(partition), count: rows, gradients: gradients, hessians: hessians)
        ParallelTasks.run(count: groups.count, threads: rows * features >= Self.parallelWork ? threads : 1) { g in
            self.buildHistograms(slot: slot, group: self.groups[g], work: work)
        }
        // scikit-learn sums one feature's histogram (all n_bins records) for the totals.
        let first = UnsafePointer(pool.records(slot, feature: 0))
        let stride = HistogramPool.fields
        let sumGradients = NumpyPairwiseSum.sum(first, count: pool.binStride, stride: stride)
        let sumHessians = NumpyPairwiseSum.sum(first + 1, count: pool.binStride, stride: stride)
        var root = GrowerNode(depth: 0, start: 0, stop: rows, sumGradients: sumGradients,
                              sumHessians: sumHessians, value: 0)
        root.histogram = slot
        nodes.append(root)
        if rows < 2 * settings.minSamplesLeaf || sumHessians < settings.minHessianToSplit {
            finalizeLeaf(0)
            return
        }
        for f in 0..<features { searchFeature(f, node: 0, candidateSlot: 0) }
        pushOrFinalize(0, candidateSlot: 0)
    }

    /// Splits the node with the highest gain (scikit-learn's `split_next`).
    private func splitNext(gradients: UnsafePointer<Float>, hessians: UnsafePointer<Float>) {
        let parentIndex = heap.pop()
        let parent = nodes[parentIndex]
        guard let split = parent.split else { return }
        let leftCount = partitionRows(start: parent.start, stop: parent.stop, feature: split.feature, bin: split.bin)
        let depth = parent.depth + 1
        let leafNodeCount = leaves.count + heap.count + 2

        let leftIndex = nodes.count
        let rightIndex = leftIndex + 1
        nodes.append(GrowerNode(depth: depth, start: parent.start, stop: parent.start + leftCount,
                                sumGradients: split.gradientLeft, sumHessians: split.hessianLeft,
                                value: split.valueLeft))
        nodes.append(GrowerNode(depth: depth, start: parent.start + leftCount, stop: parent.stop,
                                sumGradients: split.gradientRight, sumHessians: split.hessianRight,
                                value: split.valueRight))
        nodes[parentIndex].left = leftIndex
        nodes[parentIndex].right = rightIndex
        let parentSlot = parent.histogram
        nodes[parentIndex].histogram = -1

        if let maxLeafNodes = settings.maxLeafNodes, leafNodeCount == maxLeafNodes {
            pool.release(parentSlot)
            finalizeLeaf(leftIndex)
            finalizeLeaf(rightIndex)
            while !heap.isEmpty { finalizeLeaf(heap.popLast()) }
            return
        }
        if let maxDepth = settings.maxDepth, depth == maxDepth {
            pool.release(parentSlot)
            finalizeLeaf(leftIndex)
            finalizeLeaf(rightIndex)
            return
        }
        if nodes[leftIndex].count < 2 * settings.minSamplesLeaf { finalizeLeaf(leftIndex) }
        if nodes[rightIndex].count < 2 * settings.minSamplesLeaf { finalizeLeaf(rightIndex) }
        let splitLeft = !nodes[leftIndex].isLeaf
        let splitRight = !nodes[rightIndex].isLeaf
        guard splitLeft || splitRight else {
            pool.release(parentSlot)
            return
        }

        // Build the smaller child's histograms, subtract them from the parent's for the
        // larger child, and search both children's splits, group by group.
        let smallIsLeft = nodes[leftIndex].count < nodes[rightIndex].count
        let small = smallIsLeft ? leftIndex : rightIndex
        let large = smallIsLeft ? rightIndex : leftIndex
        let smallSlot = pool.acquire()
        nodes[small].histogram = smallSlot
        nodes[large].histogram = parentSlot
        let start = nodes[small].start
        let count = nodes[small].count
        for i in 0..<count {
            let row = Int(partition[start + i])
            orderedGradients[i] = gradients[row]
            orderedHessians[i] = hessians[row]
        }
        let work = Work(indices: UnsafePointer(partition + start), count: count,
                        gradients: UnsafePointer(orderedGradients), hessians: UnsafePointer(orderedHessians))
        let pool = self.pool
        let width = pool.binStride * HistogramPool.fields
        ParallelTasks.run(count: groups.count, threads: count * features >= Self.parallelWork ? threads : 1) { g in
            let group = self.groups[g]
            self.buildHistograms(slot: smallSlot, group: group, work: work)
            for f in group {
                let smallRecords = pool.records(smallSlot, feature: f)
                let largeRecords = pool.records(parentSlot, feature: f)
                for j in 0..<width { largeRecords[j] -= smallRecords[j] }
                if splitLeft { self.searchFeature(f, node: leftIndex, candidateSlot: 0) }
                if splitRight { self.searchFeature(f, node: rightIndex, candidateSlot: 1) }
            }
        }
        if splitLeft { pushOrFinalize(leftIndex, candidateSlot: 0) }
        if splitRight { pushOrFinalize(rightIndex, candidateSlot: 1) }
        for child in [leftIndex, rightIndex] where nodes[child].isLeaf && nodes[child].histogram >= 0 {
            pool.release(nodes[child].histogram)
            nodes[child].histogram = -1
        }
    }

    private func finalizeLeaf(_ index: Int) {
        nodes[index].isLeaf = true
        leaves.append(index)
        if nodes[index].histogram >= 0 {
            pool.release(nodes[index].histogram)
            nodes[index].histogram = -1
        }
    }

    /// Picks the best feature's split (first on ties) and queues the node, or makes it a leaf
    /// when no split has positive gain.
    private func pushOrFinalize(_ index: Int, candidateSlot: Int) {
        let base = candidateSlot * features
        var best = 0
        for f in 1..<max(1, features) where candidateGain[base + f] > candidateGain[base + best] { best = f }
        let gain = candidateGain[base + best]
        guard gain > 0 else {
            finalizeLeaf(index)
            return
        }
        let node = nodes[index]
        let gradientLeft = candidateGradient[base + best]
        let hessianLeft = candidateHessian[base + best]
        let gradientRight = node.sumGradients - gradientLeft
        let hessianRight = node.sumHessians - hessianLeft
        nodes[index].split = GrowerNode.Split(
            gain: gain, feature: best, bin: candidateBin[base + best],
            gradientLeft: gradientLeft, hessianLeft: hessianLeft, countLeft: candidateCount[base + best],
            gradientRight: gradientRight, hessianRight: hessianRight,
            valueLeft: nodeValue(gradientLeft, hessianLeft), valueRight: nodeValue(gradientRight, hessianRight))
        heap.push(index, gain: gain)
    }

    /// scikit-learn's `compute_node_value` without bounds: −G / (H + λ + 1e-15).
    @inline(__always)
    private func nodeValue(_ gradient: Double, _ hessian: Double) -> Double {
        -gradient / (hessian + settings.l2Regularization + 1e-15)
    }

    // MARK: Histograms

    /// A node's rows and their gradients and hessians in row order (`gradients[i]` belongs
    /// to row `indices[i]`).
    private struct Work: @unchecked Sendable {
        let indices: UnsafePointer<UInt32>
        let count: Int
        let gradients: UnsafePointer<Float>
        let hessians: UnsafePointer<Float>
    }

    /// Fills `slot`'s histograms of the features in `group` from scratch in one pass over
    /// the rows (scikit-learn's `_build_histogram`, several features at once).
    private func buildHistograms(slot: Int, group: Range<Int>, work: Work) {
        let fields = HistogramPool.fields
        for f in group { pool.records(slot, feature: f).initialize(repeating: 0, count: pool.binStride * fields) }
        let first = group.lowerBound
        let width = group.count
        let indices = work.indices
        let gradients = work.gradients
        let hessians = work.hessians
        @inline(__always) func column(_ j: Int) -> UnsafePointer<UInt8> { UnsafePointer(codes + (first + j) * rows) }
        @inline(__always) func records(_ j: Int) -> UnsafeMutablePointer<Double> { pool.records(slot, feature: first + j) }
        @inline(__always) func add(_ records: UnsafeMutablePointer<Double>, _ bin: UInt8, _ g: Double, _ h: Double) {
            let record = records + Int(bin) &* fields
            record[0] += g
            record[1] += h
            record[2] += 1
        }
        var j = 0
        while j < width {
            let remaining = width - j
            if remaining >= 4 {
                let (c0, c1, c2, c3) = (column(j), column(j + 1), column(j + 2), column(j + 3))
                let (r0, r1, r2, r3) = (records(j), records(j + 1), records(j + 2), records(j + 3))
                for i in 0..<work.count {
                    let row = Int(indices[i])
                    let g = Double(gradients[i])
                    let h = Double(hessians[i])
                    add(r0, c0[row], g, h)
                    add(r1, c1[row], g, h)
                    add(r2, c2[row], g, h)
                    add(r3, c3[row], g, h)
                }
                j += 4
            } else if remaining == 3 {
                let (c0, c1, c2) = (column(j), column(j + 1), column(j + 2))
                let (r0, r1, r2) = (records(j), records(j + 1), records(j + 2))
                for i in 0..<work.count {
                    let row = Int(indices[i])
                    let g = Double(gradients[i])
                    let h = Double(hessians[i])
                    add(r0, c0[row], g, h)
                    add(r1, c1[row], g, h)
                    add(r2, c2[row], g, h)
                }
                j += 3
            } else if remaining == 2 {
                let (c0, c1) = (column(j), column(j + 1))
                let (r0, r1) = (records(j), records(j + 1))
                for i in 0..<work.count {
                    let row = Int(indices[i])
                    let g = Double(gradients[i])
                    let h = Double(hessians[i])
                    add(r0, c0[row], g, h)
                    add(r1, c1[row], g, h)
                }
                j += 2
            } else {
                let c0 = column(j)
                let r0 = records(j)
                for i in 0..<work.count {
                    add(r0, c0[Int(indices[i])], Double(gradients[i]), Double(hessians[i]))
                }
                j += 1
            }
        }
    }

    /// The best split of one feature for a node, scanning bins left to right
    /// (`_find_best_bin_to_split_left_to_right`); gain −1 when no bin qualifies.
    private func searchFeature(_ f: Int, node index: Int, candidateSlot: Int) {
        let node = nodes[index]
        let records = UnsafePointer(pool.records(node.histogram, feature: f))
        let n = node.count
        let sumGradients = node.sumGradients
        let sumHessians = node.sumHessians
        let minLeaf = settings.minSamplesLeaf
        let minHessian = settings.minHessianToSplit
        let minGain = settings.minGainToSplit
        let l2 = settings.l2Regularization
        let lossCurrent = sumGradients * node.value
        var countLeft = 0
        var gradientLeft = 0.0
        var hessianLeft = 0.0
        var bestGain = -1.0
        var bestBin = 0
        var bestGradient = 0.0
        var bestHessian = 0.0
        var bestCount = 0
        let end = binCounts[f] - 1
        var b = 0
        while b < end {
            let record = records + b * HistogramPool.fields
            countLeft += Int(record[2])
            let countRight = n - countLeft
            hessianLeft += record[1]
            let hessianRight = sumHessians - hessianLeft
            gradientLeft += record[0]
            let gradientRight = sumGradients - gradientLeft
            b += 1
            if countLeft < minLeaf { continue }
            if countRight < minLeaf { break }
            if hessianLeft < minHessian { continue }
            if hessianRight < minHessian { break }
            let valueLeft = -gradientLeft / (hessianLeft + l2 + 1e-15)
            let valueRight = -gradientRight / (hessianRight + l2 + 1e-15)
            let gain = lossCurrent - gradientLeft * valueLeft - gradientRight * valueRight
            if gain > bestGain && gain > minGain {
                bestGain = gain
                bestBin = b - 1
                bestGradient = gradientLeft
                bestHessian = hessianLeft
                bestCount = countLeft
            }
        }
        let slot = candidateSlot * features + f
        candidateGain[slot] = bestGain
        candidateBin[slot] = bestBin
        candidateGradient[slot] = bestGradient
        candidateHessian[slot] = bestHessian
        candidateCount[slot] = bestCount
    }

    // MARK: Partition

    /// Stable in-place partition of `partition[start..<stop]`: rows whose bin of `feature` is
    /// at most `bin` first. Returns the number of those rows. Large nodes are split into
    /// blocks partitioned in parallel and then gathered (scikit-learn's `split_indices`); a
    /// stable partition is unique, so the blocks do not change the result.
    private func partitionRows(start: Int, stop: Int, feature: Int, bin: Int) -> Int {
        let column = UnsafePointer(codes + feature * rows)
        let threshold = UInt8(bin)
        let count = stop - start
        let partition = self.partition
        let scratch = self.scratch
        let blocks = threads > 1 && count >= Self.parallelPartition ? threads : 1
        if blocks == 1 {
            // Branch-free: every row is written to both sides and only one cursor advances
            // (`left <= i`, so no row is overwritten before it is read).
            var left = start
            var right = 0
            for i in start..<stop {
                let row = partition[i]
                let goesLeft = column[Int(row)] <= threshold ? 1 : 0
                partition[left] = row
                scratch[right] = row
                left += goesLeft
                right += 1 - goesLeft
            }
            (partition + left).update(from: scratch, count: right)
            return left - start
        }
        // Each block writes its left rows forwards and its right rows backwards into its own
        // stretch of `scratch`, then copies them to their final places.
        let leftCounts = UnsafeMutablePointer<Int>.allocate(capacity: blocks)
        defer { leftCounts.deallocate() }
        let buffers = PartitionBuffers(partition: partition, scratch: scratch, leftCounts: leftCounts, column: column)
        func bounds(_ block: Int) -> Range<Int> { (start + block * count / blocks)..<(start + (block + 1) * count / blocks) }
        ParallelTasks.run(count: blocks, threads: threads) { block in
            let range = bounds(block)
            var left = range.lowerBound
            var right = range.upperBound
            for i in range {
                let row = buffers.partition[i]
                let goesLeft = buffers.column[Int(row)] <= threshold ? 1 : 0
                buffers.scratch[left] = row
                buffers.scratch[right - 1] = row
                left += goesLeft
                right -= 1 - goesLeft
            }
            buffers.leftCounts[block] = left - range.lowerBound
        }
        var totalLeft = 0
        for block in 0..<blocks { totalLeft += leftCounts[block] }
        ParallelTasks.run(count: blocks, threads: threads) { block in
            var leftBefore = 0
            var rightBefore = 0
            for earlier in 0..<block {
                leftBefore += buffers.leftCounts[earlier]
                rightBefore += bounds(earlier).count - buffers.leftCounts[earlier]
            }
            let range = bounds(block)
            let lefts = buffers.leftCounts[block]
            (buffers.partition + start + leftBefore).update(from: buffers.scratch + range.lowerBound, count: lefts)
            let rightDestination = buffers.partition + start + totalLeft + rightBefore
            for (k, i) in stride(from: range.upperBound - 1, through: range.lowerBound + lefts, by: -1).enumerated() {
                rightDestination[k] = buffers.scratch[i]
            }
        }
        return totalLeft
    }

    /// Buffers shared by the partition blocks (each block touches its own stretch).
    private struct PartitionBuffers: @unchecked Sendable {
        let partition: UnsafeMutablePointer<UInt32>
        let scratch: UnsafeMutablePointer<UInt32>
        let leftCounts: UnsafeMutablePointer<Int>
        let column: UnsafePointer<UInt8>
    }

    // MARK: Results

    /// Adds every leaf's value times `shrinkage` to the raw scores of its training rows
    /// (scikit-learn's `_update_raw_predictions`).
    func addLeafValues(shrinkage: Double, to raw: UnsafeMutablePointer<Double>) {
        for leaf in leaves {
            let node = nodes[leaf]
            let value = node.value * shrinkage
            for position in node.start..<node.stop { raw[Int(partition[position])] += value }
        }
    }

    /// Appends the grown tree to `trees` in depth-first pre-order (scikit-learn's
    /// `make_predictor`), leaf values multiplied by `shrinkage` and thresholds read from the
    /// bin thresholds.
    func appendTree(to trees: inout BoostedTrees, thresholds: [[Double]], shrinkage: Double) {
        trees.roots.append(trees.nodeCount)
        appendSubtree(0, to: &trees, thresholds: thresholds, shrinkage: shrinkage)
    }

    @discardableResult
    private func appendSubtree(_ index: Int, to trees: inout BoostedTrees, thresholds: [[Double]], shrinkage: Double) -> Int {
        let node = nodes[index]
        guard !node.isLeaf, let split = node.split else {
            return trees.appendNode(feature: 0, threshold: 0, bin: 0, value: node.value * shrinkage)
        }
        let position = trees.appendNode(feature: split.feature, threshold: thresholds[split.feature][split.bin],
                                        bin: split.bin, value: node.value)
        let left = appendSubtree(node.left, to: &trees, thresholds: thresholds, shrinkage: shrinkage)
        let right = appendSubtree(node.right, to: &trees, thresholds: thresholds, shrinkage: shrinkage)
        trees.left[position] = Int32(left)
        trees.right[position] = Int32(right)
        return position
    }
}
