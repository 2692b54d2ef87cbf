/// Classification metrics that agree with `sklearn.metrics` to rounding (class codes are the
/// integers `0..<classCount`).
///
/// Where scikit-learn averages over classes and no `labels` are given, the classes are
/// those occurring in `yTrue` or `yPred` (scikit-learn's `unique_labels`), ascending.
/// Undefined ratios (0/0) are 0, as `zero_division=0`.
public enum ClassificationMetrics {
    /// The fraction of rows where `yPred` equals `yTrue` (`accuracy_score`); NaN for no rows.
    public static func accuracy(yTrue: [Int], yPred: [Int]) -> Double {
        precondition(yTrue.count == yPred.count, "accuracy: \(yTrue.count) true labels, \(yPred.count) predictions")
        guard !yTrue.isEmpty else { return .nan }
        var correct = 0
        for i in yTrue.indices where yTrue[i] == yPred[i] { correct += 1 }
        return Double(correct) / Double(yTrue.count)
    }

    /// The mean recall over classes that occur in `yTrue` (`balanced_accuracy_score`).
    public static func balancedAccuracy(yTrue: [Int], yPred: [Int]) -> Double {
        precondition(yTrue.count == yPred.count, "balancedAccuracy: \(yTrue.count) true labels, \(yPred.count) predictions")
        let labels = presentLabels(yTrue, yPred)
        var support = [Int: Int]()
        var hits = [Int: Int]()
        for i in yTrue.indices {
            support[yTrue[i], default: 0] += 1
            if yTrue[i] == yPred[i] { hits[yTrue[i], default: 0] += 1 }
        }
        var sum = 0.0
        var count = 0
        for label in labels {
            guard let total = support[label] else { continue }
            sum += Double(hits[label] ?? 0) / Double(total)
            count += 1
        }
        return count == 0 ? .nan : sum / Double(count)
    }

    /// The classes occurring in either sequence, ascending (`unique_labels`).
    public static func presentLabels(_ yTrue: [Int], _ yPred: [Int]) -> [Int] {
        Array(Set(yTrue).union(yPred)).sorted()
    }

    /// `numpy.percentile(values, q)` with its default linear interpolation, for `values`
    /// sorted ascending and q in 0…100; NaN when empty.
    public static func percentile(sorted values: [Double], _ q: Double) -> Double {
        guard let first = values.first else { return .nan }
        guard values.count > 1 else { return first }
        let position = q / 100 * Double(values.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, values.count - 1)
        let fraction = position - Double(below)
        // numpy's _lerp: a + (b − a)·t, from the other end when t ≥ 0.5.
        let a = values[below], b = values[above]
        let difference = b - a
        return fraction >= 0.5 ? b - difference * (1 - fraction) : a + difference * fraction
    }
}
