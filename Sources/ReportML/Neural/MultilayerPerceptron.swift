import ReportData

/// A multi-layer perceptron classifier as scikit-learn's `MLPClassifier` with the Adam
/// solver: hidden layers [100], ReLU, α 1e-4, batches of min(200, n) rows, learning rate
/// 0.001, at most 200 epochs, stopping after 10 epochs without a `tol` (1e-4) improvement,
/// in 32-bit arithmetic.
///
/// The output layer is a softmax trained on cross-entropy for three or more classes and a
/// single logistic unit for two, as scikit-learn. Weights start Glorot-uniform (bound
/// √(6/(fan-in + fan-out)), √(2/…) for the logistic activation) from `context.seed`; every
/// batch takes the Adam step on the mean loss plus 0.5·α·‖W‖² / (rows of the batch, or
/// their weight sum), exactly scikit-learn's update. Rows are reshuffled every epoch (seeded)
/// unless `shuffle` is false. With `earlyStopping` a stratified `validationFraction` of the
/// rows is held out, training stops when its accuracy has not improved by `tol` for more than
/// `nIterNoChange` epochs and the best weights are kept; otherwise the same rule applies to
/// the training loss. Each batch is split into fixed row chunks that run on
/// `context.threads` threads and whose gradients are summed in chunk order, so the result
/// does not depend on the thread count. Classes absent from the training rows are not
/// modelled and get probability 0. scikit-learn's MLP has no `class_weight`; sample weights
/// are honoured as in scikit-learn ≥ 1.7. `precision: .double` retraces scikit-learn's
/// float64 fit step for step (same weights to rounding from the same start and row order);
/// the default `.single` trains as scikit-learn does on float32 data, about twice as fast.
public struct MultilayerPerceptron: Classifier {
    /// The hidden layers' activation function.
    public enum Activation: String, Sendable, Equatable, CaseIterable {
        /// max(0, x) (scikit-learn's default).
        case relu
        /// tanh(x).
        case tanh
        /// 1 / (1 + e⁻ˣ).
        case logistic
        /// x.
        case identity
    }

    /// The arithmetic the network trains in.
    public enum Precision: String, Sendable, Equatable {
        /// 32-bit floating point, as scikit-learn on float32 data (the default): about twice
        /// as fast as `.double`, with the same accuracy.
        case single
        /// 64-bit floating point, as scikit-learn on float64 data: the same steps to rounding.
        case double
    }

    /// Units of each hidden layer (default [100]; at least one layer, each ≥ 1 unit).
    public var hiddenLayerSizes: [Int]
    /// Hidden activation (default `.relu`).
    public var activation: Activation
    /// L2 penalty strength α (default 1e-4, ≥ 0).
    public var alpha: Double
    /// Rows per batch (default nil = min(200, rows); larger values are clipped to the rows).
    public var batchSize: Int?
    /// Adam's step size, scikit-learn's `learning_rate_init` (default 0.001, > 0).
    public var learningRate: Double
    /// Maximum number of epochs (default 200).
    public var maxIter: Int
    /// Whether to reshuffle the rows every epoch (default true).
    public var shuffle: Bool
    /// Improvement in loss (or validation accuracy) that counts as progress (default 1e-4).
    public var tol: Double
    /// Epochs without progress tolerated before stopping (default 10).
    public var nIterNoChange: Int
    /// Whether to stop on validation accuracy instead of training loss (default false).
    public var earlyStopping: Bool
    /// Share of rows held out for early stopping (default 0.1, in (0, 1)).
    public var validationFraction: Double
    /// Adam's first-moment decay β₁ (default 0.9, in [0, 1)).
    public var beta1: Double
    /// Adam's second-moment decay β₂ (default 0.999, in [0, 1)).
    public var beta2: Double
    /// Adam's ε (default 1e-8, > 0).
    public var epsilon: Double
    /// Arithmetic precision (default `.single`; `.double` reproduces scikit-learn's float64
    /// fit step for step).
    public var precision: Precision

    /// A build of the single-precision network kernels.
    @_spi(Testing) public enum KernelPath: Sendable, CaseIterable {
        /// What every fit uses: on x86-64 the C kernels' AVX2 build where the processor has
        /// AVX2, else their SSE2 baseline; the Swift kernels on other processors.
        case automatic
        /// The C kernels' SSE2 baseline (x86-64).
        case baseline
        /// The C kernels' AVX2 build (x86-64; the baseline where the processor lacks AVX2).
        case avx2
        /// The Swift kernels that double precision and other processors run.
        case swift
    }

    /// Which kernel build the fit runs; every one gives the same bits, which tests check.
    @_spi(Testing) public var kernelPath: KernelPath = .automatic

    /// Whether this processor runs the AVX2 kernels.
    @_spi(Testing) public static var runsAVX2Kernels: Bool { DenseKernels.Path.automatic.resolved == .avx2 }

    public init(
        hiddenLayerSizes: [Int] = [100], activation: Activation = .relu, alpha: Double = 1e-4,
        batchSize: Int? = nil, learningRate: Double = 0.001, maxIter: Int = 200, shuffle: Bool = true,
        tol: Double = 1e-4, nIterNoChange: Int = 10, earlyStopping: Bool = false,
        validationFraction: Double = 0.1, beta1: Double = 0.9, beta2: Double = 0.999,
        epsilon: Double = 1e-8, precision: Precision = .single
    ) {
        self.hiddenLayerSizes = hiddenLayerSizes
        self.activation = activation
        self.alpha = alpha
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.maxIter = maxIter
        self.shuffle = shuffle
        self.tol = tol
        self.nIterNoChange = nIterNoChange
        self.earlyStopping = earlyStopping
        self.validationFraction = validationFraction
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.precision = precision
    }

