import CNeuralKernels

/// Register-blocked dense matrix products for the network's forward and backward passes.
///
/// One routine covers the three products of backpropagation: `C = A·B` with `A` read
/// through strides, so the same micro-kernel computes `X·W` (row-major `A`), `Δ·Wᵀ` (with
/// a transposed copy of `W` as `B`) and `Xᵀ·Δ` (`A` read column-wise). Each micro-tile is 4
/// rows × one SIMD vector of `C` (8 floats or 4 doubles, two SSE registers each) held in
/// registers while the inner dimension streams through; the matrices of one batch chunk fit
/// in L2, so no further blocking pays. Columns beyond the last whole vector are computed on
/// a zero-padded copy of `B`'s last columns, so narrow layers (a few classes) stay
/// vectorised. Every element is summed over the inner dimension in order, so results do not
/// depend on how rows are split into tiles or chunks.
///
/// In single precision on x86-64 the products, column sums and transposes (and the trainer's
/// Adam step) run in C (`CNeuralKernels`): an SSE2 baseline every x86-64 processor runs and
/// an AVX2 build with 4-row × 16-column tiles, about twice as fast, chosen at run time. Both
/// do exactly the arithmetic of the Swift code here (each element the same chain of
/// separately rounded multiplies and adds, never fused into FMAs, vectorised across columns
/// only), so every path gives the bits of the Swift kernels that double precision and other
/// processors run. `Path` picks one, for tests.
enum DenseKernels {
    /// Which build of the single-precision kernels runs (all give the same bits).
    enum Path: Int32, Sendable {
        /// On x86-64, AVX2 where the processor has it, else the SSE2 baseline; the Swift
        /// kernels elsewhere.
        case automatic = 0
        /// The C kernels' SSE2 baseline (x86-64).
        case baseline = 1
        /// The C kernels' AVX2 build (x86-64; the baseline where the processor lacks AVX2).
        case avx2 = 2
        /// The Swift kernels, as double precision and other processors run them.
        case swift = -1

        /// The build that runs on this processor.
        var resolved: Path {
            #if arch(x86_64)
            self == .swift ? .swift : Path(rawValue: nk_resolved_path(rawValue)) ?? .baseline
            #else
            .swift
            #endif
        }

        /// Whether `T`'s kernels run in C: single precision on x86-64, unless `.swift`.
        @inline(__always)
        func runsC<T: NeuralScalar>(_: T.Type) -> Bool {
            #if arch(x86_64)
            return T.self == Float.self && self != .swift
            #else
            return false
            #endif
        }
    }

    /// What `C` starts from.
    enum Start<T: NeuralScalar> {
        /// Zero: `C = A·B`.
        case zero
        /// `C`'s current values: `C += A·B`.
        case accumulate
        /// A bias row added to every row: `C = 1·biasᵀ + A·B` (bias first, as it is fused).
        case bias(UnsafePointer<T>)

        /// The C kernel's start code and bias row (single precision only reaches C).
        var cArguments: (Int32, UnsafePointer<Float>?) {
            switch self {
            case .zero: return (Int32(NK_START_ZERO), nil)
            case .accumulate: return (Int32(NK_START_ACCUMULATE), nil)
            case .bias(let pointer): return (Int32(NK_START_BIAS), UnsafeRawPointer(pointer).assumingMemoryBound(to: Float.self))
            }
        }
    }

    /// What is applied to each result before it is stored.
    enum Finish<T: NeuralScalar> {
        /// Nothing.
        case none
        /// max(x, 0) (NaN stays NaN, as numpy's `maximum`).
        case relu
        /// 0 wherever `mask` (laid out as `C`) is 0: the ReLU derivative expressed through
        /// the layer's output, as scikit-learn's `inplace_relu_derivative`.
        case zeroWhereMaskIsZero(UnsafePointer<T>)

        /// The C kernel's finish code and mask (single precision only reaches C).
        var cArguments: (Int32, UnsafePointer<Float>?) {
            switch self {
            case .none: return (Int32(NK_FINISH_NONE), nil)
            case .relu: return (Int32(NK_FINISH_RELU), nil)
            case .zeroWhereMaskIsZero(let pointer):
                return (Int32(NK_FINISH_MASK), UnsafeRawPointer(pointer).assumingMemoryBound(to: Float.self))
            }
        }
    }

