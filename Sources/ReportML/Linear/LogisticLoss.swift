import Foundation

/// scikit-learn's logistic-regression objective, scaled by the total sample weight S:
///
///     (1/S)·Σᵢ sᵢ·lossᵢ + (l2/2)·‖W‖²,  with l2 = penalty weight / (C·S),
///
/// which has the same minimiser as C·Σᵢ sᵢ·lossᵢ + ½‖W‖² and the same gradient scale as
/// scikit-learn's `LinearModelLoss`, so `tol` means the same thing. Two classes use the
/// binomial loss log(1 + eᶻ) − y·z with one coefficient row (scikit-learn's `coef_` shape
/// (1, p)); more use the multinomial loss logΣₖ e^{zₖ} − z_y with one row per class.
/// Intercepts are never penalised.
///
/// Parameters are laid out as the coefficient rows (row-major, `outputs × features`)
/// followed by the `outputs` intercepts when fitted. Loss and gradient are summed over
/// fixed chunks of rows on worker threads and reduced in chunk order, so the result does
/// not depend on the thread count.
struct LogisticLoss: Sendable {
    let x: FeatureMatrix
    /// Compact class index of each row.
    let y: [Int]
    /// Per-row weights, nil for all 1.
    let weights: [Double]?
    let weightSum: Double
    /// Number of classes (≥ 2); `outputs` is 1 for two classes.
    let classCount: Int
    let fitIntercept: Bool
    /// L2 strength on the coefficients (already divided by C·S).
    let l2: Double
    let threads: Int
    static let chunkSize = 4096

    init(x: FeatureMatrix, y: [Int], weights: [Double]?, classCount: Int, fitIntercept: Bool, l2: Double, threads: Int) {
        self.x = x
        self.y = y
        self.weights = weights
        self.weightSum = weights.map { $0.reduce(0, +) } ?? Double(x.rows)
        self.classCount = classCount
        self.fitIntercept = fitIntercept
        self.l2 = l2
        self.threads = threads
    }

    /// Rows of coefficients: 1 for binomial, `classCount` for multinomial.
    var outputs: Int { classCount == 2 ? 1 : classCount }
    var parameterCount: Int { outputs * (x.columns + (fitIntercept ? 1 : 0)) }

    /// The objective at `parameters`, writing its gradient to `gradient`.
    func evaluate(_ parameters: [Double], gradient: inout [Double]) -> Double {
        let partials = RowChunks.map(count: x.rows, chunkSize: Self.chunkSize, threads: threads) { rows in
            self.chunkLossAndGradient(parameters, rows: rows)
        }
        var loss = 0.0
        for i in gradient.indices { gradient[i] = 0 }
        for partial in partials {
            loss += partial.loss
            for i in gradient.indices { gradient[i] += partial.gradient[i] }
        }
        let scale = 1 / weightSum
        loss *= scale
        for i in gradient.indices { gradient[i] *= scale }
        let coefficientCount = outputs * x.columns
        var squaredNorm = 0.0
        for i in 0..<coefficientCount {
            squaredNorm += parameters[i] * parameters[i]
            gradient[i] += l2 * parameters[i]
        }
        return loss + 0.5 * l2 * squaredNorm
    }

    /// Unscaled weighted loss sum and gradient sum over `rows`.
    private func chunkLossAndGradient(_ parameters: [Double], rows: Range<Int>) -> (loss: Double, gradient: [Double]) {
        let p = x.columns
        let outputs = self.outputs
        var gradient = [Double](repeating: 0, count: parameterCount)
        var loss = 0.0
        var z = [Double](repeating: 0, count: outputs)
        x.values.withUnsafeBufferPointer { values in
            parameters.withUnsafeBufferPointer { w in
                gradient.withUnsafeMutableBufferPointer { g in
                    z.withUnsafeMutableBufferPointer { z in
                        let interceptBase = outputs * p
                        for row in rows {
                            let base = row * p
                            let s = weights?[row] ?? 1
                            let label = y[row]
                            for k in 0..<outputs {
                                var sum = fitIntercept ? w[interceptBase + k] : 0
                                let wk = k * p
                                for j in 0..<p { sum += w[wk + j] * values[base + j] }
                                z[k] = sum
                            }
                            if outputs == 1 {
                                let zi = z[0]
                                let target: Double = label == 1 ? 1 : 0
                                loss += s * (Self.log1pExp(zi) - target * zi)
                                let r = s * (Self.expit(zi) - target)
                                for j in 0..<p { g[j] += r * values[base + j] }
                                if fitIntercept { g[p] += r }
                                continue
                            }
                            var maxZ = -Double.infinity
                            for k in 0..<outputs where z[k] > maxZ { maxZ = z[k] }
                            let zLabel = z[label]
                            var sumExp = 0.0
                            for k in 0..<outputs {
                                z[k] = Foundation.exp(z[k] - maxZ)
                                sumExp += z[k]
                            }
                            loss += s * (maxZ + Foundation.log(sumExp) - zLabel)
                            let inverse = 1 / sumExp
                            for k in 0..<outputs {
                                let r = s * (z[k] * inverse - (k == label ? 1 : 0))
                                let gk = k * p
                                for j in 0..<p { g[gk + j] += r * values[base + j] }
                                if fitIntercept { g[interceptBase + k] += r }
                            }
                        }
                    }
                }
            }
        }
        return (loss, gradient)
    }

    /// log(1 + eᶻ) without overflow or loss of precision.
    static func log1pExp(_ z: Double) -> Double {
        if z > 0 { return z + Foundation.log1p(Foundation.exp(-z)) }
        return Foundation.log1p(Foundation.exp(z))
    }

    /// 1 / (1 + e⁻ᶻ) without overflow.
    static func expit(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + Foundation.exp(-z)) }
        let e = Foundation.exp(z)
        return e / (1 + e)
    }
}
