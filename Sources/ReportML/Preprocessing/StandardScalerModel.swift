/// A fitted `StandardScaler` (scikit-learn's `mean_`, `scale_`, `var_`).
public struct StandardScalerModel: Sendable, Equatable {
    /// What is subtracted from each feature (0 when `withMean` is false).
    public let means: [Double]
    /// What each feature is divided by (1 when `withStd` is false or the feature is constant).
    public let scales: [Double]
    /// Population variance of each feature.
    public let variances: [Double]

    /// (x − mean) / scale, feature by feature (precondition: same feature count).
    public func transform(_ x: FeatureMatrix) -> FeatureMatrix {
        let p = x.columns
        precondition(p == means.count, "StandardScalerModel: \(p) features, fitted on \(means.count)")
        var out = x
        for row in 0..<x.rows {
            for j in 0..<p {
                out.values[row * p + j] = (x.values[row * p + j] - means[j]) / scales[j]
            }
        }
        return out
    }

    /// x · scale + mean, undoing `transform`.
    public func inverseTransform(_ x: FeatureMatrix) -> FeatureMatrix {
        let p = x.columns
        precondition(p == means.count, "StandardScalerModel: \(p) features, fitted on \(means.count)")
        var out = x
        for row in 0..<x.rows {
            for j in 0..<p {
                out.values[row * p + j] = x.values[row * p + j] * scales[j] + means[j]
            }
        }
        return out
    }
}
