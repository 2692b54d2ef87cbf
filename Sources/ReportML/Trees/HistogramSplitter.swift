import ReportData

/// Best splits on binned features (LightGBM-style): each node sums its rows' weights per
/// (bin, class) and tries the boundaries between occupied bins.
///
/// A node fills a histogram for each feature tried; below `2 × bins` rows it marks the bins
/// it touches and visits only those, and below `smallNodeRows` rows it sorts its rows by bin
/// instead (the same splits without the histogram's memory traffic). When most features are
/// tried at every node (a single tree), large nodes keep the histograms of all features:
/// the smaller child's are summed from its rows and the larger child's are the parent's
/// minus the smaller's ("subtract the sibling"). Each row's class and weight travel with it
/// through the partitions, so the passes over a node read them in order.
final class HistogramSplitter: TreeSplitter {
    private let binned: BinnedFeatures
    private let criterion: SplitCriterion
    private let minSamplesLeaf: Int
    private let classCount: Int
    /// Doubles per bin: the class weights, then the row count at `countLane`. With at most
    /// 7 classes a bin is 8 doubles (padded with zeros), one SIMD vector.
    private let binWidth: Int
    private let countLane: Int
    /// Doubles per feature in a full histogram.
    private let featureStride: Int
    /// Whether large nodes keep full histograms for the sibling subtraction.
    private let subtractSiblings: Bool
    /// Nodes with at least this many rows keep full histograms.
    private let largeNodeRows: Int
    let rowCount: Int
    let totalWeight: Double
    /// Nodes with at most this many rows sort their rows by bin instead of filling a
    /// histogram (same splits, less memory traffic).
    static let smallNodeRows = 32
    /// Whether every weight is a whole number (sums of squares are then exact).
    private let wholeWeights: Bool

    /// The tree's rows (positive weight) with their classes and weights, by position; each
    /// node's positions are contiguous, rows ascending (stable partitions).
    private let rows: TreeScratch<Int32>
    private let labels: TreeScratch<Int32>
    private let weights: TreeScratch<Double>
    private let rowScratch: TreeScratch<Int32>
    private let labelScratch: TreeScratch<Int32>
    private let weightScratch: TreeScratch<Double>
    /// One feature's sparse histogram, its occupancy bitmap and the occupied bins in order.
    private let featureHistogram: TreeScratch<Double>
    private let occupancy: TreeScratch<UInt64>
    private let occupied: TreeScratch<UInt8>
    /// A small node's `bin << 8 | offset` keys, sorted instead of binned.
    private let smallKeys: TreeScratch<UInt32>
    private let left: TreeScratch<Double>
    private let nodeTotals: TreeScratch<Double>
    /// Children's class totals of each feature's best split in the current node: left then
    /// right, `2 · classCount` per feature (valid when the histogram was summed from rows).
    private let childTotals: TreeScratch<Double>
    /// Full histograms (all features) by slot, and the free slots.
    private var slots: [TreeScratch<Double>] = []
    private var freeSlots: [Int32] = []

    private var start = 0
    private var end = 0
    private var slot: Int32 = -1
    private var weightedCount = 0.0

