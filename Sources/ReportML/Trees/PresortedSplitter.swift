import ReportData

/// Exact best splits, as scikit-learn's `BestSplitter`: every threshold between two
/// consecutive distinct values of a feature in the node is tried.
///
/// Instead of sorting each node's values, every feature's rows are kept in sorted order
/// (presorted once per fit) and stably partitioned when a node splits, so a node costs one
/// pass per feature tried plus one pass per feature to partition. Each entry packs the row
/// and its value in one word, so the passes read memory in order.
final class PresortedSplitter: TreeSplitter {
    /// Values closer than this are one value (scikit-learn's `FEATURE_THRESHOLD`).
    static let featureThreshold = 1e-7

    private let data: TreeTrainingData
    private let criterion: SplitCriterion
    private let minSamplesLeaf: Int
    /// Gini with whole-number weights: the sums of squared class weights are exact, so they
    /// are updated per row in O(1) instead of recomputed over the classes at each threshold,
    /// with the same result.
    private let incrementalGini: Bool
    let rowCount: Int
    let totalWeight: Double
    /// The tree's weight and class of every data row, side by side (one memory access).
    private let rowStats: TreeScratch<RowStat>
    /// `order[feature * rowCount + position]`: the tree's rows, each node's sorted by value,
    /// as `row << 32 | value bits` (see `entry`).
    private let order: TreeScratch<UInt64>
    private let partitionScratch: TreeScratch<UInt64>
    /// Per data row: 1 when it goes to the left child of the node being split.
    private let goesLeft: TreeScratch<UInt8>
    /// Per feature: 1 when it need not be partitioned (constant in the node being split).
    private let skipFeature: TreeScratch<UInt8>
    private let left: TreeScratch<Double>
    private let nodeTotals: TreeScratch<Double>
    private var start = 0
    private var end = 0
    private var weightedCount = 0.0

    private struct RowStat {
        var weight: Double
        var label: Int
    }

    /// Keeps the rows with positive `weights` (one per data row) in each feature's sorted order.
    init(data: TreeTrainingData, presorted: PresortedFeatures, weights: [Double], criterion: SplitCriterion, minSamplesLeaf: Int) {
        let n = data.rowCount
        let m = weights.reduce(0) { $1 > 0 ? $0 + 1 : $0 }
        self.data = data
        self.criterion = criterion
        self.minSamplesLeaf = minSamplesLeaf
        rowCount = m
        totalWeight = weights.reduce(0, +)
        incrementalGini = criterion == .gini && totalWeight < 0x1p26 && weights.allSatisfy { $0 == $0.rounded() }
        rowStats = TreeScratch(repeating: RowStat(weight: 0, label: 0), count: n)
        // One spare entry: the branch-free filter below always writes one past the rows kept.
        order = TreeScratch(repeating: 0, count: data.featureCount * m + 1)
        partitionScratch = TreeScratch(repeating: 0, count: m)
        goesLeft = TreeScratch(repeating: 0, count: n)
        skipFeature = TreeScratch(repeating: 0, count: data.featureCount)
        left = TreeScratch(repeating: 0, count: data.classCount)
        nodeTotals = TreeScratch(repeating: 0, count: data.classCount)
        let inBag = goesLeft.pointer  // borrowed as the in-bag mask until the first split
        for row in 0..<n {
            rowStats[row] = RowStat(weight: weights[row], label: Int(data.labels[row]))
            inBag[row] = weights[row] > 0 ? 1 : 0
        }
        let order = self.order.pointer
        let global = presorted.entries.pointer
        for feature in 0..<data.featureCount {
            let sorted = global + feature * n
            let target = order + feature * m
            var position = 0
            var rank = 0
            while rank < n {
                let entry = sorted[rank]
                target[position] = entry
                position &+= Int(inBag[Int(entry >> 32)])
                rank &+= 1
            }
        }
    }

    /// A row and its value packed in one word.
    @inline(__always)
    static func entry(row: Int, value: Float) -> UInt64 {
        UInt64(row) << 32 | UInt64(value.bitPattern)
    }

    @inline(__always)
    static func row(_ entry: UInt64) -> Int {
        Int(entry >> 32)
    }

    @inline(__always)
    static func value(_ entry: UInt64) -> Float {
        Float(bitPattern: UInt32(truncatingIfNeeded: entry))
    }

    func addRootClassTotals(into totals: UnsafeMutablePointer<Double>) {
        addClassTotals(feature: 0, start: 0, end: rowCount, into: totals)
    }

    /// Adds the weighted class counts of the rows at positions `start..<end` of `feature`'s
    /// order (which must be partitioned down to this node) to `totals`.
    private func addClassTotals(feature: Int, start: Int, end: Int, into totals: UnsafeMutablePointer<Double>) {
        let sorted = order.pointer + feature * rowCount
        let stats = rowStats.pointer
        var position = start
        while position < end {
            let stat = stats[Int(sorted[position] >> 32)]
            totals[stat.label] += stat.weight
            position &+= 1
        }
    }

