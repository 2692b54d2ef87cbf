import Foundation

/// How many features a tree considers at each split (scikit-learn's `max_features`).
///
/// When some drawn features turn out constant in a node, more are drawn, as scikit-learn does,
/// until that many non-constant ones were tried or none are left.
public enum MaxFeatures: Sendable, Equatable {
    /// Every feature (the decision tree's default).
    case all
    /// `max(1, ⌊√features⌋)` (the forests' default).
    case sqrt
    /// `max(1, ⌊log₂ features⌋)`.
    case log2
    /// Exactly `n` features, `1 ≤ n ≤ features`.
    case count(Int)
    /// `max(1, ⌊f · features⌋)` features, `0 < f ≤ 1`.
    case fraction(Double)

    /// The number of features to try among `featureCount`; throws `MLError` naming the
    /// `max-features` option when the value is out of range.
    public func resolve(featureCount: Int) throws -> Int {
        switch self {
        case .all:
            return featureCount
        case .sqrt:
            return max(1, Int(Double(featureCount).squareRoot()))
        case .log2:
            return max(1, Int(Foundation.log2(Double(featureCount))))
        case .count(let n):
            guard n >= 1 else { throw MLError("max-features must be at least 1, found \(n)") }
            guard n <= featureCount else {
                throw MLError("max-features must be at most the number of features (\(featureCount)), found \(n)")
            }
            return n
        case .fraction(let f):
            guard f > 0, f <= 1 else {
                throw MLError("max-features as a fraction must be in (0, 1], found \(f)")
            }
            return max(1, Int(f * Double(featureCount)))
        }
    }
}
