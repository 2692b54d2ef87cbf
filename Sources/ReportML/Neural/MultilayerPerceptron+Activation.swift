extension MultilayerPerceptron.Activation {
    /// Applies the activation in place to `count` contiguous values.
    @inline(__always)
    func apply<T: NeuralScalar>(_ values: UnsafeMutablePointer<T>, count: Int) {
        switch self {
        case .identity:
            return
        case .relu:
            for i in 0..<count where values[i] < 0 { values[i] = 0 }
        case .tanh:
            for i in 0..<count { values[i] = T.hyperbolicTangent(values[i]) }
        case .logistic:
            Self.logistic(values, count: count)
        }
    }

    /// Multiplies `delta` by the activation's derivative, expressed through its output
    /// `activations` as scikit-learn does (ReLU: 0 where the output is 0; logistic: a(1 − a);
    /// tanh: 1 − a²).
    @inline(__always)
    func multiplyDerivative<T: NeuralScalar>(
        of activations: UnsafePointer<T>, into delta: UnsafeMutablePointer<T>, count: Int
    ) {
        switch self {
        case .identity:
            return
        case .relu:
            for i in 0..<count where activations[i] == 0 { delta[i] = 0 }
        case .tanh:
            for i in 0..<count { delta[i] *= 1 - activations[i] * activations[i] }
        case .logistic:
            for i in 0..<count {
                delta[i] *= activations[i]
                delta[i] *= 1 - activations[i]
            }
        }
    }

    /// 1 / (1 + e⁻ˣ) in place (scipy's `expit`), flushing results below the smallest
    /// normal number to 0 (see `flushed`).
    @inline(__always)
    static func logistic<T: NeuralScalar>(_ values: UnsafeMutablePointer<T>, count: Int) {
        for i in 0..<count { values[i] = flushed(1 / (1 + T.exponential(-values[i]))) }
    }

    /// `x`, or 0 when |x| is below the smallest normal number (about 1e-38 in single
    /// precision). Subnormal probabilities and deltas would otherwise reach the matrix
    /// products, where every subnormal operand costs a microcode assist; dropping them moves
    /// nothing by more than that bound.
    @inline(__always)
    static func flushed<T: NeuralScalar>(_ x: T) -> T {
        abs(x) < T.leastNormalMagnitude ? 0 : x
    }

    /// Softmax of each row of a row-major `rows × columns` matrix in place, shifted by the
    /// row maximum as scikit-learn (subnormal exponentials flushed to 0).
    @inline(__always)
    static func softmaxRows<T: NeuralScalar>(_ values: UnsafeMutablePointer<T>, rows: Int, columns: Int) {
        for row in 0..<rows {
            let v = values + row * columns
            var maximum = v[0]
            for k in 1..<max(columns, 1) where v[k] > maximum { maximum = v[k] }
            var sum: T = 0
            for k in 0..<columns {
                v[k] = flushed(T.exponential(v[k] - maximum))
                sum += v[k]
            }
            for k in 0..<columns { v[k] /= sum }
        }
    }
}
