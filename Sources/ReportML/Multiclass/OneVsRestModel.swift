/// A fitted `OneVsRest`: one binary model per class (one in all for two classes).
public struct OneVsRestModel<Model: FittedClassifier>: FittedClassifier {
    public let classCount: Int
    public let featureCount: Int
    /// The class each model separates from the rest.
    public let targets: [Int]
    /// The binary models, one per entry of `targets`.
    public let models: [Model]
    let present: PresentClasses

    /// Each model's probability of class 1, row-major `rows × models.count`; nil when the
    /// models have no probabilities.
    func positiveProbabilities(_ x: FeatureMatrix) -> [Double]? {
        let columns = models.count
        var out = [Double](repeating: 0, count: x.rows * columns)
        for (i, model) in models.enumerated() {
            guard let probabilities = model.predictProbabilities(x) else { return nil }
            for row in 0..<x.rows { out[row * columns + i] = probabilities[row * 2 + 1] }
        }
        return out
    }

    /// Each model's score for its class: the probability of class 1, or its 0/1 prediction
    /// when the models have no probabilities.
    func scores(_ x: FeatureMatrix) -> [Double] {
        if let probabilities = positiveProbabilities(x) { return probabilities }
        let columns = models.count
        var out = [Double](repeating: 0, count: x.rows * columns)
        for (i, model) in models.enumerated() {
            for (row, label) in model.predict(x).enumerated() { out[row * columns + i] = Double(label) }
        }
        return out
    }

    /// Each model's probability for its class divided by their sum per row (scikit-learn's
    /// normalisation; a row where every model says 0 becomes uniform); [1 − p, p] with two
    /// classes. Nil when the base model has no probabilities.
    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        guard let scores = positiveProbabilities(x) else { return nil }
        let present = self.present.classes.count
        var probabilities = [Double](repeating: 0, count: x.rows * present)
        if models.count == 1 {
            for row in 0..<x.rows {
                probabilities[row * 2] = 1 - scores[row]
                probabilities[row * 2 + 1] = scores[row]
            }
        } else {
            for row in 0..<x.rows {
                var sum = 0.0
                for k in 0..<present { sum += scores[row * present + k] }
                for k in 0..<present {
                    probabilities[row * present + k] = sum > 0 ? scores[row * present + k] / sum : 1 / Double(present)
                }
            }
        }
        return self.present.expand(probabilities, rows: x.rows)
    }

    /// The class whose model scores highest (the last such class on ties, as scikit-learn);
    /// with two classes, the second when its probability exceeds 0.5.
    public func predict(_ x: FeatureMatrix) -> [Int] {
        let scores = scores(x)
        let columns = models.count
        let classes = present.classes
        return (0..<x.rows).map { row in
            if columns == 1 { return scores[row] > 0.5 ? classes[1] : classes[0] }
            var best = 0
            for k in 1..<columns where scores[row * columns + k] >= scores[row * columns + best] { best = k }
            return targets[best]
        }
    }
}

/// Stored as its classes and binary models (see `ClassifierArchive`).
extension OneVsRestModel: Codable where Model: Codable {}
