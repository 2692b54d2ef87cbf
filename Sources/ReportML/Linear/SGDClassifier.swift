import ReportData

/// A linear classifier trained by stochastic gradient descent as scikit-learn's
/// `SGDClassifier`: hinge loss, L2 penalty α 1e-4, the 'optimal' learning rate, at most 1000
/// epochs, stopping after 5 epochs without a `tol` (1e-3) improvement of the objective.
///
/// Every row updates the weights in turn (`_plain_sgd`): after t steps the learning rate
/// is η = 1/(α(t₀ + t)), with Bottou's t₀ = 1/(η₀α) and η₀ = √(1/√α) / max(1, L′(y: 1,
/// f: −√(1/√α))); the L2 share of the penalty shrinks the weights by
/// max(0, 1 − (1 − l1-ratio)·η·α) before the gradient step, the L1 share is applied by
/// truncated gradient (Tsuruoka et al.), the intercept takes the unpenalised step. With more
/// than two classes one binary model is fitted per class (one-vs-rest, positives weighted by their class weight, the rest by 1);
/// two classes fit one model for the second class (negatives weighted by the first class's
/// weight). Rows are visited in a seeded shuffle, reshuffled every epoch, unless `shuffle`
/// is false; the binary problems run in parallel, each with its own seed, so results do not
/// depend on the thread count. `average` reports averaged SGD weights. With `earlyStopping`
/// a stratified `validationFraction` of the rows is held out (a seeded draw, not
/// scikit-learn's) and each binary problem stops on its accuracy there. Log-loss and
/// modified-Huber models give probabilities (normalised one-vs-rest); hinge models only
/// scores. Classes absent from the training rows are not modelled.
public struct SGDClassifier: Classifier {
    /// The loss minimised for each binary problem.
    public enum Loss: String, Sendable, Equatable, CaseIterable {
        /// max(0, 1 − y·f): a linear SVM (scikit-learn's default).
        case hinge
        /// log(1 + e^f) − y·f with y in {0, 1}: logistic regression.
        case logLoss = "log_loss"
        /// The quadratically smoothed hinge: (1 − y·f)² for y·f ≥ −1, −4y·f below.
        case modifiedHuber = "modified_huber"
    }

    /// The regulariser.
    public enum Penalty: String, Sendable, Equatable, CaseIterable {
        /// ½‖w‖² (the default).
        case l2
        /// ‖w‖₁.
        case l1
        /// (1 − l1-ratio)·½‖w‖² + l1-ratio·‖w‖₁.
        case elasticNet = "elasticnet"
        /// No penalty.
        case none
    }

    /// How the step size evolves.
    public enum LearningRate: String, Sendable, Equatable, CaseIterable {
        /// η = 1/(α(t + t₀)) (the default).
        case optimal
        /// η = η₀.
        case constant
        /// η = η₀ / t^power-t.
        case invScaling = "invscaling"
        /// η = η₀, divided by 5 whenever the stopping rule fires (until η ≤ 1e-6).
        case adaptive
    }

    /// The loss (default `.hinge`).
    public var loss: Loss
    /// The penalty (default `.l2`).
    public var penalty: Penalty
    /// Regularisation strength α (default 1e-4; > 0 for the optimal learning rate).
    public var alpha: Double
    /// L1 share of the elastic-net penalty (default 0.15, in [0, 1]).
    public var l1Ratio: Double
    /// Whether to fit intercepts (default true).
    public var fitIntercept: Bool
    /// Maximum number of epochs (default 1000).
    public var maxIter: Int
    /// Improvement of the objective (or validation accuracy) that counts as progress
    /// (default 1e-3; nil runs every epoch).
    public var tol: Double?
    /// Whether to reshuffle the rows every epoch (default true).
    public var shuffle: Bool
    /// Step-size schedule (default `.optimal`).
    public var learningRate: LearningRate
    /// Initial step size η₀ for the constant, invscaling and adaptive schedules (default 0.01).
    public var eta0: Double
    /// Exponent of the invscaling schedule (default 0.5).
    public var powerT: Double
    /// Whether to stop on the accuracy of a held-out share of the rows (default false).
    public var earlyStopping: Bool
    /// Share of rows held out for early stopping (default 0.1, in (0, 1)).
    public var validationFraction: Double
    /// Epochs without progress before stopping (default 5).
    public var nIterNoChange: Int
    /// Class weights (default `.none`).
    public var classWeight: ClassWeight
    /// Whether to report averaged SGD weights (default false).
    public var average: Bool

    public init(
        loss: Loss = .hinge, penalty: Penalty = .l2, alpha: Double = 1e-4, l1Ratio: Double = 0.15,
        fitIntercept: Bool = true, maxIter: Int = 1000, tol: Double? = 1e-3, shuffle: Bool = true,
        learningRate: LearningRate = .optimal, eta0: Double = 0.01, powerT: Double = 0.5,
        earlyStopping: Bool = false, validationFraction: Double = 0.1, nIterNoChange: Int = 5,
        classWeight: ClassWeight = .none, average: Bool = false
    ) {
        self.loss = loss
        self.penalty = penalty
        self.alpha = alpha
        self.l1Ratio = l1Ratio
        self.fitIntercept = fitIntercept
        self.maxIter = maxIter
        self.tol = tol
        self.shuffle = shuffle
        self.learningRate = learningRate
        self.eta0 = eta0
        self.powerT = powerT
        self.earlyStopping = earlyStopping
        self.validationFraction = validationFraction
        self.nIterNoChange = nIterNoChange
        self.classWeight = classWeight
        self.average = average
    }