    init(binned: BinnedFeatures, data: TreeTrainingData, weights: [Double], settings: TreeGrowthSettings) {
        let inBag = weights.indices.filter { weights[$0] > 0 }
        self.binned = binned
        criterion = settings.criterion
        minSamplesLeaf = settings.minSamplesLeaf
        classCount = data.classCount
        binWidth = data.classCount < 8 ? 8 : data.classCount + 1
        countLane = binWidth - 1
        featureStride = binned.binStride * binWidth
        subtractSiblings = 2 * settings.maxFeatures > data.featureCount
        largeNodeRows = max(256, binned.binStride * binWidth / 2)
        rowCount = inBag.count
        totalWeight = weights.reduce(0, +)
        rows = TreeScratch(repeating: 0, count: inBag.count)
        labels = TreeScratch(repeating: 0, count: inBag.count)
        self.weights = TreeScratch(repeating: 0, count: inBag.count)
        for (position, row) in inBag.enumerated() {
            rows[position] = Int32(row)
            labels[position] = data.labels[row]
            self.weights[position] = weights[row]
        }
        rowScratch = TreeScratch(repeating: 0, count: inBag.count)
        labelScratch = TreeScratch(repeating: 0, count: inBag.count)
        weightScratch = TreeScratch(repeating: 0, count: inBag.count)
        featureHistogram = TreeScratch(repeating: 0, count: featureStride)
        occupancy = TreeScratch(repeating: 0, count: (binned.binStride + 63) / 64)
        occupied = TreeScratch(repeating: 0, count: binned.binStride)
        smallKeys = TreeScratch(repeating: 0, count: Self.smallNodeRows)
        wholeWeights = weights.allSatisfy { $0 == $0.rounded() } && totalWeight < 0x1p26
        left = TreeScratch(repeating: 0, count: classCount)
        nodeTotals = TreeScratch(repeating: 0, count: classCount)
        childTotals = TreeScratch(repeating: 0, count: 2 * classCount * data.featureCount)
    }

    func addRootClassTotals(into totals: UnsafeMutablePointer<Double>) {
        addClassTotals(start: 0, end: rowCount, into: totals)
    }

    /// Adds the weighted class counts of the rows at positions `start..<end` to `totals`.
    private func addClassTotals(start: Int, end: Int, into totals: UnsafeMutablePointer<Double>) {
        let labels = self.labels.pointer
        let weights = self.weights.pointer
        var p = start
        while p < end {
            totals[Int(labels[p])] += weights[p]
            p &+= 1
        }
    }

    func beginNode(start: Int, end: Int, cacheSlot: Int32, totals: UnsafePointer<Double>, weightedCount: Double) {
        self.start = start
        self.end = end
        self.weightedCount = weightedCount
        nodeTotals.pointer.update(from: totals, count: classCount)
        slot = cacheSlot
        if subtractSiblings && slot < 0 && end - start >= largeNodeRows {
            slot = acquireSlot()
            fillFullHistogram(slot: slot, start: start, end: end)
        }
    }

    func bestSplit(feature: Int, rng: inout Xoshiro256StarStar) -> FeatureSplit {
        if end - start <= Self.smallNodeRows && slot < 0 {
            return bestSplitOfSmallNode(feature: feature)
        }
        let occupied = self.occupied.pointer
        let (width, countLane) = (binWidth, self.countLane)
        var occupiedCount = 0
        if slot >= 0 {
            let histogram = slots[Int(slot)].pointer + feature * featureStride
            for bin in 0..<binned.binCounts[feature] where histogram[bin &* width &+ countLane] > 0 {
                occupied[occupiedCount] = UInt8(truncatingIfNeeded: bin)
                occupiedCount += 1
            }
            return scan(feature: feature, histogram: histogram, occupiedCount: occupiedCount)
        }
        let histogram = featureHistogram.pointer
        let binCount = binned.binCounts[feature]
        if end - start >= 2 * binCount {
            // Most bins get rows: find the occupied ones afterwards and clear them all.
            fillFeatureHistogram(feature: feature, markingBins: false)
            for bin in 0..<binCount where histogram[bin &* width &+ countLane] > 0 {
                occupied[occupiedCount] = UInt8(truncatingIfNeeded: bin)
                occupiedCount += 1
            }
            let result = scan(feature: feature, histogram: histogram, occupiedCount: occupiedCount)
            histogram.update(repeating: 0, count: binCount * width)
            return result
        }
        fillFeatureHistogram(feature: feature, markingBins: true)
        let occupancy = self.occupancy.pointer
        for word in 0..<self.occupancy.count {
            var bits = occupancy[word]
            while bits != 0 {
                occupied[occupiedCount] = UInt8(truncatingIfNeeded: word &* 64 &+ bits.trailingZeroBitCount)
                occupiedCount += 1
                bits &= bits &- 1
            }
            occupancy[word] = 0
        }
        let result = scan(feature: feature, histogram: histogram, occupiedCount: occupiedCount)
        for i in 0..<occupiedCount {
            (histogram + Int(occupied[i]) &* width).update(repeating: 0, count: width)
        }
        return result
    }

