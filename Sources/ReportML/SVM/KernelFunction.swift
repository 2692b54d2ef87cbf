import Foundation

/// A kernel with its gamma resolved, evaluated as libsvm does: linear x·z, polynomial
/// (γ·x·z + coef0)^degree, rbf exp(−γ·(‖x‖² + ‖z‖² − 2·x·z)) and sigmoid tanh(γ·x·z + coef0).
///
/// Every kernel is a function of the dot product (and, for rbf, the squared norms), so rows
/// and blocks of kernel values are computed from vectorised dot products.
struct KernelFunction: Sendable, Equatable {
    enum Kind: String, Sendable, Equatable, Codable {
        case linear, poly, rbf, sigmoid
    }

    let kind: Kind
    let gamma: Double
    let coef0: Double
    let degree: Int

    /// Whether values need the squared norms of the rows.
    var needsSquaredNorms: Bool { kind == .rbf }

    /// Eight kernel values from eight dot products `dot` of one row (squared norm `normA`)
    /// with eight others (squared norms `normsB`; ignored unless rbf).
    @inline(__always)
    func values(dot: SIMD8<Double>, normA: Double, normsB: SIMD8<Double>) -> SIMD8<Double> {
        switch kind {
        case .linear:
            return dot
        case .rbf:
            return VectorExp.exp(-gamma * ((normA + normsB) - 2 * dot))
        case .poly:
            return Self.powi(gamma * dot + coef0, degree)
        case .sigmoid:
            let argument = gamma * dot + coef0
            var out = SIMD8<Double>()
            for lane in 0..<8 { out[lane] = Foundation.tanh(argument[lane]) }
            return out
        }
    }

    /// Sixteen kernel values in single precision (γ and coef0 rounded to floats).
    @inline(__always)
    func values(dot: SIMD16<Float>, normA: Float, normsB: SIMD16<Float>) -> SIMD16<Float> {
        switch kind {
        case .linear:
            return dot
        case .rbf:
            return VectorExp.exp(-Float(gamma) * ((normA + normsB) - 2 * dot))
        case .poly:
            var power = Float(gamma) * dot + Float(coef0)
            var result = SIMD16<Float>(repeating: 1)
            var t = degree
            while t > 0 {
                if t % 2 == 1 { result *= power }
                power *= power
                t /= 2
            }
            return result
        case .sigmoid:
            let argument = Float(gamma) * dot + Float(coef0)
            var out = SIMD16<Float>()
            for lane in 0..<16 { out[lane] = Float(Foundation.tanh(Double(argument[lane]))) }
            return out
        }
    }

    /// One kernel value by the same arithmetic as `values`.
    @inline(__always)
    func value(dot: Double, normA: Double, normB: Double) -> Double {
        values(dot: SIMD8(repeating: dot), normA: normA, normsB: SIMD8(repeating: normB))[0]
    }

    /// base^times by binary powering, in libsvm's order of multiplications.
    @inline(__always)
    static func powi(_ base: SIMD8<Double>, _ times: Int) -> SIMD8<Double> {
        var power = base
        var result = SIMD8<Double>(repeating: 1)
        var t = times
        while t > 0 {
            if t % 2 == 1 { result *= power }
            power *= power
            t /= 2
        }
        return result
    }
}

/// Stored as its kind and resolved coefficients.
extension KernelFunction: Codable {}
