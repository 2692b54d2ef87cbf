/// Limited-memory BFGS minimiser of a smooth function with the Moré–Thuente line search
/// (strong Wolfe conditions), following SciPy's L-BFGS-B — which scikit-learn's `lbfgs`
/// solver calls — step for step on unconstrained problems; `LBFGS+OWLQN.swift` adds an
/// L1 term.
///
/// As L-BFGS-B: the first step has length 1 along −∇f, later ones try the quasi-Newton step
/// (H₀ = sᵀy/yᵀy from the newest of the last `memory` pairs); a pair is skipped when
/// sᵀy ≤ ε·(−∇f_oldᵀs); a failed line search restores the point, forgets the pairs and
/// tries steepest descent, and stops when there were none. Stops when the largest absolute
/// gradient component is at most `gradientTolerance` (converged), when the relative
/// decrease of the objective is at most `functionTolerance` (converged), or after
/// `maxIterations` iterations (not converged).
struct LBFGS: Sendable {
    /// Number of correction pairs kept (SciPy's `maxcor`, default 10).
    var memory = 10
    /// Maximum number of iterations (scikit-learn's `max_iter`, default 100).
    var maxIterations = 100
    /// Stop when max |gradient component| ≤ this (SciPy's `gtol`; scikit-learn passes `tol`).
    var gradientTolerance = 1e-4
    /// Stop when (f_old − f_new) / max(|f_old|, |f_new|, 1) ≤ this (scikit-learn: 64 ε).
    var functionTolerance = 64 * Double.ulpOfOne
    /// Maximum function evaluations per line search (scikit-learn's `maxls`, 50).
    var maxLineSearchSteps = 50
    /// Called with the iteration count after every iteration (for progress reports).
    var onIteration: @Sendable (Int) -> Void = { _ in }

    /// Why the minimiser stopped.
    enum Stop: Sendable, Equatable {
        case gradientTolerance
        case functionTolerance
        case maxIterations
        /// No acceptable step along steepest descent (typically at the limits of floating
        /// point; L-BFGS-B's ABNORMAL_TERMINATION_IN_LNSRCH).
        case lineSearchFailed
    }

    /// The minimiser's answer.
    struct Result: Sendable {
        var x: [Double]
        var value: Double
        var iterations: Int
        var evaluations: Int
        var stop: Stop
        /// Whether a tolerance was met (scikit-learn warns otherwise).
        var converged: Bool { stop == .gradientTolerance || stop == .functionTolerance }
    }

    /// Fills `gradient` (already sized like `x`) with ∇f(x) and returns f(x).
    typealias Objective = (_ x: [Double], _ gradient: inout [Double]) -> Double

    /// Minimises `objective` from `start`.
    func minimize(from start: [Double], _ objective: Objective) -> Result {
        let n = start.count
        var x = start
        var gradient = [Double](repeating: 0, count: n)
        var value = objective(x, &gradient)
        var evaluations = 1
        var history = CorrectionHistory(memory: memory, dimension: n)
        var iterations = 0
        func result(_ stop: Stop) -> Result {
            Result(x: x, value: value, iterations: iterations, evaluations: evaluations, stop: stop)
        }
        if Self.maxAbs(gradient) <= gradientTolerance { return result(.gradientTolerance) }
        var trial = [Double](repeating: 0, count: n)
        var trialGradient = [Double](repeating: 0, count: n)
        while true {
            let direction = history.direction(gradient: gradient)
            let slope = Self.dot(gradient, direction)
            // L-BFGS-B: a unit-length first step, then the full quasi-Newton step.
            let initialStep = iterations == 0 ? min(1 / Self.norm(direction), 1e10) : 1
            var accepted: (step: Double, value: Double, slope: Double)?
            if slope < 0 {
                var search = MoreThuenteLineSearch()
                var (step, task) = search.start(stp: initialStep, f: value, g: slope)
                var tries = 0
                while task == .evaluate && tries < maxLineSearchSteps {
                    for j in 0..<n { trial[j] = x[j] + step * direction[j] }
                    let f = objective(trial, &trialGradient)
                    evaluations += 1
                    tries += 1
                    let g = Self.dot(trialGradient, direction)
                    let outcome = search.next(stp: step, f: f, g: g)
                    if outcome.task != .evaluate {
                        accepted = (step, f, g)
                        task = outcome.task
                    } else {
                        step = outcome.step
                    }
                }
                if task == .error { accepted = nil }
            }
            guard let (step, newValue, newSlope) = accepted else {
                // Line search failed: forget the pairs and retry along −∇f, or give up.
                if history.isEmpty { return result(.lineSearchFailed) }
                history.reset()
                continue
            }
            iterations += 1
            onIteration(iterations)
            let previous = value
            var s = [Double](repeating: 0, count: n)
            var y = [Double](repeating: 0, count: n)
            for j in 0..<n {
                s[j] = step * direction[j]
                y[j] = trialGradient[j] - gradient[j]
            }
            x = trial
            value = newValue
            gradient = trialGradient
            if iterations >= maxIterations { return result(.maxIterations) }
            if Self.maxAbs(gradient) <= gradientTolerance { return result(.gradientTolerance) }
            if (previous - value) <= functionTolerance * max(abs(previous), abs(value), 1) {
                return result(.functionTolerance)
            }
            // L-BFGS-B's curvature test: sᵀy = step·(g_newᵀd − g_oldᵀd) > ε·(−step·g_oldᵀd).
            let sy = step == 1 ? newSlope - slope : (newSlope - slope) * step
            let bound = step == 1 ? -slope : -slope * step
            if sy > Double.ulpOfOne * bound {
                history.append(s: s, y: y, curvature: sy)
            }
        }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }

    static func norm(_ a: [Double]) -> Double {
        dot(a, a).squareRoot()
    }

    static func maxAbs(_ a: [Double]) -> Double {
        a.reduce(0) { max($0, abs($1)) }
    }
}
