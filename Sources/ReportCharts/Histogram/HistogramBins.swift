import Foundation

/// The bin edges a histogram's series share, and counting values into them as
/// `numpy.histogram` does.
public struct HistogramBins: Hashable, Sendable {
    /// Increasing edges: bin `i` holds values in `edges[i] ..< edges[i + 1]`, and the last
    /// bin also holds its right edge.
    public var edges: [Double]

    /// Creates bins from their edges.
    ///
    /// - Precondition: at least two finite, strictly increasing edges.
    public init(edges: [Double]) {
        precondition(edges.count >= 2, "histogram bins need at least two edges")
        precondition(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 && $0.isFinite && $1.isFinite },
                     "histogram bin edges must be finite and strictly increasing")
        self.edges = edges
    }

    /// Number of bins, `edges.count - 1`.
    public var count: Int { edges.count - 1 }

    /// `count` bins of equal width from `lo` to `hi`, with edges as `numpy.linspace` puts
    /// them (an empty range is widened by 0.5 each way).
    public static func uniform(count: Int, lo: Double, hi: Double) -> HistogramBins {
        var lo = lo, hi = hi
        if lo == hi {
            lo -= 0.5
            hi += 0.5
        }
        let n = max(1, count)
        let step = (hi - lo) / Double(n)
        var edges = (0...n).map { Double($0) * step + lo }
        edges[n] = hi
        return HistogramBins(edges: edges)
    }

    /// The bins `numpy.histogram_bin_edges(values, bins="auto")` chooses: equal widths over
    /// `min...max`, the width being the smaller of Sturges' and the Freedman–Diaconis rule's
    /// (the latter no smaller than half the square-root rule's, as numpy 2.x does — checked
    /// against numpy 2.4 — so a tiny IQR cannot give thousands of bins).
    ///
    /// Non-finite values are ignored (numpy rejects them). No values give one bin over
    /// `0...1`; equal values one bin of width 1 around them.
    public static func auto(_ values: [Double]) -> HistogramBins {
        let data = values.filter(\.isFinite).sorted()
        guard let minimum = data.first, let maximum = data.last else { return uniform(count: 1, lo: 0, hi: 1) }
        let n = Double(data.count)
        let range = maximum - minimum
        let sturges = range / (log2(n) + 1)
        let iqr = Quantile.linear(sorted: data, 0.75) - Quantile.linear(sorted: data, 0.25)
        let freedmanDiaconis = 2 * iqr * pow(n, -1.0 / 3.0)
        let squareRoot = range / n.squareRoot()
        let width = min(max(freedmanDiaconis, squareRoot / 2), sturges)
        var lo = minimum, hi = maximum
        if lo == hi {
            lo -= 0.5
            hi += 0.5
        }
        let bins = width > 0 ? Int(((hi - lo) / width).rounded(.up)) : 1
        return uniform(count: bins, lo: lo, hi: hi)
    }

    /// One bin of width 1 centred on each whole number from the smallest to the largest
    /// value, or `nil` when a finite value is not a whole number, there are none, or they
    /// span more than `maxBins` integers.
    public static func discrete(_ values: [Double], maxBins: Int = 60) -> HistogramBins? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            guard v == v.rounded() else { return nil }
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        guard lo.isFinite, hi - lo < Double(maxBins) else { return nil }
        return HistogramBins(edges: (0...Int(hi - lo + 1)).map { lo - 0.5 + Double($0) })
    }

    /// The bin of `value`, or `nil` outside the edges (or NaN).
    public func index(of value: Double) -> Int? {
        guard let first = edges.first, let last = edges.last, value >= first, value <= last else { return nil }
        if value == last { return count - 1 }
        // The last edge not above `value`, as numpy's searchsorted(side="right") − 1.
        var lo = 0, hi = edges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if edges[mid] <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    /// How many of `values` fall in each bin; values outside the edges and NaN are left out.
    public func counts(_ values: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: count)
        for value in values {
            if let i = index(of: value) { counts[i] += 1 }
        }
        return counts
    }

    /// Heights that make the histogram's area 1, as `numpy.histogram(density=True)`:
    /// count ÷ (counted values × bin width). All zeros when no value falls in the bins.
    public func densities(_ values: [Double]) -> [Double] {
        let counts = counts(values)
        let total = Double(counts.reduce(0, +))
        guard total > 0 else { return [Double](repeating: 0, count: count) }
        return counts.indices.map { Double(counts[$0]) / (edges[$0 + 1] - edges[$0]) / total }
    }
}
