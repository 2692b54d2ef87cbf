/// Descriptive statistics that agree with NumPy and pandas (`describe`) on the same data.
///
/// NaN entries are missing and skipped by every function here, as pandas does. Sums use
/// NumPy's pairwise order and the variance is the two-pass, mean-centred formula NumPy uses,
/// so means and variances match `np.mean`/`np.var` bit for bit on the non-missing values.
public enum Descriptive {
    /// The summary of `x` (count, missing, mean, sample std, min, quartiles, max); NaN is missing.
    public static func summary(_ x: [Double]) -> Summary {
        let values = nonMissing(x)
        let missing = x.count - values.count
        guard !values.isEmpty else {
            return Summary(
                count: 0, missing: missing, mean: .nan, std: .nan, min: .nan,
                q25: .nan, median: .nan, q75: .nan, max: .nan)
        }
        let sorted = values.sorted()
        let (mean, variance) = meanAndVariance(values, ddof: 1)
        return Summary(
            count: values.count, missing: missing, mean: mean, std: variance.squareRoot(),
            min: sorted[0], q25: quantile(sorted, 0.25), median: quantile(sorted, 0.5),
            q75: quantile(sorted, 0.75), max: sorted[sorted.count - 1])
    }

    /// The arithmetic mean of the non-missing values of `x`; NaN when there are none.
    public static func mean(_ x: [Double]) -> Double {
        let values = nonMissing(x)
        guard !values.isEmpty else { return .nan }
        return PairwiseSummation.sum(values) / Double(values.count)
    }

    /// The variance of the non-missing values, divided by `n - ddof` (default 1, the sample
    /// variance); NaN when `n - ddof <= 0`.
    public static func variance(_ x: [Double], ddof: Int = 1) -> Double {
        meanAndVariance(nonMissing(x), ddof: ddof).variance
    }

    /// The square root of `variance(x, ddof:)` (default `ddof = 1`, as pandas `describe`).
    public static func standardDeviation(_ x: [Double], ddof: Int = 1) -> Double {
        variance(x, ddof: ddof).squareRoot()
    }

    /// The `p`-quantile of ascending, NaN-free `sorted` by linear interpolation (NumPy's default
    /// method, also pandas'); NaN for an empty array. Precondition: `0 <= p <= 1`.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "quantile probability \(p) is outside [0, 1]")
        let n = sorted.count
        guard n > 0 else { return .nan }
        // Same operations as numpy's `_quantile` + `_lerp`, for bit-identical results.
        let virtualIndex = Double(n - 1) * p
        let previous = virtualIndex.rounded(.down)
        let gamma = virtualIndex - previous
        let lower = min(max(Int(previous), 0), n - 1)
        let upper = min(max(Int(previous) + 1, 0), n - 1)
        let a = sorted[lower], b = sorted[upper]
        let difference = b - a
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
    }

    /// Mean and variance (`/(n - ddof)`) of NaN-free `values` in NumPy's two-pass order.
    static func meanAndVariance(_ values: [Double], ddof: Int) -> (mean: Double, variance: Double) {
        let n = values.count
        guard n > 0 else { return (.nan, .nan) }
        let mean = PairwiseSummation.sum(values) / Double(n)
        guard n - ddof > 0 else { return (mean, .nan) }
        var squares = [Double](repeating: 0, count: n)
        values.withUnsafeBufferPointer { v in
            squares.withUnsafeMutableBufferPointer { s in
                for i in 0..<n {
                    let d = v[i] - mean
                    s[i] = d * d
                }
            }
        }
        return (mean, PairwiseSummation.sum(squares) / Double(n - ddof))
    }

    /// `x` without its NaN entries (the same array when there are none).
    static func nonMissing(_ x: [Double]) -> [Double] {
        x.contains(where: \.isNaN) ? x.filter { !$0.isNaN } : x
    }
}
