import Foundation

/// A fitted `SGDClassifier`: one coefficient row and intercept per class (one row for two
/// classes), scores w·x + b, probabilities for log-loss and modified-Huber models, as
/// scikit-learn.
public struct SGDClassifierModel: ScoringClassifier {
    public let classCount: Int
    public let featureCount: Int
    /// The loss the model was trained on (it decides whether there are probabilities).
    public let loss: SGDClassifier.Loss
    /// The class index of each coefficient row: every class seen in training, or only the
    /// second of two (scikit-learn's `coef_` rows).
    public let coefficientClasses: [Int]
    /// One row of `featureCount` coefficients per entry of `coefficientClasses`.
    public let coefficients: [[Double]]
    /// One intercept per coefficient row.
    public let intercepts: [Double]
    /// Epochs run, the most over the binary problems (scikit-learn's `n_iter_`).
    public let iterations: Int
    /// False when `iterations` reached `maxIter` with a tolerance set (scikit-learn warns).
    public let converged: Bool
    let present: PresentClasses
    /// Worker threads for prediction (the fit context's).
    let threads: Int

    static let chunkSize = 8192

    /// Raw scores w·x + b, row-major `rows × coefficientClasses.count` (scikit-learn's
    /// `decision_function`; one column for binary problems).
    public func decisionFunction(_ x: FeatureMatrix) -> [Double] {
        precondition(x.columns == featureCount, "SGDClassifierModel: \(x.columns) features, expected \(featureCount)")
        let outputs = coefficients.count
        let p = featureCount
        let flat = coefficients.flatMap { $0 }
        let intercepts = self.intercepts
        let chunks = RowChunks.map(count: x.rows, chunkSize: Self.chunkSize, threads: threads) { rows in
            var scores = [Double](repeating: 0, count: rows.count * outputs)
            x.values.withUnsafeBufferPointer { values in
                flat.withUnsafeBufferPointer { w in
                    for (i, row) in rows.enumerated() {
                        for k in 0..<outputs {
                            var sum = 0.0
                            for j in 0..<p { sum += values[row * p + j] * w[k * p + j] }
                            scores[i * outputs + k] = sum + intercepts[k]
                        }
                    }
                }
            }
            return scores
        }
        return chunks.flatMap { $0 }
    }

    /// Scores in one-vs-rest shape, `rows × classCount`: [−s, s] for two classes, −∞ for
    /// classes absent from training.
    public func classScores(_ x: FeatureMatrix) -> [Double] {
        let scores = decisionFunction(x)
        let outputs = coefficients.count
        var out = [Double](repeating: -.infinity, count: x.rows * classCount)
        for row in 0..<x.rows {
            if outputs == 1 {
                out[row * classCount + present.classes[0]] = -scores[row]
                out[row * classCount + present.classes[1]] = scores[row]
            } else {
                for (k, label) in coefficientClasses.enumerated() { out[row * classCount + label] = scores[row * outputs + k] }
            }
        }
        return out
    }

    /// Probabilities for log-loss (the logistic function of each score) and modified Huber
    /// ((clip(score, −1, 1) + 1) / 2), normalised over the classes when there are more than
    /// two (a row of zeros becomes uniform), as scikit-learn; nil for hinge.
    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        guard loss != .hinge else { return nil }
        let scores = decisionFunction(x)
        let outputs = coefficients.count
        let present = self.present.classes.count
        var probabilities = [Double](repeating: 0, count: x.rows * present)
        let logistic = loss == .logLoss
        func positive(_ score: Double) -> Double {
            if logistic { return 1 / (1 + Foundation.exp(-score)) }
            let clipped = Swift.min(Swift.max(score, -1), 1)
            return (clipped + 1) / 2
        }
        for row in 0..<x.rows {
            if outputs == 1 {
                let p = positive(scores[row])
                probabilities[row * 2] = 1 - p
                probabilities[row * 2 + 1] = p
                continue
            }
            var sum = 0.0
            for k in 0..<outputs {
                let p = positive(scores[row * outputs + k])
                probabilities[row * present + k] = p
                sum += p
            }
            for k in 0..<outputs {
                probabilities[row * present + k] = sum == 0 ? 1 / Double(outputs) : probabilities[row * present + k] / sum
            }
        }
        return self.present.expand(probabilities, rows: x.rows)
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
}

/// Stored field by field (see `ClassifierArchive`).
extension SGDClassifierModel: Codable {}