    /// Checks the hyperparameters, naming options as report authors write them.
    public func validate() throws {
        guard alpha >= 0, alpha.isFinite else {
            throw MLError("alpha must be a non-negative number, found \(NumberText.shortest(alpha))")
        }
        if learningRate == .optimal, alpha == 0 {
            throw MLError("alpha must be positive with the optimal learning rate (it sets the step size)")
        }
        guard (0...1).contains(l1Ratio) else {
            throw MLError("l1-ratio must be between 0 and 1, found \(NumberText.shortest(l1Ratio))")
        }
        guard maxIter >= 1 else { throw MLError("max-iter must be at least 1, found \(maxIter)") }
        if let tol, !(tol >= 0 && tol.isFinite) {
            throw MLError("tol must be a non-negative number, found \(NumberText.shortest(tol))")
        }
        if learningRate != .optimal, !(eta0 > 0 && eta0.isFinite) {
            throw MLError("eta0 must be positive, found \(NumberText.shortest(eta0))")
        }
        guard powerT >= 0, powerT.isFinite else {
            throw MLError("power-t must be a non-negative number, found \(NumberText.shortest(powerT))")
        }
        guard validationFraction > 0, validationFraction < 1 else {
            throw MLError("validation-fraction must be between 0 and 1 (exclusive), found \(NumberText.shortest(validationFraction))")
        }
        guard nIterNoChange >= 1 else {
            throw MLError("n-iter-no-change must be at least 1, found \(nIterNoChange)")
        }
    }

    public func fit(_ data: TrainingSet, context: FitContext) throws -> SGDClassifierModel {
        try validate()
        try data.validate()
        // Row weights for the check only; class weights are applied per binary problem.
        _ = try classWeight.validatedRowWeights(y: data.y, classCount: data.classCount, sampleWeight: nil)
        let present = PresentClasses(y: data.y, classCount: data.classCount)
        let perClass = classWeights(present: present)
        let sampleWeight = data.sampleWeight ?? [Double](repeating: 1, count: data.x.rows)

        var isValidation = [Bool](repeating: false, count: data.x.rows)
        if earlyStopping {
            var rng = Xoshiro256StarStar(seed: SeedDerivation.derive(context.seed, "sgd/validation"))
            let (train, validation) = StratifiedHoldout.split(
                y: present.compact(data.y), classCount: present.classes.count,
                fraction: validationFraction, using: &rng
            )
            guard !train.isEmpty, !validation.isEmpty else {
                throw MLError("validation-fraction leaves an empty training or validation set (\(data.x.rows) rows)")
            }
            guard validation.contains(where: { sampleWeight[$0] > 0 }) else {
                throw MLError("the sample weights of the validation rows are all zero")
            }
            for row in validation { isValidation[row] = true }
        }

        let validationRows = isValidation
        // One binary problem per class (one for the second class of two).
        let targets = present.classes.count == 2 ? [1] : Array(0..<present.classes.count)
        let compact = present.compact(data.y)
        let settings = PlainSGD(
            loss: loss, penalty: penalty, alpha: alpha, l1Ratio: l1Ratio, fitIntercept: fitIntercept,
            maxIter: maxIter, tol: tol, shuffle: shuffle, learningRate: learningRate, eta0: eta0,
            powerT: powerT, earlyStopping: earlyStopping, nIterNoChange: nIterNoChange, average: average
        )
        let progress = SGDJobProgress(total: targets.count, report: context.progress)
        let results = RowChunks.map(count: targets.count, chunkSize: 1, threads: max(1, context.threads)) { range in
            let target = targets[range.lowerBound]
            // Log-loss labels are {0, 1}, the margin losses' {−1, +1}, as scikit-learn.
            let negative = settings.loss == .logLoss ? 0.0 : -1.0
            let y = compact.map { $0 == target ? 1 : negative }
            let negativeWeight = targets.count == 1 ? perClass[0] : 1.0
            let result = settings.fitBinary(
                x: data.x, y: y, sampleWeight: sampleWeight, positiveWeight: perClass[target],
                negativeWeight: negativeWeight, isValidation: validationRows,
                seed: SeedDerivation.derive(context.seed, "sgd/class-\(present.classes[target])")
            )
            progress.finishOne()
            return result
        }
        guard results.allSatisfy(\.isFinite) else {
            throw MLError("SGD diverged (weights are not finite); scale the features, e.g. with a standard scaler, or lower eta0")
        }
        let iterations = results.map(\.epochs).max() ?? 0
        return SGDClassifierModel(
            classCount: data.classCount, featureCount: data.x.columns, loss: loss,
            coefficientClasses: targets.map { present.classes[$0] },
            coefficients: results.map(\.coefficients), intercepts: results.map(\.intercept),
            iterations: iterations, converged: tol == nil || iterations < maxIter,
            present: present, threads: max(1, context.threads)
        )
    }

    /// The weight of each present class (compact index): 1, n/(classes·countₖ) for
    /// `.balanced`, or the explicit weight.
    private func classWeights(present: PresentClasses) -> [Double] {
        let total = Double(present.counts.reduce(0, +))
        let k = Double(present.classes.count)
        switch classWeight {
        case .none: return [Double](repeating: 1, count: present.classes.count)
        case .balanced: return present.counts.map { total / (k * Double($0)) }
        case .explicit(let weights): return present.classes.map { weights[$0] }
        }
    }
}

/// Stored by name.
extension SGDClassifier.Loss: Codable {}
