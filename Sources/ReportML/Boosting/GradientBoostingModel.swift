import Foundation

/// A fitted `GradientBoostingClassifier`: baseline raw scores plus the sum of its trees'
/// leaf values, turned into probabilities by the logistic function (two classes) or softmax,
/// as scikit-learn's `HistGradientBoostingClassifier`.
public struct GradientBoostingModel: FittedClassifier {
    public let classCount: Int
    public let featureCount: Int
    /// Raw score of the constant model, one per output (scikit-learn's `_baseline_prediction`):
    /// one output for two classes, one per class seen in training otherwise.
    public let baseline: [Double]
    /// Boosting iterations fitted (scikit-learn's `n_iter_`).
    public let iterations: Int
    /// Whether early stopping ended the fit before `maxIter` iterations.
    public let stoppedEarly: Bool
    /// Whether the fit finished: it stopped early, or ran all iterations without early
    /// stopping. False only when early stopping was on and the validation loss was still
    /// improving after `maxIter` iterations.
    public let converged: Bool
    /// Mean training log loss before the first tree and after each iteration
    /// (`iterations + 1` values; scikit-learn records `-train_score_` only with early stopping).
    public let trainLoss: [Double]
    /// Mean validation log loss, likewise, when early stopping held rows out (else empty;
    /// scikit-learn's `-validation_score_`).
    public let validationLoss: [Double]
    /// Bin upper bounds of each feature (scikit-learn's `_bin_mapper.bin_thresholds_`).
    public let binThresholds: [[Double]]
    let trees: BoostedTrees
    let present: PresentClasses
    /// Worker threads for prediction (the fit context's).
    let threads: Int

    static let chunkSize = 512

    init(
        classCount: Int, featureCount: Int, baseline: [Double], trees: BoostedTrees, iterations: Int,
        stoppedEarly: Bool, converged: Bool, trainLoss: [Double], validationLoss: [Double],
        binThresholds: [[Double]], present: PresentClasses, threads: Int
    ) {
        self.classCount = classCount
        self.featureCount = featureCount
        self.baseline = baseline
        self.trees = trees
        self.iterations = iterations
        self.stoppedEarly = stoppedEarly
        self.converged = converged
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
        self.binThresholds = binThresholds
        self.present = present
        self.threads = threads
    }

    /// Trees fitted (iterations × outputs).
    public var treeCount: Int { trees.treeCount }

    /// Leaves of each tree, in fitting order (iteration-major, then class).
    public var leafCounts: [Int] { trees.leafCounts }

    /// Raw scores, row-major `rows × baseline.count` (scikit-learn's `decision_function`;
    /// one column for two classes).
    public func decisionFunction(_ x: FeatureMatrix) -> [Double] {
        let outputs = baseline.count
        let baseline = self.baseline
        let trees = self.trees
        let columns = x.columns
        let chunks = RowChunks.map(count: x.rows, chunkSize: Self.chunkSize, threads: threads) { rows in
            var scores = [Double](repeating: 0, count: rows.count * outputs)
            for i in 0..<rows.count { for k in 0..<outputs { scores[i * outputs + k] = baseline[k] } }
            x.values.withUnsafeBufferPointer { values in
                scores.withUnsafeMutableBufferPointer { scores in
                    guard let values = values.baseAddress, let out = scores.baseAddress else { return }
                    trees.accumulate(values: values + rows.lowerBound * columns, columns: columns,
                                     rows: 0..<rows.count, outputs: outputs, into: out)
                }
            }
            return scores
        }
        return chunks.flatMap { $0 }
    }

    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        let scores = decisionFunction(x)
        let outputs = baseline.count
        let present = self.present.classes.count
        var probabilities = [Double](repeating: 0, count: x.rows * present)
        for row in 0..<x.rows {
            if outputs == 1 {
                let positive = BoostingLoss.expit(scores[row])
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

    /// The class with the highest raw score (first on ties; a score above 0 picks the second
    /// of two classes), as scikit-learn.
    public func predict(_ x: FeatureMatrix) -> [Int] {
        let scores = decisionFunction(x)
        let outputs = baseline.count
        let classes = present.classes
        return (0..<x.rows).map { row in
            if outputs == 1 { return scores[row] > 0 ? classes[1] : classes[0] }
            var best = 0
            for k in 1..<outputs where scores[row * outputs + k] > scores[row * outputs + best] { best = k }
            return classes[best]
        }
    }
}

/// Stored field by field, trees included (see `ClassifierArchive`).
extension GradientBoostingModel: Codable {}
