/// How much a score drops when one feature's values are shuffled, per feature, as
/// scikit-learn's `permutation_importance` result.
public struct PermutationImportance: Sendable, Equatable {
    /// The score on the unshuffled data.
    public let baselineScore: Double
    /// `drops[feature][repeat]`: baseline score minus the score with that feature shuffled.
    public let drops: [[Double]]

    public init(baselineScore: Double, drops: [[Double]]) {
        self.baselineScore = baselineScore
        self.drops = drops
    }

    /// Mean drop per feature (`importances_mean`).
    public var mean: [Double] {
        drops.map { $0.reduce(0, +) / Double($0.count) }
    }

    /// Population standard deviation of the drops per feature (`importances_std`, ddof 0).
    public var standardDeviation: [Double] {
        zip(drops, mean).map { values, mean in
            (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        }
    }
}
