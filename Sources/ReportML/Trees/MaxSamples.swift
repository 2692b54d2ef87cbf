/// How many rows each forest tree draws with replacement (scikit-learn's `max_samples`).
public enum MaxSamples: Sendable, Equatable {
    /// Exactly `n` draws, `1 ≤ n ≤ rows`.
    case count(Int)
    /// `max(1, round(f · rows))` draws (half to even, as Python rounds), `0 < f ≤ 1`.
    case fraction(Double)

    /// The number of draws for `rowCount` training rows; throws `MLError` naming the
    /// `max-samples` option when the value is out of range.
    public func resolve(rowCount: Int) throws -> Int {
        switch self {
        case .count(let n):
            guard n >= 1 else { throw MLError("max-samples must be at least 1, found \(n)") }
            guard n <= rowCount else {
                throw MLError("max-samples must be at most the number of training rows (\(rowCount)), found \(n)")
            }
            return n
        case .fraction(let f):
            guard f > 0, f <= 1 else {
                throw MLError("max-samples as a fraction must be in (0, 1], found \(f)")
            }
            return max(1, Int((f * Double(rowCount)).rounded(.toNearestOrEven)))
        }
    }
}
