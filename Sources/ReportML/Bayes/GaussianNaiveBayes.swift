import ReportData

/// Gaussian naive Bayes, exactly as scikit-learn's `GaussianNB`.
///
/// Each class gets the (weighted) mean and population variance of every feature; every
/// variance is increased by ε = `varSmoothing` × the largest feature variance over all
/// training rows; priors are the class frequencies (weighted by sample weights) unless given.
/// Prediction maximises the joint log likelihood log P(k) − ½Σⱼ log(2π σ²ₖⱼ) −
/// ½Σⱼ (xⱼ − μₖⱼ)²/σ²ₖⱼ; probabilities normalise it with log-sum-exp. Classes absent from the
/// training rows get probability 0.
public struct GaussianNaiveBayes: Classifier {
    /// Fraction of the largest feature variance added to every variance (default 1e-9).
    public var varSmoothing: Double
    /// Prior probability of each class (nil = class frequencies, the default); one per class,
    /// non-negative, summing to 1.
    public var priors: [Double]?

    public init(varSmoothing: Double = 1e-9, priors: [Double]? = nil) {
        self.varSmoothing = varSmoothing
        self.priors = priors
    }

    /// Checks the hyperparameters against `classCount` classes.
    public func validate(classCount: Int) throws {
        guard varSmoothing >= 0, varSmoothing.isFinite else {
            throw MLError("var-smoothing must be a non-negative number, found \(NumberText.shortest(varSmoothing))")
        }
        if let priors {
            guard priors.count == classCount else {
                throw MLError("priors must give one probability per class (\(classCount)), found \(priors.count)")
            }
            guard priors.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw MLError("priors must be non-negative")
            }
            let sum = priors.reduce(0, +)
            // numpy.isclose(sum, 1): |sum − 1| ≤ 1e-8 + 1e-5.
            guard abs(sum - 1) <= 1e-8 + 1e-5 else { throw MLError("priors must sum to 1, found \(NumberText.shortest(sum))") }
        }
    }

    public func fit(_ data: TrainingSet, context: FitContext) throws -> GaussianNaiveBayesModel {
        try validate(classCount: data.classCount)
        try data.validate()
        let x = data.x
        let p = x.columns
        let present = PresentClasses(y: data.y, classCount: data.classCount)
        let classes = present.classes.count
        let labels = present.compact(data.y)
        let weights = data.sampleWeight

        // ε from the unweighted variance of every feature (as scikit-learn).
        let overall = Self.meanAndVariance(x, rows: 0..<x.rows, labels: [Int](repeating: 0, count: x.rows), classes: 1, weights: nil)
        let epsilon = varSmoothing * (overall.variance.max() ?? 0)

        let perClass = Self.meanAndVariance(x, rows: 0..<x.rows, labels: labels, classes: classes, weights: weights)
        guard perClass.weight.allSatisfy({ $0 > 0 }) else {
            throw MLError("a class has only rows of weight 0")
        }
        let variances = perClass.variance.map { $0 + epsilon }
        let classPriors: [Double]
        if let priors {
            classPriors = present.classes.map { priors[$0] }
        } else {
            let total = perClass.weight.reduce(0, +)
            classPriors = perClass.weight.map { $0 / total }
        }
        context.progress(1)
        return GaussianNaiveBayesModel(
            classCount: data.classCount, featureCount: p, classes: present.classes,
            means: perClass.mean, variances: variances, priors: classPriors,
            epsilon: epsilon, classCounts: perClass.weight, present: present,
            threads: max(1, context.threads)
        )
    }

    /// Per-class weighted mean and population variance (two passes), row-major
    /// `classes × features`, and the total weight of each class.
    static func meanAndVariance(
        _ x: FeatureMatrix, rows: Range<Int>, labels: [Int], classes: Int, weights: [Double]?
    ) -> (mean: [Double], variance: [Double], weight: [Double]) {
        let p = x.columns
        var mean = [Double](repeating: 0, count: classes * p)
        var variance = [Double](repeating: 0, count: classes * p)
        var weight = [Double](repeating: 0, count: classes)
        x.values.withUnsafeBufferPointer { values in
            for row in rows {
                let k = labels[row]
                let w = weights?[row] ?? 1
                weight[k] += w
                for j in 0..<p { mean[k * p + j] += w * values[row * p + j] }
            }
            for k in 0..<classes where weight[k] > 0 {
                for j in 0..<p { mean[k * p + j] /= weight[k] }
            }
            for row in rows {
                let k = labels[row]
                let w = weights?[row] ?? 1
                for j in 0..<p {
                    let d = values[row * p + j] - mean[k * p + j]
                    variance[k * p + j] += w * d * d
                }
            }
            for k in 0..<classes where weight[k] > 0 {
                for j in 0..<p { variance[k * p + j] /= weight[k] }
            }
        }
        return (mean, variance, weight)
    }
}
