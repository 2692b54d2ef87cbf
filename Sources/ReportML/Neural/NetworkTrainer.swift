import CNeuralKernels
import Foundation
import ReportData

/// Mini-batch Adam training of a fully connected classifier network, step for step as
/// scikit-learn's `MLPClassifier._fit_stochastic`, in `T` arithmetic.
///
/// Every batch is cut into at most eight fixed row chunks (the cut depends only on the batch
/// size). Each chunk gathers its rows, runs the forward pass, the loss and the backward pass
/// and writes its own partial gradient (chunk 0 also sums ‖W‖² for the L2 term); the partials
/// are then summed in chunk order and the Adam step applied in one sequential sweep over the
/// parameters. In single precision on x86-64 the matrix products, column sums and Adam step
/// run in the C kernels of `DenseKernels`, which give the Swift loops' bits. Chunks run on worker
/// threads, and the answer is bit-identical for any thread count. Output probabilities and
/// Adam moments below the smallest normal number are flushed to 0: in single precision they
/// otherwise appear after a few dozen epochs (confident softmax outputs, moments of dead
/// units) and slow every later epoch by about a quarter, while changing no weight by more
/// than 1e-30.
final class NetworkTrainer<T: NeuralScalar>: @unchecked Sendable {
    private let settings: NetworkTrainingSettings
    private let units: [Int]
    private let layerCount: Int
    private let features: Int
    private let outputs: Int
    private let trainRowCount: Int
    private let validationRows: [Int]
    private let hasSampleWeights: Bool

    // Parameters: all coefficient matrices, then all bias vectors.
    private let parameterCount: Int
    private let coefficientCount: Int
    private let coefficientOffsets: [Int]
    private let interceptOffsets: [Int]
    private let parameters: UnsafeMutableBufferPointer<T>
    private let firstMoments: UnsafeMutableBufferPointer<T>
    private let secondMoments: UnsafeMutableBufferPointer<T>
    /// Wₗᵀ (`units[l + 1] × units[l]`) for l ≥ 1, used to propagate deltas backwards.
    private let transposed: UnsafeMutableBufferPointer<T>
    private let transposedOffsets: [Int]

    // Data, converted to T once.
    private let x: UnsafeMutableBufferPointer<T>
    private let labels: UnsafeMutableBufferPointer<Int>
    private let rowWeights: UnsafeMutableBufferPointer<T>
    /// The training rows in this epoch's order.
    private let order: UnsafeMutableBufferPointer<Int>

    // Per-chunk workspace: activations of every layer (input first), deltas, partial
    // gradients and partial loss / weight sums.
    private let chunkCapacity: Int
    private let maximumChunks: Int
    private let activationOffsets: [Int]
    private let deltaOffsets: [Int]
    private let activationBlock: Int
    private let deltaBlock: Int
    private let activations: UnsafeMutableBufferPointer<T>
    private let deltas: UnsafeMutableBufferPointer<T>
    private let partialGradients: UnsafeMutableBufferPointer<T>
    private let partialLoss: UnsafeMutableBufferPointer<Double>
    private let partialWeight: UnsafeMutableBufferPointer<Double>

    private var step = 0
    /// ‖W‖² of the coefficients (biases excluded) the current batch runs with, added in
    /// index order in double precision by the job of chunk 0, alongside the others.
    private var squares = 0.0

