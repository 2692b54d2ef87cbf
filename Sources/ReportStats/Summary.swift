/// The descriptive statistics of one numeric column, as `pandas.DataFrame.describe` reports them.
///
/// NaN entries count as missing and are left out of every statistic. With no values left all
/// statistics are NaN; with one value `std` is NaN (sample deviation, `ddof = 1`).
public struct Summary: Sendable, Equatable {
    /// Number of non-missing values.
    public var count: Int
    /// Number of missing (NaN) values.
    public var missing: Int
    /// Arithmetic mean.
    public var mean: Double
    /// Sample standard deviation (`ddof = 1`).
    public var std: Double
    /// Smallest value.
    public var min: Double
    /// First quartile (linear interpolation).
    public var q25: Double
    /// Median (linear interpolation).
    public var median: Double
    /// Third quartile (linear interpolation).
    public var q75: Double
    /// Largest value.
    public var max: Double

    /// A summary from its parts, in `describe` order.
    public init(
        count: Int, missing: Int, mean: Double, std: Double, min: Double,
        q25: Double, median: Double, q75: Double, max: Double
    ) {
        self.count = count
        self.missing = missing
        self.mean = mean
        self.std = std
        self.min = min
        self.q25 = q25
        self.median = median
        self.q75 = q75
        self.max = max
    }

    /// Equal when counts match and each statistic is equal or both are NaN.
    public static func == (lhs: Summary, rhs: Summary) -> Bool {
        func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
        return lhs.count == rhs.count && lhs.missing == rhs.missing
            && same(lhs.mean, rhs.mean) && same(lhs.std, rhs.std)
            && same(lhs.min, rhs.min) && same(lhs.q25, rhs.q25) && same(lhs.median, rhs.median)
            && same(lhs.q75, rhs.q75) && same(lhs.max, rhs.max)
    }
}
