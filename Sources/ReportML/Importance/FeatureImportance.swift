import ReportData

/// Feature importances of fitted models.
public enum FeatureImportance {
    /// Impurity-based importances (mean decrease in impurity), summing to 1, as scikit-learn's
    /// `feature_importances_`.
    public static func impurity(_ model: some ImpurityImportanceModel) -> [Double] {
        model.featureImportances
    }

    /// Permutation importance with accuracy as the score, as scikit-learn's
    /// `permutation_importance(model, x, y, n_repeats: repeats)`: for every feature and
    /// repeat, the drop in accuracy when that feature's column is shuffled.
    ///
    /// The shuffles of feature `j` come from `SeedDerivation.derive(seed, "feature-j")`.
    /// Throws `MLError` when `repeats < 1`, `x` is empty, has the wrong number of features, or
    /// `y` does not match it.
    public static func permutation(
        model: some FittedClassifier, x: FeatureMatrix, y: [Int], repeats: Int = 5, seed: UInt64
    ) throws -> PermutationImportance {
        guard repeats >= 1 else { throw MLError("repeats must be at least 1, found \(repeats)") }
        guard x.rows > 0 else { throw MLError("permutation importance needs at least one row") }
        guard x.columns == model.featureCount else {
            throw MLError("the model was fitted on \(model.featureCount) features, not \(x.columns)")
        }
        guard y.count == x.rows else { throw MLError("\(y.count) labels for \(x.rows) rows") }
        if let (row, column) = x.firstNonFinite {
            throw MLError("feature \(column + 1) of row \(row + 1) is missing or not finite (NaN)")
        }
        let baseline = accuracy(model.predict(x), y)
        var drops = [[Double]]()
        var shuffled = x
        for feature in 0..<x.columns {
            var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "feature-\(feature)"))
            var column = x.column(feature)
            var featureDrops = [Double]()
            for _ in 0..<repeats {
                // Fisher–Yates shuffle of the column.
                for i in stride(from: column.count - 1, to: 0, by: -1) {
                    column.swapAt(i, rng.nextInt(below: i + 1))
                }
                for row in 0..<x.rows { shuffled[row, feature] = column[row] }
                featureDrops.append(baseline - accuracy(model.predict(shuffled), y))
            }
            for row in 0..<x.rows { shuffled[row, feature] = x[row, feature] }
            drops.append(featureDrops)
        }
        return PermutationImportance(baselineScore: baseline, drops: drops)
    }

    /// The share of `predicted` equal to `truth`.
    private static func accuracy(_ predicted: [Int], _ truth: [Int]) -> Double {
        var correct = 0
        for (p, t) in zip(predicted, truth) where p == t { correct += 1 }
        return Double(correct) / Double(truth.count)
    }
}