    /// `bestSplit` for a node of at most `smallNodeRows` rows: its rows sorted by bin (an
    /// insertion sort), then every boundary between two bins tried, as `scan` would.
    private func bestSplitOfSmallNode(feature: Int) -> FeatureSplit {
        let (start, end, k) = (self.start, self.end, classCount)
        let n = end &- start
        let keys = smallKeys.pointer
        let rows = self.rows.pointer
        let labels = self.labels.pointer
        let weights = self.weights.pointer
        let column = binned.codes.pointer + feature * binned.rowCount
        var j = 0
        while j < n {
            let key = UInt32(column[Int(rows[start &+ j])]) &<< 8 | UInt32(truncatingIfNeeded: j)
            var i = j
            while i > 0 && keys[i &- 1] > key {
                keys[i] = keys[i &- 1]
                i &-= 1
            }
            keys[i] = key
            j &+= 1
        }
        guard keys[0] &>> 8 != keys[n &- 1] &>> 8 else { return .constant }

        let left = self.left.pointer
        let totals = UnsafePointer(nodeTotals.pointer)
        left.update(repeating: 0, count: k)
        let (minSamplesLeaf, weightedCount, criterion) = (self.minSamplesLeaf, self.weightedCount, self.criterion)
        let incremental = wholeWeights && criterion == .gini
        var squaresLeft = 0.0
        var squaresRight = 0.0
        if incremental {
            for c in 0..<k { squaresRight += totals[c] * totals[c] }
        }
        var weightLeft = 0.0
        var bestProxy = -Double.infinity
        var bestIndex = -1
        j = 0
        while j < n &- 1 {
            let position = start &+ Int(keys[j] & 0xFF)
            let label = Int(labels[position])
            let weight = weights[position]
            if incremental {
                // (l + w)² − l² and (r − w)² − r², exact for whole numbers.
                squaresLeft += weight * (2 * left[label] + weight)
                squaresRight += weight * (weight - 2 * (totals[label] - left[label]))
            }
            left[label] += weight
            weightLeft += weight
            j &+= 1
            // A boundary between two bins, with enough rows on both sides.
            if keys[j &- 1] &>> 8 == keys[j] &>> 8 || j < minSamplesLeaf || n &- j < minSamplesLeaf { continue }
            let weightRight = weightedCount - weightLeft
            let proxy = incremental
                ? -weightRight * (1.0 - squaresRight / (weightRight * weightRight))
                    - weightLeft * (1.0 - squaresLeft / (weightLeft * weightLeft))
                : criterion.proxyImprovement(
                    left: left, totals: totals, classCount: k, weightLeft: weightLeft, weightRight: weightRight)
            if proxy > bestProxy {
                bestProxy = proxy
                bestIndex = j &- 1
            }
        }
        guard bestIndex >= 0 else { return .none }
        // The children's totals summed from their rows, so that absent classes stay exactly 0.
        let childTotals = self.childTotals.pointer + feature * 2 * k
        childTotals.update(repeating: 0, count: 2 * k)
        j = 0
        while j < n {
            let position = start &+ Int(keys[j] & 0xFF)
            let side = j <= bestIndex ? childTotals : childTotals + k
            side[Int(labels[position])] += weights[position]
            j &+= 1
        }
        let leftBin = Int(keys[bestIndex] &>> 8)
        let rightBin = Int(keys[bestIndex &+ 1] &>> 8)
        return .found(CandidateSplit(
            feature: feature, threshold: binned.threshold(feature: feature, leftBin: leftBin, rightBin: rightBin),
            proxy: bestProxy, cut: leftBin))
    }

