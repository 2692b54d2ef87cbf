/// Evenly spaced bands for categories along an axis, as d3's `scaleBand`.
public struct BandScale: Hashable, Sendable {
    /// Number of categories.
    public var count: Int
    /// Pixel position where the axis starts.
    public var rangeStart: Double
    /// Pixel position where the axis ends.
    public var rangeEnd: Double
    /// Fraction of the step left empty between bands, `0..<1`.
    public var paddingInner: Double
    /// Fraction of a step left empty before the first and after the last band.
    public var paddingOuter: Double

    /// Creates `count` bands spread over `range`.
    public init(count: Int, range: (Double, Double), paddingInner: Double = 0, paddingOuter: Double = 0) {
        self.count = max(0, count)
        rangeStart = range.0
        rangeEnd = range.1
        self.paddingInner = min(max(paddingInner, 0), 0.999)
        self.paddingOuter = max(paddingOuter, 0)
    }

    /// Distance from the start of one band to the start of the next.
    public var step: Double {
        let n = Double(count)
        let denominator = max(1, n - paddingInner + 2 * paddingOuter)
        return (rangeEnd - rangeStart) / denominator
    }

    /// Width of one band.
    public var bandwidth: Double { step * (1 - paddingInner) }

    /// Pixel position where band `index` starts.
    public func start(of index: Int) -> Double {
        rangeStart + step * (paddingOuter + Double(index))
    }

    /// Pixel position of the middle of band `index`.
    public func center(of index: Int) -> Double {
        start(of: index) + bandwidth / 2
    }
}
