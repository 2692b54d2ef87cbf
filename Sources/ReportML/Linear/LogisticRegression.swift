import ReportData

/// Multinomial logistic regression as scikit-learn's `LogisticRegression` (solver
/// `lbfgs`): minimises C·Σᵢ sᵢ·lossᵢ + penalty(W), intercepts unpenalised.
///
/// Two classes use the binomial loss with one coefficient row, more use the multinomial
/// (softmax) loss with one row per class, exactly as scikit-learn ≥ 1.5. `.l2` and `.none`
/// are minimised by `LBFGS`, which retraces SciPy's L-BFGS-B (Moré–Thuente line search,
/// same stopping rules on the same mean-scaled objective), so even an early stop at the
/// default `tol` lands where scikit-learn's does. `.elasticNet` adds an L1 term and is
/// minimised by OWL-QN (scikit-learn uses SAGA: same objective, different path, so the
/// coefficients agree to the solvers' tolerances). Rows are weighted by `classWeight` times
/// any sample weights. Classes absent from the training rows are not modelled and get
/// probability 0 (scikit-learn never sees them).
public struct LogisticRegression: Classifier {
    /// The regularisation term added to C·Σ loss.
    public enum Penalty: Sendable, Equatable {
        /// ½‖W‖² (scikit-learn's default, `l1_ratio=0`).
        case l2
        /// No penalty (scikit-learn's `C=np.inf`, formerly `penalty=None`).
        case none
        /// `l1Ratio`·‖W‖₁ + (1 − `l1Ratio`)/2·‖W‖², `l1Ratio` in [0, 1].
        case elasticNet(l1Ratio: Double)
    }

    /// Inverse regularisation strength, scikit-learn's `C` (default 1.0; must be positive,
    /// `.infinity` means no penalty).
    public var c: Double
    /// The penalty (default `.l2`).
    public var penalty: Penalty
    /// Maximum solver iterations (default 100, as scikit-learn).
    public var maxIter: Int
    /// Stop when the largest gradient component of the mean-scaled objective is at most
    /// this (default 1e-4, as scikit-learn's `tol` for lbfgs).
    public var tol: Double
    /// Whether to fit intercepts (default true).
    public var fitIntercept: Bool
    /// Class weights (default `.none`).
    public var classWeight: ClassWeight

    public init(
        c: Double = 1.0, penalty: Penalty = .l2, maxIter: Int = 100, tol: Double = 1e-4,
        fitIntercept: Bool = true, classWeight: ClassWeight = .none
    ) {
        self.c = c
        self.penalty = penalty
        self.maxIter = maxIter
        self.tol = tol
        self.fitIntercept = fitIntercept
        self.classWeight = classWeight
    }

    /// Checks the hyperparameters, naming options as report authors write them.
    public func validate() throws {
        guard c > 0 else { throw MLError("C must be positive, found \(NumberText.shortest(c))") }
        if case .elasticNet(let ratio) = penalty, !(0...1).contains(ratio) {
            throw MLError("l1-ratio must be between 0 and 1, found \(NumberText.shortest(ratio))")
        }
        guard maxIter >= 1 else { throw MLError("max-iter must be at least 1, found \(maxIter)") }
        guard tol >= 0, tol.isFinite else { throw MLError("tol must be a non-negative number, found \(NumberText.shortest(tol))") }
    }

    public func fit(_ data: TrainingSet, context: FitContext) throws -> LogisticRegressionModel {
        try validate()
        try data.validate()
        let weights = try classWeight.validatedRowWeights(
            y: data.y, classCount: data.classCount, sampleWeight: data.sampleWeight
        )
        let present = PresentClasses(y: data.y, classCount: data.classCount)
        let (l2Share, l1Share): (Double, Double)
        switch penalty {
        case .l2: (l2Share, l1Share) = (1, 0)
        case .none: (l2Share, l1Share) = (0, 0)
        case .elasticNet(let ratio): (l2Share, l1Share) = (1 - ratio, ratio)
        }
        let noPenalty = penalty == .none || c == .infinity
        var loss = LogisticLoss(
            x: data.x, y: present.compact(data.y), weights: weights,
            classCount: present.classes.count, fitIntercept: fitIntercept, l2: 0,
            threads: max(1, context.threads)
        )
        guard loss.weightSum > 0 else { throw MLError("all training rows have weight 0") }
        let strength = noPenalty ? 0 : 1 / (c * loss.weightSum)
        loss = LogisticLoss(
            x: data.x, y: loss.y, weights: weights, classCount: loss.classCount,
            fitIntercept: fitIntercept, l2: strength * l2Share, threads: loss.threads
        )
        var solver = LBFGS(maxIterations: maxIter, gradientTolerance: tol)
        let progress = context.progress
        let maxIter = self.maxIter
        solver.onIteration = { progress(Double($0) / Double(maxIter)) }
        let start = [Double](repeating: 0, count: loss.parameterCount)
        let objective: LBFGS.Objective = { parameters, gradient in
            loss.evaluate(parameters, gradient: &gradient)
        }
        let result: LBFGS.Result
        if strength * l1Share > 0 {
            let coefficientCount = loss.outputs * data.x.columns
            let l1 = (0..<loss.parameterCount).map { $0 < coefficientCount ? strength * l1Share : 0 }
            result = solver.minimize(from: start, l1: l1, objective)
        } else {
            result = solver.minimize(from: start, objective)
        }
        context.progress(1)

        let p = data.x.columns
        let outputs = loss.outputs
        return LogisticRegressionModel(
            classCount: data.classCount,
            featureCount: p,
            coefficientClasses: outputs == 1 ? [present.classes[1]] : present.classes,
            coefficients: (0..<outputs).map { Array(result.x[($0 * p)..<(($0 + 1) * p)]) },
            intercepts: fitIntercept ? Array(result.x[(outputs * p)...]) : [Double](repeating: 0, count: outputs),
            iterations: result.iterations,
            converged: result.converged,
            present: present,
            threads: loss.threads
        )
    }
}