    /// Sums the current node's rows into the histogram of `feature`, marking the bins it
    /// touches in `occupancy` when `markingBins`.
    private func fillFeatureHistogram(feature: Int, markingBins: Bool) {
        let (width, countLane) = (binWidth, self.countLane)
        let histogram = featureHistogram.pointer
        let occupancy = self.occupancy.pointer
        let rows = self.rows.pointer
        let labels = self.labels.pointer
        let weights = self.weights.pointer
        let column = binned.codes.pointer + feature * binned.rowCount
        let (start, end) = (self.start, self.end)
        // `while` loops: range iterators are slow in unoptimised (test) builds.
        var p = start
        if markingBins {
            while p < end {
                let bin = Int(column[Int(rows[p])])
                let entry = histogram + bin &* width
                if entry[countLane] == 0 { occupancy[bin &>> 6] |= 1 &<< UInt64(bin & 63) }
                entry[Int(labels[p])] += weights[p]
                entry[countLane] += 1
                p &+= 1
            }
        } else {
            while p < end {
                let entry = histogram + Int(column[Int(rows[p])]) &* width
                entry[Int(labels[p])] += weights[p]
                entry[countLane] += 1
                p &+= 1
            }
        }
    }

    /// The best boundary between consecutive occupied bins `occupied[0..<occupiedCount]`;
    /// records the children's class totals of that boundary in `childTotals`.
    private func scan(feature: Int, histogram: UnsafeMutablePointer<Double>, occupiedCount: Int) -> FeatureSplit {
        guard occupiedCount > 1 else { return .constant }
        let minRows = minSamplesLeaf
        if binWidth == 8 && criterion == .gini {
            return scanGiniVector(feature: feature, histogram: histogram, occupiedCount: occupiedCount, minRows: minRows)
        }
        return scanScalar(feature: feature, histogram: histogram, occupiedCount: occupiedCount, minRows: minRows)
    }

    /// `scan` for Gini impurity with at most 7 classes: a bin is 8 doubles (padded with
    /// zeros), added lane by lane into named locals, so the class loop is unrolled and
    /// the running sums stay in registers.
    private func scanGiniVector(feature: Int, histogram: UnsafeMutablePointer<Double>, occupiedCount: Int, minRows: Int) -> FeatureSplit {
        let k = classCount
        let occupied = self.occupied.pointer
        var t = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        withUnsafeMutableBytes(of: &t) { bytes in
            for c in 0..<k { bytes.storeBytes(of: nodeTotals[c], toByteOffset: c * 8, as: Double.self) }
        }
        let (nodeRows, minRows, weightedCount) = (Double(end - start), Double(minRows), self.weightedCount)
        var (l0, l1, l2, l3, l4, l5, l6, rowsLeft) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        var bestProxy = -Double.infinity
        var bestIndex = -1
        var i = -1
        while i < occupiedCount &- 2 {
            i &+= 1
            let e = histogram + Int(occupied[i]) &* 8
            l0 += e[0]; l1 += e[1]; l2 += e[2]; l3 += e[3]; l4 += e[4]; l5 += e[5]; l6 += e[6]
            rowsLeft += e[7]
            if rowsLeft < minRows { continue }
            if nodeRows - rowsLeft < minRows { break }
            let weightLeft = l0 + l1 + l2 + l3 + l4 + l5 + l6
            let weightRight = weightedCount - weightLeft
            let (r0, r1, r2, r3, r4, r5, r6) = (t.0 - l0, t.1 - l1, t.2 - l2, t.3 - l3, t.4 - l4, t.5 - l5, t.6 - l6)
            let squaresLeft = l0 * l0 + l1 * l1 + l2 * l2 + l3 * l3 + l4 * l4 + l5 * l5 + l6 * l6
            let squaresRight = r0 * r0 + r1 * r1 + r2 * r2 + r3 * r3 + r4 * r4 + r5 * r5 + r6 * r6
            let giniLeft = 1.0 - squaresLeft / (weightLeft * weightLeft)
            let giniRight = 1.0 - squaresRight / (weightRight * weightRight)
            let proxy = -weightRight * giniRight - weightLeft * giniLeft
            if proxy > bestProxy {
                bestProxy = proxy
                bestIndex = i
            }
        }
        guard bestIndex >= 0 else { return .none }
        // The children's totals summed from their bins, so that absent classes stay exactly 0.
        let childTotals = self.childTotals.pointer + feature * 2 * k
        childTotals.update(repeating: 0, count: 2 * k)
        for i in 0..<occupiedCount {
            let e = histogram + Int(occupied[i]) &* 8
            let side = i <= bestIndex ? childTotals : childTotals + k
            for c in 0..<k { side[c] += e[c] }
        }
        let leftBin = Int(occupied[bestIndex])
        let rightBin = Int(occupied[bestIndex + 1])
        return .found(CandidateSplit(
            feature: feature, threshold: binned.threshold(feature: feature, leftBin: leftBin, rightBin: rightBin),
            proxy: bestProxy, cut: leftBin))
    }