    init(weights: NetworkWeights, settings: NetworkTrainingSettings, problem: NetworkTrainingProblem) {
        self.settings = settings
        units = weights.layerUnits
        layerCount = units.count - 1
        features = units[0]
        outputs = units[layerCount]
        trainRowCount = problem.trainRows.count
        validationRows = problem.validationRows
        hasSampleWeights = problem.sampleWeight != nil

        var offsets: [Int] = []
        var offset = 0
        for l in 0..<layerCount {
            offsets.append(offset)
            offset += units[l] * units[l + 1]
        }
        coefficientOffsets = offsets
        coefficientCount = offset
        offsets = []
        for l in 0..<layerCount {
            offsets.append(offset)
            offset += units[l + 1]
        }
        interceptOffsets = offsets
        parameterCount = offset
        parameters = .allocate(capacity: parameterCount)
        for l in 0..<layerCount {
            for (i, value) in weights.coefficients[l].enumerated() { parameters[coefficientOffsets[l] + i] = T(value) }
            for (i, value) in weights.intercepts[l].enumerated() { parameters[interceptOffsets[l] + i] = T(value) }
        }
        firstMoments = .allocate(capacity: parameterCount)
        firstMoments.initialize(repeating: 0)
        secondMoments = .allocate(capacity: parameterCount)
        secondMoments.initialize(repeating: 0)
        transposedOffsets = coefficientOffsets
        transposed = .allocate(capacity: coefficientCount)
        transposed.initialize(repeating: 0)

        let n = problem.x.rows
        x = .allocate(capacity: problem.x.values.count)
        for (i, value) in problem.x.values.enumerated() { x[i] = T(value) }
        labels = .allocate(capacity: n)
        _ = labels.initialize(from: problem.y)
        rowWeights = .allocate(capacity: problem.sampleWeight?.count ?? 0)
        for (i, value) in (problem.sampleWeight ?? []).enumerated() { rowWeights[i] = T(value) }
        order = .allocate(capacity: trainRowCount)
        _ = order.initialize(from: problem.trainRows)

        let batch = settings.batchSize
        chunkCapacity = (1...batch).map(Self.chunkSize(batchRows:)).max() ?? batch
        maximumChunks = (1...batch).map { RowChunks.chunkCount($0, chunkSize: Self.chunkSize(batchRows: $0)) }.max() ?? 1
        var activationOffsets: [Int] = []
        offset = 0
        for l in 0...layerCount {
            activationOffsets.append(offset)
            offset += chunkCapacity * units[l]
        }
        self.activationOffsets = activationOffsets
        activationBlock = offset
        var deltaOffsets: [Int] = []
        offset = 0
        for l in 0..<layerCount {
            deltaOffsets.append(offset)
            offset += chunkCapacity * units[l + 1]
        }
        self.deltaOffsets = deltaOffsets
        deltaBlock = offset
        activations = .allocate(capacity: maximumChunks * activationBlock)
        activations.initialize(repeating: 0)
        deltas = .allocate(capacity: maximumChunks * deltaBlock)
        deltas.initialize(repeating: 0)
        partialGradients = .allocate(capacity: maximumChunks * parameterCount)
        partialGradients.initialize(repeating: 0)
        partialLoss = .allocate(capacity: maximumChunks)
        partialLoss.initialize(repeating: 0)
        partialWeight = .allocate(capacity: maximumChunks)
        partialWeight.initialize(repeating: 0)
        refreshTransposes()
    }

    deinit {
        for buffer in [parameters, firstMoments, secondMoments, transposed, x, rowWeights, activations, deltas,
                       partialGradients] {
            buffer.deallocate()
        }
        labels.deallocate()
        order.deallocate()
        partialLoss.deallocate()
        partialWeight.deallocate()
    }

    /// Rows per chunk for a batch of `batchRows` rows: the batch split into
    /// min(8, max(1, ⌊rows / 48⌋)) parts, rounded up to a multiple of 4 rows.
    static func chunkSize(batchRows: Int) -> Int {
        let parts = min(8, max(1, batchRows / 48))
        let size = (batchRows + parts - 1) / parts
        return (size + 3) / 4 * 4
    }

    /// Runs the epochs and returns the weights and history.
    func train(progress: @Sendable (Double) -> Void) -> NetworkTrainingResult {
        var rng = Xoshiro256StarStar(seed: settings.shuffleSeed)
        var lossCurve: [Double] = []
        var validationScores: [Double] = []
        var bestLoss = Double.infinity
        var bestScore = -Double.infinity
        var bestWeights: NetworkWeights?
        var noImprovement = 0
        var converged = false
        var iterations = 0
        for _ in 0..<settings.maxIter {
            if settings.shuffle {
                for i in stride(from: trainRowCount - 1, to: 0, by: -1) {
                    order.swapAt(i, rng.nextInt(below: i + 1))
                }
            }
            var accumulated = 0.0
            var start = 0
            while start < trainRowCount {
                let rows = min(settings.batchSize, trainRowCount - start)
                accumulated += batchStep(start: start, rows: rows) * Double(rows)
                start += rows
            }
            iterations += 1
            let loss = accumulated / Double(trainRowCount)
            lossCurve.append(loss)
            if validationRows.isEmpty {
                if loss > bestLoss - settings.tol { noImprovement += 1 } else { noImprovement = 0 }
                if loss < bestLoss { bestLoss = loss }
            } else {
                let score = validationAccuracy()
                validationScores.append(score)
                if score < bestScore + settings.tol { noImprovement += 1 } else { noImprovement = 0 }
                if score > bestScore {
                    bestScore = score
                    bestWeights = currentWeights()
                }
            }
            progress(Double(iterations) / Double(settings.maxIter))
            if noImprovement > settings.nIterNoChange {
                converged = true
                break
            }
        }
        return NetworkTrainingResult(
            weights: bestWeights ?? currentWeights(), lossCurve: lossCurve,
            validationScores: validationScores, iterations: iterations, converged: converged
        )
    }

