import Foundation

/// A fitted `LogisticRegression`: coefficients and intercepts per class, probabilities by
/// softmax (or the logistic function for two classes), as scikit-learn.
public struct LogisticRegressionModel: FittedClassifier {
    public let classCount: Int
    public let featureCount: Int
    /// The class index of each coefficient row: every class seen in training, or only the
    /// second of two (binary problems have one row, as scikit-learn's `coef_`).
    public let coefficientClasses: [Int]
    /// One row of `featureCount` coefficients per entry of `coefficientClasses`.
    public let coefficients: [[Double]]
    /// One intercept per coefficient row (0 when not fitted).
    public let intercepts: [Double]
    /// Solver iterations used (scikit-learn's `n_iter_`).
    public let iterations: Int
    /// Whether the solver met its tolerance within `maxIter` (scikit-learn warns otherwise).
    public let converged: Bool
    let present: PresentClasses
    /// Worker threads for prediction (the fit context's).
    let threads: Int

    static let chunkSize = 8192

    /// Raw scores, row-major `rows × coefficientClasses.count` (scikit-learn's
    /// `decision_function`; one column for binary problems).
    public func decisionFunction(_ x: FeatureMatrix) -> [Double] {
        let outputs = coefficients.count
        let p = featureCount
        let flat = coefficients.flatMap { $0 }
        let intercepts = self.intercepts
        let chunks = RowChunks.map(count: x.rows, chunkSize: Self.chunkSize, threads: threads) { rows in
            var scores = [Double](repeating: 0, count: rows.count * outputs)
            x.values.withUnsafeBufferPointer { values in
                for (i, row) in rows.enumerated() {
                    for k in 0..<outputs {
                        var sum = intercepts[k]
                        for j in 0..<p { sum += flat[k * p + j] * values[row * p + j] }
                        scores[i * outputs + k] = sum
                    }
                }
            }
            return scores
        }
        return chunks.flatMap { $0 }
    }

    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        let scores = decisionFunction(x)
        let outputs = coefficients.count
        let present = self.present.classes.count
        var probabilities = [Double](repeating: 0, count: x.rows * present)
        for row in 0..<x.rows {
            if outputs == 1 {
                let positive = LogisticLoss.expit(scores[row])
                probabilities[row * 2] = 1 - positive
                probabilities[row * 2 + 1] = positive
                continue
            }
            var maxScore = -Double.infinity
            for k in 0..<outputs { maxScore = max(maxScore, scores[row * outputs + k]) }
            var sum = 0.0
            for k in 0..<outputs {
                let e = Foundation.exp(scores[row * outputs + k] - maxScore)
                probabilities[row * present + k] = e
                sum += e
            }
            for k in 0..<outputs { probabilities[row * present + k] /= sum }
        }
        return self.present.expand(probabilities, rows: x.rows)
    }

    /// The class with the highest score (first on ties; score > 0 picks the second of two
    /// classes), as scikit-learn.
    public func predict(_ x: FeatureMatrix) -> [Int] {
        let scores = decisionFunction(x)
        let outputs = coefficients.count
        let classes = present.classes
        return (0..<x.rows).map { row in
            if outputs == 1 { return scores[row] > 0 ? classes[1] : classes[0] }
            var best = 0
            for k in 1..<outputs where scores[row * outputs + k] > scores[row * outputs + best] { best = k }
            return classes[best]
        }
    }
}
extension LogisticRegressionModel: LinearClassifierModel {}
extension LogisticRegressionModel: IterativeModel {}

/// Stored field by field (see `ClassifierArchive`).
extension LogisticRegressionModel: Codable {}