    /// `scan` for any criterion and number of classes.
    private func scanScalar(feature: Int, histogram: UnsafeMutablePointer<Double>, occupiedCount: Int, minRows: Int) -> FeatureSplit {
        let k = classCount
        let width = binWidth
        let left = self.left.pointer
        let totals = UnsafePointer(nodeTotals.pointer)
        let occupied = self.occupied.pointer
        let bestLeft = childTotals.pointer + feature * 2 * k
        let bestRight = bestLeft + k
        let nodeRows = end - start
        let (weightedCount, criterion, countLane) = (self.weightedCount, self.criterion, self.countLane)
        left.update(repeating: 0, count: k)
        var weightLeft = 0.0
        var rowsLeft = 0
        var bestProxy = -Double.infinity
        var bestIndex = -1
        for i in 0..<(occupiedCount - 1) {
            let entry = histogram + Int(occupied[i]) &* width
            for c in 0..<k {
                left[c] += entry[c]
                weightLeft += entry[c]
            }
            rowsLeft &+= Int(entry[countLane])
            if rowsLeft < minRows { continue }
            if nodeRows &- rowsLeft < minRows { break }
            let proxy = criterion.proxyImprovement(
                left: left, totals: totals, classCount: k, weightLeft: weightLeft, weightRight: weightedCount - weightLeft)
            if proxy > bestProxy {
                bestProxy = proxy
                bestIndex = i
                bestLeft.update(from: left, count: k)
            }
        }
        guard bestIndex >= 0 else { return .none }
        // The right child's totals summed from its bins, so that absent classes stay exactly 0.
        bestRight.update(repeating: 0, count: k)
        for i in (bestIndex + 1)..<occupiedCount {
            let entry = histogram + Int(occupied[i]) &* width
            for c in 0..<k { bestRight[c] += entry[c] }
        }
        let leftBin = Int(occupied[bestIndex])
        let rightBin = Int(occupied[bestIndex + 1])
        return .found(CandidateSplit(
            feature: feature, threshold: binned.threshold(feature: feature, leftBin: leftBin, rightBin: rightBin),
            proxy: bestProxy, cut: leftBin))
    }

