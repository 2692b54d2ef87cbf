/// A fitted `LinearSVC`: one weight vector and intercept per one-vs-rest problem (a single
/// one for two classes), as scikit-learn's `coef_` and `intercept_`.
public struct LinearSVCModel: ScoringClassifier {
    public let classCount: Int
    public let featureCount: Int
    /// The class index of each coefficient row: every class seen in training, or only the
    /// second of two.
    public let coefficientClasses: [Int]
    /// One row of `featureCount` coefficients per entry of `coefficientClasses`.
    public let coefficients: [[Double]]
    /// One intercept per coefficient row (0 when not fitted).
    public let intercepts: [Double]
    /// The most passes any binary problem used (scikit-learn's `n_iter_`).
    public let iterations: Int
    /// Whether every binary problem met the tolerance within `maxIter`.
    public let converged: Bool
    let present: PresentClasses
    /// Worker threads for prediction (the fit context's).
    let threads: Int

    static let chunkSize = 8192

    /// Raw scores w·x + b, row-major `rows × coefficientClasses.count` (scikit-learn's
    /// `decision_function`; one column for two classes).
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
                        var sum = 0.0
                        for j in 0..<p { sum += flat[k * p + j] * values[row * p + j] }
                        scores[i * outputs + k] = sum + intercepts[k]
                    }
                }
            }
            return scores
        }
        return chunks.flatMap { $0 }
    }

    /// Scores per class index, row-major `rows × classCount`: the one-vs-rest scores (for two
    /// classes −d and d); classes absent from training score −∞.
    public func classScores(_ x: FeatureMatrix) -> [Double] {
        let scores = decisionFunction(x)
        let outputs = coefficients.count
        var out = [Double](repeating: -.infinity, count: x.rows * classCount)
        for r in 0..<x.rows {
            if outputs == 1 {
                out[r * classCount + present.classes[0]] = -scores[r]
                out[r * classCount + present.classes[1]] = scores[r]
            } else {
                for (k, label) in coefficientClasses.enumerated() { out[r * classCount + label] = scores[r * outputs + k] }
            }
        }
        return out
    }

    /// The class with the highest score (first on ties; a positive score picks the second of
    /// two classes), as scikit-learn.
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

    /// nil: a linear SVM has no probabilities (as scikit-learn's `LinearSVC`).
    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? { nil }
}

/// Stored field by field (see `ClassifierArchive`).
extension LinearSVCModel: Codable {}
