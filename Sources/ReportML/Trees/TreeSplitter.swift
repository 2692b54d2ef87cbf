import ReportData

/// A way of finding and applying splits while a tree grows: exact thresholds over presorted
/// features, histogram bins, or random thresholds. The rows of the node being split are
/// positions `start..<end` of the splitter's own row arrays; `apply` partitions them so that
/// the left child gets `start..<position` and the right child `position..<end`.
protocol TreeSplitter {
    /// The number of rows the tree grows on (those with positive weight).
    var rowCount: Int { get }
    /// The sum of the weights of those rows.
    var totalWeight: Double { get }
    /// Adds the weighted class counts of all the tree's rows (the root) to `totals`.
    func addRootClassTotals(into totals: UnsafeMutablePointer<Double>)
    /// Makes `start..<end` the node to split; `cacheSlot` is what `apply` gave this child
    /// (-1 for none); `totals` are its weighted class counts (valid until the next call).
    mutating func beginNode(start: Int, end: Int, cacheSlot: Int32, totals: UnsafePointer<Double>, weightedCount: Double)
    /// The best split of the current node on `feature`.
    mutating func bestSplit(feature: Int, rng: inout Xoshiro256StarStar) -> FeatureSplit
    /// Partitions the current node's rows by `split` and ends the node; writes the children's
    /// weighted class counts to `leftTotals` and `rightTotals` and returns where the right
    /// child starts and the cache slots handed to the children. `constantFeatures` are
    /// constant in the node, so never tried again below it.
    mutating func apply(
        _ split: CandidateSplit, constantFeatures: ArraySlice<Int>,
        leftTotals: UnsafeMutablePointer<Double>, rightTotals: UnsafeMutablePointer<Double>
    ) -> (position: Int, leftSlot: Int32, rightSlot: Int32)
    /// Ends the current node without splitting it (frees what `beginNode` holds).
    mutating func discardNode()
    /// Frees a cache slot given out by `apply`, for a node never begun (no-op for -1).
    mutating func release(_ slot: Int32)
}

/// A split of one node on one feature.
struct CandidateSplit {
    var feature: Int
    /// Rows with `value <= threshold` go left.
    var threshold: Double
    /// scikit-learn's proxy impurity improvement (larger is better).
    var proxy: Double
    /// Where the split falls in the splitter's own terms (a position or a bin).
    var cut: Int
}

/// What one feature offers a node.
enum FeatureSplit {
    /// The feature takes a single value in the node.
    case constant
    /// No threshold leaves enough rows on both sides.
    case none
    case found(CandidateSplit)
}