    func beginNode(start: Int, end: Int, cacheSlot: Int32, totals: UnsafePointer<Double>, weightedCount: Double) {
        self.start = start
        self.end = end
        self.weightedCount = weightedCount
        nodeTotals.pointer.update(from: totals, count: data.classCount)
    }

    func bestSplit(feature: Int, rng: inout Xoshiro256StarStar) -> FeatureSplit {
        let k = data.classCount
        let sorted = order.pointer + feature * rowCount
        let left = self.left.pointer
        let totals = UnsafePointer(nodeTotals.pointer)
        let stats = rowStats.pointer
        // Locals, not properties, in the loop: a property read may copy `self` in debug builds.
        let (start, end, minSamplesLeaf, weightedCount, criterion) = (self.start, self.end, self.minSamplesLeaf, self.weightedCount, self.criterion)
        let first = Self.value(sorted[start])
        guard Double(Self.value(sorted[end - 1])) > Double(first) + Self.featureThreshold else {
            return .constant
        }
        left.update(repeating: 0, count: k)
        var weightLeft = 0.0
        var squaresLeft = 0.0
        var squaresRight = 0.0
        for c in 0..<k { squaresRight += totals[c] * totals[c] }
        let incremental = incrementalGini
        var bestProxy = -Double.infinity
        var bestPosition = -1
        var bestThreshold = 0.0
        var previous = first
        // A split at p sends positions start..<p left; both sides need minSamplesLeaf rows.
        let lastPosition = end - minSamplesLeaf
        var p = start + 1
        while p <= lastPosition {
            let stat = stats[Int(sorted[p &- 1] >> 32)]
            let label = stat.label
            let rowWeight = stat.weight
            if incremental {
                // (l + w)² − l² and (r − w)² − r², exact for whole numbers.
                squaresLeft += rowWeight * (2 * left[label] + rowWeight)
                squaresRight += rowWeight * (rowWeight - 2 * (totals[label] - left[label]))
            }
            left[label] += rowWeight
            weightLeft += rowWeight
            let value = Float(bitPattern: UInt32(truncatingIfNeeded: sorted[p]))
            if Double(value) > Double(previous) + Self.featureThreshold && p &- start >= minSamplesLeaf {
                let weightRight = weightedCount - weightLeft
                let proxy = incremental
                    ? -weightRight * (1.0 - squaresRight / (weightRight * weightRight))
                        - weightLeft * (1.0 - squaresLeft / (weightLeft * weightLeft))
                    : criterion.proxyImprovement(
                        left: left, totals: totals, classCount: k, weightLeft: weightLeft, weightRight: weightRight)
                if proxy > bestProxy {
                    bestProxy = proxy
                    bestPosition = p
                    bestThreshold = Self.midpoint(previous, value)
                }
            }
            previous = value
            p &+= 1
        }
        guard bestPosition >= 0 else { return .none }
        return .found(CandidateSplit(feature: feature, threshold: bestThreshold, proxy: bestProxy, cut: bestPosition))
    }

    /// scikit-learn's threshold between two consecutive values: their midpoint, or the lower
    /// one when the midpoint rounds onto the upper one.
    @inline(__always)
    static func midpoint(_ below: Float, _ above: Float) -> Double {
        let threshold = Double(below) / 2.0 + Double(above) / 2.0
        return threshold == Double(above) || !threshold.isFinite ? Double(below) : threshold
    }

    func apply(
        _ split: CandidateSplit, constantFeatures: ArraySlice<Int>,
        leftTotals: UnsafeMutablePointer<Double>, rightTotals: UnsafeMutablePointer<Double>
    ) -> (position: Int, leftSlot: Int32, rightSlot: Int32) {
        let (m, start, end, featureCount) = (rowCount, self.start, self.end, data.featureCount)
        let position = split.cut
        let goesLeft = self.goesLeft.pointer
        let splitOrder = order.pointer + split.feature * m
        var p = start
        while p < end {
            goesLeft[Int(splitOrder[p] >> 32)] = p < position ? 1 : 0
            p &+= 1
        }
        let scratch = partitionScratch.pointer
        // Features constant here are never tried below: their orders may go stale.
        let skip = skipFeature.pointer
        for feature in constantFeatures { skip[feature] = 1 }
        skip[split.feature] = 1
        for feature in 0..<featureCount where skip[feature] == 0 {
            // Stable partition: left rows in place, right rows through the scratch buffer.
            let segment = order.pointer + feature * m
            var write = start
            var right = 0
            p = start
            while p < end {
                let entry = segment[p]
                let isLeft = Int(goesLeft[Int(entry >> 32)])
                segment[write] = entry
                scratch[right] = entry
                write &+= isLeft
                right &+= 1 &- isLeft
                p &+= 1
            }
            (segment + write).update(from: scratch, count: right)
        }
        skip.update(repeating: 0, count: featureCount)
        leftTotals.update(repeating: 0, count: data.classCount)
        rightTotals.update(repeating: 0, count: data.classCount)
        addClassTotals(feature: split.feature, start: start, end: position, into: leftTotals)
        addClassTotals(feature: split.feature, start: position, end: end, into: rightTotals)
        return (position, -1, -1)
    }

    func discardNode() {}

    func release(_ slot: Int32) {}
}
