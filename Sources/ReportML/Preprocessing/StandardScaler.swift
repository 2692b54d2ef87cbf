/// Standardisation as scikit-learn's `StandardScaler`: subtract each feature's mean and
/// divide by its population standard deviation (ddof = 0).
///
/// Means and variances follow scikit-learn's formulas (mean = Σx/n, variance =
/// (Σ(x − mean)² − (Σ(x − mean))²/n)/n); a feature whose variance is within rounding of 0
/// is scaled by 1, as scikit-learn does.
public struct StandardScaler: Sendable {
    /// Whether to subtract the mean (default true).
    public var withMean: Bool
    /// Whether to divide by the standard deviation (default true).
    public var withStd: Bool

    public init(withMean: Bool = true, withStd: Bool = true) {
        self.withMean = withMean
        self.withStd = withStd
    }

    /// Learns each feature's mean and scale; throws `MLError` for no rows or a value that is
    /// not finite.
    public func fit(_ x: FeatureMatrix) throws -> StandardScalerModel {
        guard x.rows > 0 else { throw MLError("cannot fit a scaler on no rows") }
        if let (row, column) = x.firstNonFinite {
            throw MLError("feature \(column + 1) of row \(row + 1) is missing or not finite (NaN); clean or impute the data first")
        }
        let p = x.columns
        let n = Double(x.rows)
        var sum = [Double](repeating: 0, count: p)
        for row in 0..<x.rows {
            for j in 0..<p { sum[j] += x.values[row * p + j] }
        }
        let mean = sum.map { $0 / n }
        var correction = [Double](repeating: 0, count: p)
        var squares = [Double](repeating: 0, count: p)
        for row in 0..<x.rows {
            for j in 0..<p {
                let d = x.values[row * p + j] - mean[j]
                correction[j] += d
                squares[j] += d * d
            }
        }
        let variance = (0..<p).map { j in (squares[j] - correction[j] * correction[j] / n) / n }
        let scale = (0..<p).map { j -> Double in
            let eps = Double.ulpOfOne
            let bound = n * eps * variance[j] + (n * mean[j] * eps) * (n * mean[j] * eps)
            return variance[j] <= bound ? 1 : variance[j].squareRoot()
        }
        return StandardScalerModel(
            means: withMean ? mean : [Double](repeating: 0, count: p),
            scales: withStd ? scale : [Double](repeating: 1, count: p),
            variances: variance
        )
    }
}
