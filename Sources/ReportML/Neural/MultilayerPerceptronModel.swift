/// A fitted `MultilayerPerceptron`: the network's weights and its training history;
/// probabilities from a softmax output (or one logistic unit for two classes), as
/// scikit-learn's `MLPClassifier.predict_proba`.
public struct MultilayerPerceptronModel: FittedClassifier {
    public let classCount: Int
    public let featureCount: Int
    /// The hidden layers' activation.
    public let activation: MultilayerPerceptron.Activation
    /// The trained weights (`coefs_`, `intercepts_`); the output layer has one unit per class
    /// seen in training, or a single unit for two classes.
    public let weights: NetworkWeights
    /// Mean training loss (log-loss plus the L2 term) after every epoch (`loss_curve_`).
    public let lossCurve: [Double]
    /// Validation accuracy after every epoch with early stopping, else nil
    /// (`validation_scores_`).
    public let validationScores: [Double]?
    /// Epochs run (`n_iter_`).
    public let iterations: Int
    /// Whether training stopped by its tolerance rule before `maxIter` epochs
    /// (scikit-learn warns otherwise).
    public let converged: Bool
    let present: PresentClasses
    /// Worker threads for prediction (the fit context's).
    let threads: Int
    /// Every coefficient matrix, then every bias vector, in one array.
    private let packed: [Double]
    private let coefficientOffsets: [Int]
    private let interceptOffsets: [Int]

    init(
        classCount: Int, featureCount: Int, activation: MultilayerPerceptron.Activation,
        weights: NetworkWeights, lossCurve: [Double], validationScores: [Double]?,
        iterations: Int, converged: Bool, present: PresentClasses, threads: Int
    ) {
        self.classCount = classCount
        self.featureCount = featureCount
        self.activation = activation
        self.weights = weights
        self.lossCurve = lossCurve
        self.validationScores = validationScores
        self.iterations = iterations
        self.converged = converged
        self.present = present
        self.threads = threads
        packed = weights.coefficients.flatMap { $0 } + weights.intercepts.flatMap { $0 }
        var offsets: [Int] = []
        var offset = 0
        for matrix in weights.coefficients {
            offsets.append(offset)
            offset += matrix.count
        }
        coefficientOffsets = offsets
        offsets = []
        for vector in weights.intercepts {
            offsets.append(offset)
            offset += vector.count
        }
        interceptOffsets = offsets
    }

    /// The training loss of the last epoch (`loss_`).
    public var loss: Double { lossCurve.last ?? .nan }

    /// The best validation accuracy with early stopping (`best_validation_score_`).
    public var bestValidationScore: Double? { validationScores?.max() }

    /// Output-layer activations, row-major `rows × outputs` (one column for two classes).
    func outputs(_ x: FeatureMatrix) -> [Double] {
        precondition(x.columns == featureCount, "MultilayerPerceptronModel: \(x.columns) features, expected \(featureCount)")
        return x.values.withUnsafeBufferPointer { values in
            packed.withUnsafeBufferPointer { parameters in
                guard let base = parameters.baseAddress else { return [] }
                return NetworkForward.outputs(
                    x: values, features: featureCount, rowIndices: nil, units: weights.layerUnits,
                    coefficients: coefficientOffsets.map { base + $0 },
                    intercepts: interceptOffsets.map { base + $0 },
                    activation: activation, threads: threads
                )
            }
        }
    }

    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        let out = outputs(x)
        guard weights.layerUnits.last == 1 else { return present.expand(out, rows: x.rows) }
        var probabilities = [Double](repeating: 0, count: x.rows * 2)
        for row in 0..<x.rows {
            probabilities[row * 2] = 1 - out[row]
            probabilities[row * 2 + 1] = out[row]
        }
        return present.expand(probabilities, rows: x.rows)
    }

    /// The most probable class (the first on ties); with two classes the second when its
    /// probability exceeds 0.5, as scikit-learn.
    public func predict(_ x: FeatureMatrix) -> [Int] {
        let out = outputs(x)
        let classes = present.classes
        let columns = weights.layerUnits.last ?? 1
        return (0..<x.rows).map { row in
            if columns == 1 { return out[row] > 0.5 ? classes[1] : classes[0] }
            var best = 0
            for k in 1..<columns where out[row * columns + k] > out[row * columns + best] { best = k }
            return classes[best]
        }
    }
}

/// Stored without the packed copy of the weights, which decoding rebuilds.
extension MultilayerPerceptronModel: Codable {
    private enum CodingKeys: String, CodingKey {
        case classCount, featureCount, activation, weights, lossCurve, validationScores, iterations, converged
        case present, threads
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            classCount: try container.decode(Int.self, forKey: .classCount),
            featureCount: try container.decode(Int.self, forKey: .featureCount),
            activation: try container.decode(MultilayerPerceptron.Activation.self, forKey: .activation),
            weights: try container.decode(NetworkWeights.self, forKey: .weights),
            lossCurve: try container.decode([Double].self, forKey: .lossCurve),
            validationScores: try container.decodeIfPresent([Double].self, forKey: .validationScores),
            iterations: try container.decode(Int.self, forKey: .iterations),
            converged: try container.decode(Bool.self, forKey: .converged),
            present: try container.decode(PresentClasses.self, forKey: .present),
            threads: try container.decode(Int.self, forKey: .threads))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(classCount, forKey: .classCount)
        try container.encode(featureCount, forKey: .featureCount)
        try container.encode(activation, forKey: .activation)
        try container.encode(weights, forKey: .weights)
        try container.encode(lossCurve, forKey: .lossCurve)
        try container.encodeIfPresent(validationScores, forKey: .validationScores)
        try container.encode(iterations, forKey: .iterations)
        try container.encode(converged, forKey: .converged)
        try container.encode(present, forKey: .present)
        try container.encode(threads, forKey: .threads)
    }
}
