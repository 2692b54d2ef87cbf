/// The last `memory` correction pairs (s = x₊ − x, y = g₊ − g) and the two-loop recursion
/// that applies the implied inverse-Hessian approximation.
struct CorrectionHistory: Sendable {
    let memory: Int
    let dimension: Int
    private var s: [[Double]] = []
    private var y: [[Double]] = []
    private var rho: [Double] = []
    /// H₀ = γ·I.
    private var initialScale = 1.0

    init(memory: Int, dimension: Int) {
        self.memory = memory
        self.dimension = dimension
    }

    var isEmpty: Bool { s.isEmpty }

    mutating func reset() {
        s.removeAll()
        y.removeAll()
        rho.removeAll()
        initialScale = 1
    }

    /// Adds a pair, dropping the oldest beyond `memory`; `curvature` is sᵀy as the caller
    /// measured it (L-BFGS-B's `dr`, from directional derivatives), which sets the initial
    /// scaling H₀ = curvature / yᵀy.
    mutating func append(s newS: [Double], y newY: [Double], curvature: Double) {
        if s.count == memory {
            s.removeFirst()
            y.removeFirst()
            rho.removeFirst()
        }
        s.append(newS)
        y.append(newY)
        rho.append(1 / LBFGS.dot(newS, newY))
        initialScale = curvature / LBFGS.dot(newY, newY)
    }

    /// Adds a pair when it has positive curvature (sᵀy > ε·yᵀy; used by OWL-QN).
    mutating func append(s newS: [Double], y newY: [Double]) {
        let sy = LBFGS.dot(newS, newY)
        guard sy > Double.ulpOfOne * LBFGS.dot(newY, newY), sy.isFinite else { return }
        append(s: newS, y: newY, curvature: sy)
    }

    /// −H·gradient by the two-loop recursion, H₀ = (sᵀy / yᵀy)·I from the newest pair (the
    /// same matrix L-BFGS-B applies through its compact representation).
    func direction(gradient: [Double]) -> [Double] {
        var q = gradient.map { -$0 }
        let count = s.count
        guard count > 0 else { return q }
        var alpha = [Double](repeating: 0, count: count)
        for i in stride(from: count - 1, through: 0, by: -1) {
            alpha[i] = rho[i] * LBFGS.dot(s[i], q)
            for j in 0..<dimension { q[j] -= alpha[i] * y[i][j] }
        }
        for j in 0..<dimension { q[j] *= initialScale }
        for i in 0..<count {
            let beta = rho[i] * LBFGS.dot(y[i], q)
            for j in 0..<dimension { q[j] += s[i][j] * (alpha[i] - beta) }
        }
        return q
    }
}