    func apply(
        _ split: CandidateSplit, constantFeatures: ArraySlice<Int>,
        leftTotals: UnsafeMutablePointer<Double>, rightTotals: UnsafeMutablePointer<Double>
    ) -> (position: Int, leftSlot: Int32, rightSlot: Int32) {
        let n = binned.rowCount
        let k = classCount
        let rows = self.rows.pointer
        let labels = self.labels.pointer
        let weights = self.weights.pointer
        let rowScratch = self.rowScratch.pointer
        let labelScratch = self.labelScratch.pointer
        let weightScratch = self.weightScratch.pointer
        let cut = split.cut
        let (start, end) = (self.start, self.end)
        var write = start
        var right = 0
        let column = binned.codes.pointer + split.feature * n
        var p = start
        while p < end {
            let row = rows[p]
            let label = labels[p]
            let weight = weights[p]
            let isLeft = Int(column[Int(row)]) <= cut ? 1 : 0
            rows[write] = row
            labels[write] = label
            weights[write] = weight
            rowScratch[right] = row
            labelScratch[right] = label
            weightScratch[right] = weight
            write &+= isLeft
            right &+= 1 &- isLeft
            p &+= 1
        }
        (rows + write).update(from: rowScratch, count: right)
        (labels + write).update(from: labelScratch, count: right)
        (weights + write).update(from: weightScratch, count: right)
        let position = write

        guard slot >= 0 else {
            // The split's histogram was summed from this node's rows: its totals are exact.
            let best = childTotals.pointer + split.feature * 2 * k
            leftTotals.update(from: best, count: k)
            rightTotals.update(from: best + k, count: k)
            return (position, -1, -1)
        }
        // Full histograms come partly from subtractions: sum the totals from the rows.
        leftTotals.update(repeating: 0, count: k)
        rightTotals.update(repeating: 0, count: k)
        addClassTotals(start: start, end: position, into: leftTotals)
        addClassTotals(start: position, end: end, into: rightTotals)

        // Hand the full histograms down: the larger child inherits the parent's slot minus
        // the smaller child's histogram.
        let parentSlot = slot
        slot = -1
        let leftRows = position - start
        let rightRows = end - position
        guard max(leftRows, rightRows) >= largeNodeRows else {
            release(parentSlot)
            return (position, -1, -1)
        }
        let smallIsLeft = leftRows <= rightRows
        var smallSlot = acquireSlot()
        if smallIsLeft {
            fillFullHistogram(slot: smallSlot, start: start, end: position)
        } else {
            fillFullHistogram(slot: smallSlot, start: position, end: end)
        }
        let parent = slots[Int(parentSlot)].pointer
        let small = slots[Int(smallSlot)].pointer
        for i in 0..<(binned.featureCount * featureStride) { parent[i] -= small[i] }
        if min(leftRows, rightRows) < largeNodeRows {
            release(smallSlot)
            smallSlot = -1
        }
        return smallIsLeft ? (position, smallSlot, parentSlot) : (position, parentSlot, smallSlot)
    }

    func discardNode() {
        release(slot)
        slot = -1
    }

    func release(_ slot: Int32) {
        if slot >= 0 { freeSlots.append(slot) }
    }

    /// A free full-histogram slot (contents undefined).
    private func acquireSlot() -> Int32 {
        if let free = freeSlots.popLast() { return free }
        slots.append(TreeScratch(repeating: 0, count: binned.featureCount * featureStride))
        return Int32(slots.count - 1)
    }

    /// Sums rows `start..<end` into the full histogram in `slot`, one feature at a time.
    private func fillFullHistogram(slot: Int32, start: Int, end: Int) {
        let n = binned.rowCount
        let (width, countLane) = (binWidth, self.countLane)
        let histogram = slots[Int(slot)].pointer
        histogram.update(repeating: 0, count: binned.featureCount * featureStride)
        let rows = self.rows.pointer
        let labels = self.labels.pointer
        let weights = self.weights.pointer
        for feature in 0..<binned.featureCount {
            let column = binned.codes.pointer + feature * n
            let featureHistogram = histogram + feature * featureStride
            var p = start
            while p < end {
                let entry = featureHistogram + Int(column[Int(rows[p])]) &* width
                entry[Int(labels[p])] += weights[p]
                entry[countLane] += 1
                p &+= 1
            }
        }
    }
}
