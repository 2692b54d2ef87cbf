/// The five-number summary a box plot draws, with Tukey's whiskers, as
/// `matplotlib.cbook.boxplot_stats` computes it.
public struct BoxStatistics: Hashable, Sendable {
    /// Number of finite values.
    public var count: Int
    /// First quartile (numpy's linear interpolation).
    public var lowerQuartile: Double
    /// Median.
    public var median: Double
    /// Third quartile.
    public var upperQuartile: Double
    /// The smallest value at or above `Q1 − whisker × IQR` (Q1 if there is none below Q1).
    public var lowerWhisker: Double
    /// The largest value at or below `Q3 + whisker × IQR` (Q3 if there is none above Q3).
    public var upperWhisker: Double
    /// Values beyond the whiskers, ascending.
    public var outliers: [Double]
    /// Arithmetic mean.
    public var mean: Double

    /// Summarises the finite values of `values`; `nil` when there are none.
    ///
    /// - Parameter whisker: how many interquartile ranges the whiskers may reach beyond the
    ///   box (1.5, Tukey's and matplotlib's default).
    public init?(values: [Double], whisker: Double = 1.5) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        count = sorted.count
        lowerQuartile = Quantile.linear(sorted: sorted, 0.25)
        median = Quantile.linear(sorted: sorted, 0.5)
        upperQuartile = Quantile.linear(sorted: sorted, 0.75)
        let iqr = upperQuartile - lowerQuartile
        let lowLimit = lowerQuartile - whisker * iqr, highLimit = upperQuartile + whisker * iqr
        let high = sorted.last { $0 <= highLimit } ?? upperQuartile
        upperWhisker = high < upperQuartile ? upperQuartile : high
        let low = sorted.first { $0 >= lowLimit } ?? lowerQuartile
        lowerWhisker = low > lowerQuartile ? lowerQuartile : low
        let (lo, hi) = (lowerWhisker, upperWhisker)
        outliers = sorted.filter { $0 < lo || $0 > hi }
        mean = sorted.reduce(0, +) / Double(sorted.count)
    }

    /// At most `limit` of the outliers, evenly spaced by rank and always including the most
    /// extreme on each side, so thousands of outliers draw quickly and the same way every time.
    public func outliers(limit: Int?) -> [Double] {
        guard let limit, outliers.count > limit else { return outliers }
        guard limit > 1 else { return limit == 1 ? [outliers[outliers.count - 1]] : [] }
        let n = outliers.count
        return (0..<limit).map { outliers[Int((Double($0) * Double(n - 1) / Double(limit - 1)).rounded())] }
    }
}