    /// One Adam step on the batch `order[start ..< start + rows]`; returns the batch loss
    /// (mean log-loss plus the L2 term), as scikit-learn's `_backprop`.
    private func batchStep(start: Int, rows: Int) -> Double {
        let size = Self.chunkSize(batchRows: rows)
        _ = RowChunks.map(count: rows, chunkSize: size, threads: settings.threads) { range in
            self.runChunk(range.lowerBound / size, batchStart: start, rows: range)
        }
        let chunks = RowChunks.chunkCount(rows, chunkSize: size)
        var lossSum = 0.0
        var weightSum = 0.0
        for c in 0..<chunks {
            lossSum += partialLoss[c]
            weightSum += partialWeight[c]
        }
        let divisor = hasSampleWeights ? weightSum : Double(rows)
        // A batch whose rows all weigh 0 carries no gradient: no step (scikit-learn would
        // divide by zero).
        guard divisor > 0 else { return 0 }
        update(chunks: chunks, divisor: divisor)
        refreshTransposes()
        return lossSum / divisor + 0.5 * settings.alpha * squares / divisor
    }

    /// Forward and backward pass of one chunk of the batch; writes the chunk's partial
    /// gradient, loss sum and weight sum.
    private func runChunk(_ chunk: Int, batchStart: Int, rows range: Range<Int>) {
        let rows = range.count
        let act = activations.baseAddress.unsafelyUnwrapped + chunk * activationBlock
        let del = deltas.baseAddress.unsafelyUnwrapped + chunk * deltaBlock
        let gradient = partialGradients.baseAddress.unsafelyUnwrapped + chunk * parameterCount
        let params = UnsafePointer(parameters.baseAddress.unsafelyUnwrapped)
        let input = act + activationOffsets[0]
        let data = x.baseAddress.unsafelyUnwrapped
        for i in 0..<rows {
            let row = order[batchStart + range.lowerBound + i]
            (input + i * features).update(from: data + row * features, count: features)
        }
        NetworkForward.run(
            input: input, rows: rows, units: units,
            coefficients: coefficientOffsets.map { params + $0 },
            intercepts: interceptOffsets.map { params + $0 },
            activation: settings.activation,
            layers: (1...layerCount).map { act + activationOffsets[$0] }, path: settings.kernels
        )

        // Loss and output delta (probabilities − one-hot labels, times the sample weight).
        let probabilities = act + activationOffsets[layerCount]
        let outputDelta = del + deltaOffsets[layerCount - 1]
        let eps = T.ulpOfOne
        var lossSum = 0.0
        var weightSum = 0.0
        for i in 0..<rows {
            let row = order[batchStart + range.lowerBound + i]
            let label = labels[row]
            let w: T = hasSampleWeights ? rowWeights[row] : 1
            let loss: Double
            if outputs == 1 {
                let p = probabilities[i]
                let clipped = Swift.min(Swift.max(p, eps), 1 - eps)
                loss = label == 1 ? -Foundation.log(Double(clipped)) : -Foundation.log(Double(1 - clipped))
                outputDelta[i] = hasSampleWeights ? (p - T(label)) * w : p - T(label)
            } else {
                let p = probabilities + i * outputs
                let d = outputDelta + i * outputs
                for k in 0..<outputs { d[k] = p[k] }
                d[label] -= 1
                if hasSampleWeights { for k in 0..<outputs { d[k] *= w } }
                loss = -Foundation.log(Double(Swift.min(Swift.max(p[label], eps), 1 - eps)))
            }
            lossSum += Double(w) * loss
            weightSum += Double(w)
        }
        partialLoss[chunk] = lossSum
        partialWeight[chunk] = weightSum
        if chunk == 0 {
            // ‖W‖² for the batch's L2 term: the weights do not change until every chunk is done.
            var sum = 0.0
            for i in 0..<coefficientCount {
                let weight = Double(params[i])
                sum += weight * weight
            }
            squares = sum
        }

        // Backward: gradient of each layer, then the delta of the layer below.
        let wT = UnsafePointer(transposed.baseAddress.unsafelyUnwrapped)
        let relu = settings.activation == .relu
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let fanIn = units[l]
            let fanOut = units[l + 1]
            let below = UnsafePointer(act + activationOffsets[l])
            let delta = del + deltaOffsets[l]
            DenseKernels.multiply(
                m: fanIn, n: fanOut, k: rows, a: below, rowStride: 1, columnStride: fanIn,
                b: delta, ldb: fanOut, c: gradient + coefficientOffsets[l], ldc: fanOut, path: settings.kernels
            )
            DenseKernels.columnSums(
                delta, rows: rows, columns: fanOut, into: gradient + interceptOffsets[l], path: settings.kernels
            )
            guard l > 0 else { continue }
            let deltaBelow = del + deltaOffsets[l - 1]
            DenseKernels.multiply(
                m: rows, n: fanIn, k: fanOut, a: delta, rowStride: fanOut, columnStride: 1,
                b: wT + transposedOffsets[l], ldb: fanIn, c: deltaBelow, ldc: fanIn,
                finish: relu ? .zeroWhereMaskIsZero(below) : .none, path: settings.kernels
            )
            if !relu {
                settings.activation.multiplyDerivative(of: below, into: deltaBelow, count: rows * fanIn)
            }
        }
    }

    /// Sums the chunks' partial gradients in chunk order, adds the L2 term, divides by the
    /// batch's rows (or weight sum) and takes the Adam step.
    private func update(chunks: Int, divisor: Double) {
        step += 1
        let t = Double(step)
        let rate = settings.learningRate * (1 - Foundation.pow(settings.beta2, t)).squareRoot()
            / (1 - Foundation.pow(settings.beta1, t))
        let negativeRate = T(-rate)
        let alpha = T(settings.alpha)
        let scale = T(divisor)
        let beta1 = T(settings.beta1)
        let beta2 = T(settings.beta2)
        let oneMinusBeta1 = T(1 - settings.beta1)
        let oneMinusBeta2 = T(1 - settings.beta2)
        let epsilon = T(settings.epsilon)
        let w = parameters.baseAddress.unsafelyUnwrapped
        let m = firstMoments.baseAddress.unsafelyUnwrapped
        let v = secondMoments.baseAddress.unsafelyUnwrapped
        let partials = UnsafePointer(partialGradients.baseAddress.unsafelyUnwrapped)
        let count = parameterCount
        // Moments that decay into the subnormal range (parameters whose gradient stays 0)
        // are flushed to 0, as in `Activation.flushed`: they move a weight by under 1e-30.
        #if arch(x86_64)
        if settings.kernels.runsC(T.self) {
            // Single precision: the C kernels, with the arithmetic of the loops below.
            let float = { (x: T) in unsafeBitCast(x, to: Float.self) }
            var constants = nk_adam_step(
                alpha: float(alpha), scale: float(scale), beta1: float(beta1), beta2: float(beta2),
                oneMinusBeta1: float(oneMinusBeta1), oneMinusBeta2: float(oneMinusBeta2),
                negativeRate: float(negativeRate), epsilon: float(epsilon)
            )
            let floats = { (pointer: UnsafeMutablePointer<T>) in
                UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Float.self)
            }
            let partialFloats = UnsafeRawPointer(partials).assumingMemoryBound(to: Float.self)
            let path = settings.kernels.rawValue
            nk_adam(floats(w), floats(m), floats(v), partialFloats, count, chunks, 0, coefficientCount, 1,
                    &constants, path)
            nk_adam(floats(w), floats(m), floats(v), partialFloats, count, chunks, coefficientCount, count, 0,
                    &constants, path)
            return
        }
        #endif
        typealias Activation = MultilayerPerceptron.Activation
        typealias V = T.Vector
        let width = V.scalarCount
        // Coefficients get the L2 term, biases do not; each region runs in whole vectors and
        // then element by element, with the same arithmetic as scikit-learn's Adam.
        for (lower, upper, penalised) in [(0, coefficientCount, true), (coefficientCount, count, false)] {
            var i = lower
            while i + width <= upper {
                var g = UnsafeRawPointer(partials + i).loadUnaligned(as: V.self)
                var c = 1
                while c < chunks {
                    g += UnsafeRawPointer(partials + c * count + i).loadUnaligned(as: V.self)
                    c += 1
                }
                let weight = UnsafeRawPointer(w + i).loadUnaligned(as: V.self)
                g = penalised ? (g + V(repeating: alpha) * weight) / V(repeating: scale) : g / V(repeating: scale)
                var mi = V(repeating: beta1) * UnsafeRawPointer(m + i).loadUnaligned(as: V.self) + V(repeating: oneMinusBeta1) * g
                var vi = V(repeating: beta2) * UnsafeRawPointer(v + i).loadUnaligned(as: V.self) + V(repeating: oneMinusBeta2) * (g * g)
                var root = vi
                for lane in 0..<width {
                    mi[lane] = Activation.flushed(mi[lane])
                    vi[lane] = Activation.flushed(vi[lane])
                    root[lane] = T.root(vi[lane])
                }
                UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: V.self)
                UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: V.self)
                UnsafeMutableRawPointer(w + i).storeBytes(
                    of: weight + V(repeating: negativeRate) * mi / (root + V(repeating: epsilon)), as: V.self
                )
                i += width
            }
            while i < upper {
                var g = partials[i]
                var c = 1
                while c < chunks {
                    g += partials[c * count + i]
                    c += 1
                }
                let weight = w[i]
                g = penalised ? (g + alpha * weight) / scale : g / scale
                let mi = Activation.flushed(beta1 * m[i] + oneMinusBeta1 * g)
                let vi = Activation.flushed(beta2 * v[i] + oneMinusBeta2 * (g * g))
                m[i] = mi
                v[i] = vi
                w[i] = weight + negativeRate * mi / (T.root(vi) + epsilon)
                i += 1
            }
        }
    }

    /// Refreshes Wₗᵀ for the layers whose deltas are propagated (l ≥ 1).
    private func refreshTransposes() {
        let w = UnsafePointer(parameters.baseAddress.unsafelyUnwrapped)
        let wT = transposed.baseAddress.unsafelyUnwrapped
        for l in 1..<max(layerCount, 1) {
            DenseKernels.transpose(
                w + coefficientOffsets[l], rows: units[l], columns: units[l + 1], into: wT + transposedOffsets[l],
                path: settings.kernels
            )
        }
    }

    /// Accuracy on the validation rows (weighted by the sample weights when given), as
    /// scikit-learn's `_score`.
    private func validationAccuracy() -> Double {
        let params = UnsafePointer(parameters.baseAddress.unsafelyUnwrapped)
        let probabilities = NetworkForward.outputs(
            x: UnsafeBufferPointer(x), features: features, rowIndices: validationRows, units: units,
            coefficients: coefficientOffsets.map { params + $0 },
            intercepts: interceptOffsets.map { params + $0 },
            activation: settings.activation, threads: settings.threads, path: settings.kernels
        )
        var correct = 0.0
        var total = 0.0
        for (i, row) in validationRows.enumerated() {
            let predicted: Int
            if outputs == 1 {
                predicted = probabilities[i] > 0.5 ? 1 : 0
            } else {
                var best = 0
                for k in 1..<outputs where probabilities[i * outputs + k] > probabilities[i * outputs + best] { best = k }
                predicted = best
            }
            let w = hasSampleWeights ? Double(rowWeights[row]) : 1
            if predicted == labels[row] { correct += w }
            total += w
        }
        return total > 0 ? correct / total : 0
    }

    /// The current parameters as `NetworkWeights` in double precision.
    private func currentWeights() -> NetworkWeights {
        NetworkWeights(
            layerUnits: units,
            coefficients: (0..<layerCount).map { l in
                (0..<(units[l] * units[l + 1])).map { Double(parameters[coefficientOffsets[l] + $0]) }
            },
            intercepts: (0..<layerCount).map { l in
                (0..<units[l + 1]).map { Double(parameters[interceptOffsets[l] + $0]) }
            }
        )
    }
}
