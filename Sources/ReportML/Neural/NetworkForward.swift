/// The forward pass of a fully connected network over a block of rows, shared by training,
/// validation scoring and prediction.
enum NetworkForward {
    /// Computes every layer's activations for `rows` contiguous input rows.
    ///
    /// `layers[l]` receives the `rows × units[l + 1]` output of weight layer `l`: hidden
    /// layers through `activation`, the last through the logistic function (one output) or
    /// a softmax. `coefficients[l]` is row-major `units[l] × units[l + 1]`.
    @inline(__always)
    static func run<T: NeuralScalar>(
        input: UnsafePointer<T>, rows: Int, units: [Int],
        coefficients: [UnsafePointer<T>], intercepts: [UnsafePointer<T>],
        activation: MultilayerPerceptron.Activation, layers: [UnsafeMutablePointer<T>],
        path: DenseKernels.Path = .automatic
    ) {
        let layerCount = units.count - 1
        var previous = input
        for l in 0..<layerCount {
            let fanIn = units[l]
            let fanOut = units[l + 1]
            let out = layers[l]
            let hidden = l < layerCount - 1
            DenseKernels.multiply(
                m: rows, n: fanOut, k: fanIn, a: previous, rowStride: fanIn, columnStride: 1,
                b: coefficients[l], ldb: fanOut, c: out, ldc: fanOut,
                start: .bias(intercepts[l]), finish: hidden && activation == .relu ? .relu : .none, path: path
            )
            if hidden {
                if activation != .relu { activation.apply(out, count: rows * fanOut) }
            } else if fanOut == 1 {
                MultilayerPerceptron.Activation.logistic(out, count: rows)
            } else {
                MultilayerPerceptron.Activation.softmaxRows(out, rows: rows, columns: fanOut)
            }
            previous = UnsafePointer(out)
        }
    }

    /// Output probabilities (`rows × units.last`) of the rows of `x` listed in
    /// `rowIndices` (all rows when nil), computed in fixed chunks on `threads` threads.
    static func outputs<T: NeuralScalar>(
        x: UnsafeBufferPointer<T>, features: Int, rowIndices: [Int]?, units: [Int],
        coefficients: [UnsafePointer<T>], intercepts: [UnsafePointer<T>],
        activation: MultilayerPerceptron.Activation, threads: Int, path: DenseKernels.Path = .automatic
    ) -> [T] {
        guard let base = x.baseAddress, features > 0 else { return [] }
        let rowCount = rowIndices?.count ?? x.count / features
        let outputs = units[units.count - 1]
        let widest = units.max() ?? 1
        let inputs = ForwardInputs(x: base, coefficients: coefficients, intercepts: intercepts)
        let chunks = RowChunks.map(count: rowCount, chunkSize: 256, threads: threads) { range -> [T] in
            let rows = range.count
            let gathered = UnsafeMutablePointer<T>.allocate(capacity: rowIndices == nil ? 0 : rows * features)
            let scratch = UnsafeMutablePointer<T>.allocate(capacity: rows * widest * 2)
            defer {
                gathered.deallocate()
                scratch.deallocate()
            }
            var input = UnsafePointer(inputs.x + range.lowerBound * features)
            if let rowIndices {
                for (i, row) in range.enumerated() {
                    (gathered + i * features).update(from: inputs.x + rowIndices[row] * features, count: features)
                }
                input = UnsafePointer(gathered)
            }
            // Layer outputs alternate between the two halves of the scratch space.
            let layers = (0..<(units.count - 1)).map { scratch + ($0 % 2) * rows * widest }
            run(input: input, rows: rows, units: units, coefficients: inputs.coefficients,
                intercepts: inputs.intercepts, activation: activation, layers: layers, path: path)
            return Array(UnsafeBufferPointer(start: layers[layers.count - 1], count: rows * outputs))
        }
        return chunks.flatMap { $0 }
    }

    /// Read-only pointers handed to worker threads (the caller keeps them alive).
    private struct ForwardInputs<T: NeuralScalar>: @unchecked Sendable {
        let x: UnsafePointer<T>
        let coefficients: [UnsafePointer<T>]
        let intercepts: [UnsafePointer<T>]
    }
}
