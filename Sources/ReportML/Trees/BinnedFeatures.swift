/// Features cut into at most `maxBins` bins, one byte per value, for histogram splits.
///
/// Bins follow scikit-learn's `HistGradientBoosting` binning: with at most `maxBins`
/// distinct values every value has its own bin (and histogram splits equal exact ones);
/// otherwise the cut points are the column's quantiles `i / maxBins` (numpy's "midpoint"
/// percentiles). Each bin remembers its smallest and largest training value so that a split
/// between two bins gets scikit-learn's threshold: the midpoint of the values on either side.
final class BinnedFeatures: Sendable {
    /// The most bins a feature may have (bin codes are bytes).
    static let maxBinLimit = 255

    let rowCount: Int
    let featureCount: Int
    /// Column-major bin codes: `codes[feature * rowCount + row]` (a node's histogram of one
    /// feature reads one short column).
    let codes: SharedTreeBuffer<UInt8>
    /// The number of bins of each feature (at most `binStride`).
    let binCounts: [Int]
    /// Stride between features in `binLow` and `binHigh`.
    let binStride: Int
    /// Smallest training value in each bin: `binLow[feature * binStride + bin]`.
    let binLow: [Float]
    /// Largest training value in each bin.
    let binHigh: [Float]

    /// Bins every feature of `data` (in parallel over features).
    init(_ data: TreeTrainingData, maxBins: Int, threads: Int) {
        let rows = data.rowCount
        let features = data.featureCount
        let perFeature = RowChunks.map(count: features, chunkSize: 1, threads: threads) { range in
            let column = UnsafeBufferPointer(start: data.columns.pointer + range.lowerBound * rows, count: rows)
            return Self.binColumn(column, maxBins: maxBins)
        }
        var codes = [UInt8]()
        codes.reserveCapacity(rows * features)
        var binLow = [Float](repeating: 0, count: features * maxBins)
        var binHigh = [Float](repeating: 0, count: features * maxBins)
        for (feature, binned) in perFeature.enumerated() {
            codes.append(contentsOf: binned.codes)
            for bin in 0..<binned.low.count {
                binLow[feature * maxBins + bin] = binned.low[bin]
                binHigh[feature * maxBins + bin] = binned.high[bin]
            }
        }
        self.rowCount = rows
        self.featureCount = features
        self.codes = SharedTreeBuffer(codes)
        self.binCounts = perFeature.map { $0.low.count }
        self.binStride = maxBins
        self.binLow = binLow
        self.binHigh = binHigh
    }

    /// The threshold between a split's left bin (its last) and right bin (its first):
    /// the midpoint of the values on either side, or the left value when the midpoint
    /// rounds onto the right one (as scikit-learn).
    func threshold(feature: Int, leftBin: Int, rightBin: Int) -> Double {
        let below = Double(binHigh[feature * binStride + leftBin])
        let above = Double(binLow[feature * binStride + rightBin])
        let midpoint = below / 2 + above / 2
        return midpoint == above || !midpoint.isFinite ? below : midpoint
    }

    private struct BinnedColumn: Sendable {
        var codes: [UInt8]
        var low: [Float]
        var high: [Float]
    }

    /// Cut points, codes and per-bin value ranges of one column.
    private static func binColumn(_ column: UnsafeBufferPointer<Float>, maxBins: Int) -> BinnedColumn {
        let keys = PresortedFeatures.sortedKeys(column)
        let n = keys.count
        var distinct: [Float] = []
        for key in keys {
            let value = PresortedFeatures.value(ofKey: key)
            if distinct.last != value { distinct.append(value) }
        }
        var edges: [Double] = []
        if distinct.count <= maxBins {
            for i in 1..<max(distinct.count, 1) {
                edges.append((Double(distinct[i - 1]) + Double(distinct[i])) / 2)
            }
        } else {
            let last = Double(n - 1)
            for i in 1..<maxBins {
                let position = Double(i) / Double(maxBins) * last
                let below = PresortedFeatures.value(ofKey: keys[Int(position.rounded(.down))])
                let above = PresortedFeatures.value(ofKey: keys[Int(position.rounded(.up))])
                let edge = (Double(below) + Double(above)) / 2
                if edges.last != edge { edges.append(edge) }
            }
        }
        let binCount = edges.count + 1
        var codes = [UInt8](repeating: 0, count: n)
        var low = [Float](repeating: .infinity, count: binCount)
        var high = [Float](repeating: -.infinity, count: binCount)
        // Walk the values in order: a value's bin is the number of edges below it
        // (value <= edges[bin]).
        var bin = 0
        for key in keys {
            let value = PresortedFeatures.value(ofKey: key)
            while bin < edges.count && edges[bin] < Double(value) { bin += 1 }
            codes[Int(truncatingIfNeeded: key & 0xFFFF_FFFF)] = UInt8(bin)
            low[bin] = min(low[bin], value)
            high[bin] = max(high[bin], value)
        }
        return BinnedColumn(codes: codes, low: low, high: high)
    }
}
