extension LBFGS {
    /// Minimises F(x) = f(x) + Σᵢ `l1[i]`·|xᵢ| for smooth `objective` f by OWL-QN
    /// (orthant-wise limited-memory quasi-Newton; Andrew & Gao, ICML 2007).
    ///
    /// Each iteration takes the L-BFGS direction of the pseudo-gradient (the minimum-norm
    /// subgradient of F), keeps only components that agree in sign with its negative, and
    /// backtracks (halving, Armijo condition with c₁ = 1e-4) along a path projected onto the
    /// orthant of the current point, so coordinates reach exactly zero; unpenalised
    /// coordinates move freely. Correction pairs use
    /// the smooth gradient only. Stops as `minimize(from:_:)` with the pseudo-gradient in
    /// place of the gradient. `l1[i] = 0` leaves coordinate i unpenalised (intercepts).
    func minimize(from start: [Double], l1 weights: [Double], _ objective: Objective) -> Result {
        let n = start.count
        precondition(weights.count == n, "LBFGS: one L1 weight per coordinate")
        func penalty(_ x: [Double]) -> Double {
            var sum = 0.0
            for i in 0..<n { sum += weights[i] * abs(x[i]) }
            return sum
        }
        func pseudoGradient(_ x: [Double], _ g: [Double]) -> [Double] {
            (0..<n).map { i in
                let w = weights[i]
                if x[i] > 0 { return g[i] + w }
                if x[i] < 0 { return g[i] - w }
                if g[i] + w < 0 { return g[i] + w }
                if g[i] - w > 0 { return g[i] - w }
                return 0
            }
        }

        var x = start
        var gradient = [Double](repeating: 0, count: n)
        var value = objective(x, &gradient) + penalty(x)
        var evaluations = 1
        var history = CorrectionHistory(memory: memory, dimension: n)
        var iterations = 0
        var pseudo = pseudoGradient(x, gradient)
        if Self.maxAbs(pseudo) <= gradientTolerance {
            return Result(x: x, value: value, iterations: 0, evaluations: evaluations, stop: .gradientTolerance)
        }
        var scratch = [Double](repeating: 0, count: n)
        while true {
            if iterations >= maxIterations {
                return Result(x: x, value: value, iterations: iterations, evaluations: evaluations, stop: .maxIterations)
            }
            var direction = history.direction(gradient: pseudo)
            for i in 0..<n where weights[i] > 0 && direction[i] * pseudo[i] >= 0 { direction[i] = 0 }
            if Self.dot(direction, pseudo) >= 0 {
                history.reset()
                direction = pseudo.map { -$0 }
            }
            let orthant = (0..<n).map { i -> Double in
                x[i] != 0 ? (x[i] > 0 ? 1 : -1) : (pseudo[i] > 0 ? -1 : (pseudo[i] < 0 ? 1 : 0))
            }
            var step = history.isEmpty ? min(1, 1 / Self.norm(direction)) : 1
            var accepted: (x: [Double], value: Double, gradient: [Double])?
            for _ in 0..<maxLineSearchSteps {
                var candidate = x
                for i in 0..<n {
                    let moved = x[i] + step * direction[i]
                    candidate[i] = weights[i] == 0 || moved * orthant[i] > 0 ? moved : 0
                }
                let smooth = objective(candidate, &scratch)
                evaluations += 1
                let total = smooth + penalty(candidate)
                var decrease = 0.0
                for i in 0..<n { decrease += pseudo[i] * (candidate[i] - x[i]) }
                if total.isFinite && total <= value + 1e-4 * decrease {
                    accepted = (candidate, total, scratch)
                    break
                }
                step *= 0.5
            }
            guard let next = accepted else {
                if !history.isEmpty {
                    history.reset()
                    continue
                }
                return Result(x: x, value: value, iterations: iterations, evaluations: evaluations, stop: .lineSearchFailed)
            }
            iterations += 1
            onIteration(iterations)
            history.append(
                s: zip(next.x, x).map { $0 - $1 },
                y: zip(next.gradient, gradient).map { $0 - $1 }
            )
            let previous = value
            x = next.x
            value = next.value
            gradient = next.gradient
            pseudo = pseudoGradient(x, gradient)
            if (previous - value) <= functionTolerance * max(abs(previous), abs(value), 1) {
                return Result(x: x, value: value, iterations: iterations, evaluations: evaluations, stop: .functionTolerance)
            }
            if Self.maxAbs(pseudo) <= gradientTolerance {
                return Result(x: x, value: value, iterations: iterations, evaluations: evaluations, stop: .gradientTolerance)
            }
        }
    }
}
