import Foundation

/// A fitted `GaussianNaiveBayes`: per-class means, variances and priors (scikit-learn's
/// `theta_`, `var_`, `class_prior_`), indexed by the classes seen in training.
public struct GaussianNaiveBayesModel: FittedClassifier {
    public let classCount: Int
    public let featureCount: Int
    /// The class index of each row of `means` and `variances` (classes seen in training).
    public let classes: [Int]
    /// Row-major `classes.count × featureCount` feature means.
    public let means: [Double]
    /// Row-major `classes.count × featureCount` variances, smoothing included.
    public let variances: [Double]
    /// Prior of each class in `classes`.
    public let priors: [Double]
    /// The variance added to every variance (scikit-learn's `epsilon_`).
    public let epsilon: Double
    /// Total (sample-weighted) rows of each class in `classes` (scikit-learn's `class_count_`).
    public let classCounts: [Double]
    let present: PresentClasses
    let threads: Int

    static let chunkSize = 4096

    /// Joint log likelihood, row-major `rows × classes.count`.
    public func jointLogLikelihood(_ x: FeatureMatrix) -> [Double] {
        let p = featureCount
        let classCount = classes.count
        var constants = [Double](repeating: 0, count: classCount)
        for k in 0..<classCount {
            var logDeterminant = 0.0
            for j in 0..<p {
                logDeterminant += Foundation.log(2 * Double.pi * variances[k * p + j])
            }
            constants[k] = Foundation.log(priors[k]) - 0.5 * logDeterminant
        }
        let means = self.means
        let variances = self.variances
        let logConstants = constants
        let chunks = RowChunks.map(count: x.rows, chunkSize: Self.chunkSize, threads: threads) { rows in
            var out = [Double](repeating: 0, count: rows.count * classCount)
            x.values.withUnsafeBufferPointer { values in
                for (i, row) in rows.enumerated() {
                    for k in 0..<classCount {
                        var sum = 0.0
                        for j in 0..<p {
                            let d = values[row * p + j] - means[k * p + j]
                            sum += d * d / variances[k * p + j]
                        }
                        out[i * classCount + k] = logConstants[k] - 0.5 * sum
                    }
                }
            }
            return out
        }
        return chunks.flatMap { $0 }
    }

    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        var jll = jointLogLikelihood(x)
        let k = classes.count
        for row in 0..<x.rows {
            var maxValue = -Double.infinity
            for c in 0..<k { maxValue = max(maxValue, jll[row * k + c]) }
            var sum = 0.0
            for c in 0..<k { sum += Foundation.exp(jll[row * k + c] - maxValue) }
            let logSum = maxValue + Foundation.log(sum)
            for c in 0..<k { jll[row * k + c] = Foundation.exp(jll[row * k + c] - logSum) }
        }
        return present.expand(jll, rows: x.rows)
    }

    /// The class with the highest joint log likelihood (first on ties).
    public func predict(_ x: FeatureMatrix) -> [Int] {
        let jll = jointLogLikelihood(x)
        let k = classes.count
        return (0..<x.rows).map { row in
            var best = 0
            for c in 1..<k where jll[row * k + c] > jll[row * k + best] { best = c }
            return classes[best]
        }
    }
}

/// Stored field by field (see `ClassifierArchive`).
extension GaussianNaiveBayesModel: Codable {}
