import ReportData

/// Extremely randomised splits, as scikit-learn's `RandomSplitter`: one threshold per feature
/// tried, drawn uniformly between the feature's smallest and largest value in the node.
final class RandomThresholdSplitter: TreeSplitter {
    private let data: TreeTrainingData
    private let criterion: SplitCriterion
    private let minSamplesLeaf: Int
    let rowCount: Int
    let totalWeight: Double
    /// The tree's rows (positive weight) with their classes and weights, by position; each
    /// node's positions are contiguous.
    private let rows: TreeScratch<Int32>
    private let labels: TreeScratch<Int32>
    private let weights: TreeScratch<Double>
    private let rowScratch: TreeScratch<Int32>
    private let labelScratch: TreeScratch<Int32>
    private let weightScratch: TreeScratch<Double>
    /// The current node's values of the feature being tried.
    private let values: TreeScratch<Float>
    private let left: TreeScratch<Double>
    private let nodeTotals: TreeScratch<Double>
    private var start = 0
    private var end = 0
    private var weightedCount = 0.0

    init(data: TreeTrainingData, weights: [Double], criterion: SplitCriterion, minSamplesLeaf: Int) {
        let inBag = weights.indices.filter { weights[$0] > 0 }
        self.data = data
        self.criterion = criterion
        self.minSamplesLeaf = minSamplesLeaf
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
        values = TreeScratch(repeating: 0, count: inBag.count)
        left = TreeScratch(repeating: 0, count: data.classCount)
        nodeTotals = TreeScratch(repeating: 0, count: data.classCount)
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
        nodeTotals.pointer.update(from: totals, count: data.classCount)
    }

    func bestSplit(feature: Int, rng: inout Xoshiro256StarStar) -> FeatureSplit {
        let k = data.classCount
        let rows = self.rows.pointer
        let labels = self.labels.pointer
        let weights = self.weights.pointer
        let values = self.values.pointer
        let left = self.left.pointer
        let totals = UnsafePointer(nodeTotals.pointer)
        let column = data.columns.pointer + feature * data.rowCount
        let (start, end, minSamplesLeaf, weightedCount, criterion) = (self.start, self.end, self.minSamplesLeaf, self.weightedCount, self.criterion)
        var low = Float.infinity
        var high = -Float.infinity
        // `while` loops: range iterators are slow in unoptimised (test) builds.
        var p = start
        while p < end {
            let value = column[Int(rows[p])]
            values[p] = value
            low = min(low, value)
            high = max(high, value)
            p &+= 1
        }
        guard Double(high) > Double(low) + PresortedSplitter.featureThreshold else { return .constant }
        var threshold = (Double(high) - Double(low)) * rng.nextDouble() + Double(low)
        if threshold == Double(high) { threshold = Double(low) }

        left.update(repeating: 0, count: k)
        var weightLeft = 0.0
        var countLeft = 0
        p = start
        while p < end {
            if Double(values[p]) <= threshold {
                left[Int(labels[p])] += weights[p]
                weightLeft += weights[p]
                countLeft &+= 1
            }
            p &+= 1
        }
        guard countLeft >= minSamplesLeaf, end - start - countLeft >= minSamplesLeaf else { return .none }
        let proxy = criterion.proxyImprovement(
            left: left, totals: totals, classCount: k, weightLeft: weightLeft, weightRight: weightedCount - weightLeft)
        return .found(CandidateSplit(feature: feature, threshold: threshold, proxy: proxy, cut: countLeft))
    }

    func apply(
        _ split: CandidateSplit, constantFeatures: ArraySlice<Int>,
        leftTotals: UnsafeMutablePointer<Double>, rightTotals: UnsafeMutablePointer<Double>
    ) -> (position: Int, leftSlot: Int32, rightSlot: Int32) {
        let rows = self.rows.pointer
        let labels = self.labels.pointer
        let weights = self.weights.pointer
        let rowScratch = self.rowScratch.pointer
        let labelScratch = self.labelScratch.pointer
        let weightScratch = self.weightScratch.pointer
        let column = data.columns.pointer + split.feature * data.rowCount
        let (start, end) = (self.start, self.end)
        var write = start
        var right = 0
        var p = start
        while p < end {
            let row = rows[p]
            let label = labels[p]
            let weight = weights[p]
            let isLeft = Double(column[Int(row)]) <= split.threshold ? 1 : 0
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
        leftTotals.update(repeating: 0, count: data.classCount)
        rightTotals.update(repeating: 0, count: data.classCount)
        addClassTotals(start: start, end: write, into: leftTotals)
        addClassTotals(start: write, end: end, into: rightTotals)
        return (write, -1, -1)
    }

    func discardNode() {}

    func release(_ slot: Int32) {}
}