    /// Checks the hyperparameters, naming options as report authors write them.
    public func validate() throws {
        guard !hiddenLayerSizes.isEmpty else {
            throw MLError("hidden-layer-sizes must list at least one hidden layer")
        }
        if let bad = hiddenLayerSizes.first(where: { $0 < 1 }) {
            throw MLError("hidden-layer-sizes must be positive numbers of units, found \(bad)")
        }
        guard alpha >= 0, alpha.isFinite else {
            throw MLError("alpha must be a non-negative number, found \(NumberText.shortest(alpha))")
        }
        if let batchSize, batchSize < 1 {
            throw MLError("batch-size must be at least 1, found \(batchSize)")
        }
        guard learningRate > 0, learningRate.isFinite else {
            throw MLError("learning-rate must be positive, found \(NumberText.shortest(learningRate))")
        }
        guard maxIter >= 1 else { throw MLError("max-iter must be at least 1, found \(maxIter)") }
        guard tol >= 0, tol.isFinite else {
            throw MLError("tol must be a non-negative number, found \(NumberText.shortest(tol))")
        }
        guard nIterNoChange >= 1 else {
            throw MLError("n-iter-no-change must be at least 1, found \(nIterNoChange)")
        }
        guard validationFraction > 0, validationFraction < 1 else {
            throw MLError("validation-fraction must be between 0 and 1 (exclusive), found \(NumberText.shortest(validationFraction))")
        }
        guard (0..<1).contains(beta1) else {
            throw MLError("beta-1 must be in [0, 1), found \(NumberText.shortest(beta1))")
        }
        guard (0..<1).contains(beta2) else {
            throw MLError("beta-2 must be in [0, 1), found \(NumberText.shortest(beta2))")
        }
        guard epsilon > 0, epsilon.isFinite else {
            throw MLError("epsilon must be positive, found \(NumberText.shortest(epsilon))")
        }
    }

    public func fit(_ data: TrainingSet, context: FitContext) throws -> MultilayerPerceptronModel {
        try fit(data, context: context, initialWeights: nil)
    }

    /// Fits starting from `initialWeights` (scikit-learn's `coefs_` / `intercepts_` set
    /// before a warm-started fit) instead of the seeded Glorot draw; nil draws them.
    /// Throws `MLError` when their layer sizes do not match the data and hidden layers.
    public func fit(
        _ data: TrainingSet, context: FitContext, initialWeights: NetworkWeights?
    ) throws -> MultilayerPerceptronModel {
        try validate()
        try data.validate()
        guard data.x.columns > 0 else { throw MLError("the training set has no feature columns") }
        let present = PresentClasses(y: data.y, classCount: data.classCount)
        let compactY = present.compact(data.y)
        let outputs = present.classes.count == 2 ? 1 : present.classes.count
        let units = [data.x.columns] + hiddenLayerSizes + [outputs]

        // Early stopping holds out a stratified share of the rows.
        var trainRows = Array(0..<data.x.rows)
        var validationRows: [Int] = []
        if earlyStopping {
            var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(context.seed, "mlp/validation"))
            (trainRows, validationRows) = StratifiedHoldout.split(
                y: compactY, classCount: present.classes.count, fraction: validationFraction, using: &rng
            )
            guard validationRows.count >= 2, !trainRows.isEmpty else {
                throw MLError("the validation set is too small: raise validation-fraction or use more rows (\(data.x.rows) rows)")
            }
        }
        if let weights = data.sampleWeight {
            guard trainRows.contains(where: { weights[$0] > 0 }) else {
                throw MLError("all training rows have weight 0")
            }
        }

        let weights: NetworkWeights
        if let initialWeights {
            guard initialWeights.layerUnits == units else {
                throw MLError("initial weights have layers \(initialWeights.layerUnits), expected \(units)")
            }
            weights = initialWeights
        } else {
            var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(context.seed, "mlp/init"))
            weights = NetworkWeights.glorot(layerUnits: units, logistic: activation == .logistic, using: &rng)
        }

        let settings = NetworkTrainingSettings(
            activation: activation, alpha: alpha,
            batchSize: min(batchSize ?? 200, trainRows.count),
            learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
            maxIter: maxIter, shuffle: shuffle, tol: tol, nIterNoChange: nIterNoChange,
            shuffleSeed: SeedDerivation.derive(context.seed, "mlp/shuffle"),
            threads: max(1, context.threads),
            kernels: kernelPath.dense
        )
        let problem = NetworkTrainingProblem(
            x: data.x, y: compactY, sampleWeight: data.sampleWeight,
            trainRows: trainRows, validationRows: validationRows
        )
        let result: NetworkTrainingResult
        switch precision {
        case .double:
            result = NetworkTrainer<Double>(weights: weights, settings: settings, problem: problem)
                .train(progress: context.progress)
        case .single:
            result = NetworkTrainer<Float>(weights: weights, settings: settings, problem: problem)
                .train(progress: context.progress)
        }
        context.progress(1)
        guard result.weights.isFinite else {
            throw MLError("training diverged (weights are not finite); scale the features, e.g. with a standard scaler")
        }
        return MultilayerPerceptronModel(
            classCount: data.classCount, featureCount: data.x.columns, activation: activation,
            weights: result.weights, lossCurve: result.lossCurve,
            validationScores: earlyStopping ? result.validationScores : nil,
            iterations: result.iterations, converged: result.converged,
            present: present, threads: max(1, context.threads)
        )
    }
}

/// Stored by name.
extension MultilayerPerceptron.Activation: Codable {}

extension MultilayerPerceptron.KernelPath {
    var dense: DenseKernels.Path {
        switch self {
        case .automatic: .automatic
        case .baseline: .baseline
        case .avx2: .avx2
        case .swift: .swift
        }
    }
}