    /// `C[m×n] = start + A·B`, finished by `finish`, where element `(i, p)` of `A` is
    /// `a[i·rowStride + p·columnStride]`, `B` is row-major `k×n` with leading dimension
    /// `ldb` and `C` row-major with leading dimension `ldc`.
    @inline(__always)
    static func multiply<T: NeuralScalar>(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<T>, rowStride rs: Int, columnStride cs: Int,
        b: UnsafePointer<T>, ldb: Int,
        c: UnsafeMutablePointer<T>, ldc: Int,
        start: Start<T> = .zero, finish: Finish<T> = .none, path: Path = .automatic
    ) {
        if path.runsC(T.self) {
            let (startCode, bias) = start.cArguments
            let (finishCode, mask) = finish.cArguments
            nk_sgemm(m, n, k, UnsafeRawPointer(a).assumingMemoryBound(to: Float.self), rs, cs,
                     UnsafeRawPointer(b).assumingMemoryBound(to: Float.self), ldb,
                     UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self), ldc,
                     startCode, bias, finishCode, mask, path.rawValue)
            return
        }
        let width = T.Vector.scalarCount
        let vectorEnd = n - n % width
        // The finish is resolved once, outside the loops, into a constant mode.
        switch finish {
        case .none:
            panels(m: m, k: k, a: a, rs: rs, cs: cs, b: b, ldb: ldb, c: c, ldc: ldc, vectorEnd: vectorEnd,
                   start: start, mode: 0, mask: nil)
        case .relu:
            panels(m: m, k: k, a: a, rs: rs, cs: cs, b: b, ldb: ldb, c: c, ldc: ldc, vectorEnd: vectorEnd,
                   start: start, mode: 1, mask: nil)
        case .zeroWhereMaskIsZero(let mask):
            panels(m: m, k: k, a: a, rs: rs, cs: cs, b: b, ldb: ldb, c: c, ldc: ldc, vectorEnd: vectorEnd,
                   start: start, mode: 2, mask: mask)
        }
        guard vectorEnd < n else { return }
        // The last n − vectorEnd columns: computed on a zero-padded copy of B's last columns
        // into a scratch tile, then started and finished lane by lane into C.
        let columns = n - vectorEnd
        withUnsafeTemporaryAllocation(of: T.self, capacity: (k + m) * width) { scratch in
            guard let packed = scratch.baseAddress else { return }
            let tile = packed + k * width
            packed.initialize(repeating: 0, count: k * width)
            for p in 0..<k {
                (packed + p * width).update(from: b + p * ldb + vectorEnd, count: columns)
            }
            panel(m: m, k: k, a: a, rs: rs, cs: cs, b: packed, ldb: width, initial: T.Vector(),
                  c: tile, ldc: width, accumulate: false, mode: 0, mask: nil)
            for i in 0..<m {
                for lane in 0..<columns {
                    let index = i * ldc + vectorEnd + lane
                    var result = tile[i * width + lane]
                    switch start {
                    case .zero: break
                    case .accumulate: result = c[index] + result
                    case .bias(let bias): result = bias[vectorEnd + lane] + result
                    }
                    switch finish {
                    case .none: break
                    case .relu: if result < 0 { result = 0 }
                    case .zeroWhereMaskIsZero(let mask): if mask[index] == 0 { result = 0 }
                    }
                    c[index] = result
                }
            }
        }
    }

    /// All whole-vector column panels of `C`.
    @inline(__always)
    private static func panels<T: NeuralScalar>(
        m: Int, k: Int, a: UnsafePointer<T>, rs: Int, cs: Int, b: UnsafePointer<T>, ldb: Int,
        c: UnsafeMutablePointer<T>, ldc: Int, vectorEnd: Int, start: Start<T>, mode: Int, mask: UnsafePointer<T>?
    ) {
        let width = T.Vector.scalarCount
        var j = 0
        while j < vectorEnd {
            let initial = start.bias.map { UnsafeRawPointer($0 + j).loadUnaligned(as: T.Vector.self) } ?? T.Vector()
            panel(m: m, k: k, a: a, rs: rs, cs: cs, b: b + j, ldb: ldb, initial: initial,
                  c: c + j, ldc: ldc, accumulate: start.accumulates, mode: mode, mask: mask.map { $0 + j })
            j += width
        }
    }

    /// One vector-wide column panel of `C`: 4-row tiles, then single rows.
    @inline(__always)
    private static func panel<T: NeuralScalar>(
        m: Int, k: Int, a: UnsafePointer<T>, rs: Int, cs: Int,
        b: UnsafePointer<T>, ldb: Int, initial: T.Vector,
        c: UnsafeMutablePointer<T>, ldc: Int, accumulate: Bool, mode: Int, mask: UnsafePointer<T>?
    ) {
        typealias V = T.Vector
        var i = 0
        while i + 4 <= m {
            var c0 = initial, c1 = initial, c2 = initial, c3 = initial
            var ap = a + i * rs
            var bp = b
            for _ in 0..<k {
                let bv = UnsafeRawPointer(bp).loadUnaligned(as: V.self)
                c0 += V(repeating: ap[0]) * bv
                c1 += V(repeating: ap[rs]) * bv
                c2 += V(repeating: ap[2 * rs]) * bv
                c3 += V(repeating: ap[3 * rs]) * bv
                ap += cs
                bp += ldb
            }
            store(c0, at: c + i * ldc, accumulate: accumulate, mode: mode, mask: mask.map { $0 + i * ldc })
            store(c1, at: c + (i + 1) * ldc, accumulate: accumulate, mode: mode, mask: mask.map { $0 + (i + 1) * ldc })
            store(c2, at: c + (i + 2) * ldc, accumulate: accumulate, mode: mode, mask: mask.map { $0 + (i + 2) * ldc })
            store(c3, at: c + (i + 3) * ldc, accumulate: accumulate, mode: mode, mask: mask.map { $0 + (i + 3) * ldc })
            i += 4
        }
        while i < m {
            var c0 = initial
            var ap = a + i * rs
            var bp = b
            for _ in 0..<k {
                c0 += V(repeating: ap[0]) * UnsafeRawPointer(bp).loadUnaligned(as: V.self)
                ap += cs
                bp += ldb
            }
            store(c0, at: c + i * ldc, accumulate: accumulate, mode: mode, mask: mask.map { $0 + i * ldc })
            i += 1
        }
    }

    /// Writes one vector of `C`, adding `C`'s current value first when `accumulate`; mode 1
    /// clamps negatives to 0, mode 2 zeroes the lanes where `mask` is 0.
    @inline(__always)
    private static func store<V: SIMD>(
        _ value: V, at target: UnsafeMutablePointer<V.Scalar>, accumulate: Bool, mode: Int,
        mask: UnsafePointer<V.Scalar>?
    ) where V.Scalar: FloatingPoint {
        var result = value
        if accumulate { result += UnsafeRawPointer(target).loadUnaligned(as: V.self) }
        UnsafeMutableRawPointer(target).storeBytes(of: result, as: V.self)
        // Element-wise selects (rather than SIMD masks, which the generic standard library
        // builds lane by lane) let the compiler emit vector compares.
        if mode == 1 {
            for lane in 0..<V.scalarCount {
                let x = target[lane]
                target[lane] = x < 0 ? 0 : x
            }
        } else if mode == 2, let mask {
            for lane in 0..<V.scalarCount {
                let x = target[lane]
                target[lane] = mask[lane] == 0 ? 0 : x
            }
        }
    }

    /// Column sums of a row-major `rows × columns` matrix into `out` (overwritten), adding
    /// rows in order.
    @inline(__always)
    static func columnSums<T: NeuralScalar>(
        _ matrix: UnsafePointer<T>, rows: Int, columns: Int, into out: UnsafeMutablePointer<T>, path: Path = .automatic
    ) {
        if path.runsC(T.self) {
            nk_column_sums(UnsafeRawPointer(matrix).assumingMemoryBound(to: Float.self), rows, columns,
                           UnsafeMutableRawPointer(out).assumingMemoryBound(to: Float.self), path.rawValue)
            return
        }
        out.update(repeating: 0, count: columns)
        for row in 0..<rows {
            let source = matrix + row * columns
            for column in 0..<columns { out[column] += source[column] }
        }
    }

    /// `destination[j·rows + i] = source[i·columns + j]`: the transpose of a row-major
    /// `rows × columns` matrix.
    static func transpose<T: NeuralScalar>(
        _ source: UnsafePointer<T>, rows: Int, columns: Int, into destination: UnsafeMutablePointer<T>,
        path: Path = .automatic
    ) {
        if path.runsC(T.self) {
            nk_transpose(UnsafeRawPointer(source).assumingMemoryBound(to: Float.self), rows, columns,
                         UnsafeMutableRawPointer(destination).assumingMemoryBound(to: Float.self))
            return
        }
        for i in 0..<rows {
            let row = source + i * columns
            for j in 0..<columns { destination[j * rows + i] = row[j] }
        }
    }
}

extension DenseKernels.Start {
    /// The bias row, if any.
    var bias: UnsafePointer<T>? {
        if case .bias(let pointer) = self { return pointer }
        return nil
    }

    /// Whether `C`'s current values are added to.
    var accumulates: Bool {
        if case .accumulate = self { return true }
        return false
    }
}

extension DenseKernels.Finish {
    /// The same finish for the columns from `offset` on.
    func shifted(by offset: Int) -> Self {
        if case .zeroWhereMaskIsZero(let mask) = self { return .zeroWhereMaskIsZero(mask + offset) }
        return self
    }
}
