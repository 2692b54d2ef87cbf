/// Count, mean and sum of squared deviations (M2) of some values, mergeable across chunks by
/// the parallel-variance update of Chan, Golub and LeVeque (1979).
///
/// The mean is kept relative to a `shift` (a value of the data, the same for every chunk of a
/// feature): deviations `x - shift` are small next to the data's magnitude, so chunk means
/// and their differences keep their digits even for data like `1e8 + noise`, and
/// `(x - shift) - shiftedMean` centres a value more precisely than `x - mean` can.
public struct Moments: Sendable, Equatable {
    /// The number of values.
    public private(set) var count: Int
    /// The value subtracted from every value before summing.
    public let shift: Double
    /// The mean of `x - shift`.
    public private(set) var shiftedMean: Double
    /// The sum of squared deviations from the mean.
    public private(set) var m2: Double
    /// The smallest and largest value (NaN when `count == 0`).
    public private(set) var min: Double
    public private(set) var max: Double

    /// No values yet: the identity of `merged(with:)`.
    public init(shift: Double) {
        count = 0
        self.shift = shift
        shiftedMean = 0
        m2 = 0
        min = .nan
        max = .nan
    }

    /// The moments of NaN-free `values`: a pairwise mean of `x - shift`, then the corrected
    /// two-pass M2 (Chan, Golub and LeVeque's `Σd² − (Σd)²/n`, `d` the deviation from that
    /// mean), which removes the first-order rounding error of the mean.
    public init(_ values: UnsafeBufferPointer<Double>, shift: Double) {
        self.init(shift: shift)
        let n = values.count
        guard n > 0 else { return }
        var deviations = [Double](repeating: 0, count: n)
        var low = Double.infinity, high = -Double.infinity
        deviations.withUnsafeMutableBufferPointer { d in
            for i in 0..<n {
                let x = values[i]
                d[i] = x - shift
                if x < low { low = x }
                if x > high { high = x }
            }
        }
        let mean = PairwiseSummation.sum(deviations) / Double(n)
        var squares = [Double](repeating: 0, count: n)
        deviations.withUnsafeMutableBufferPointer { d in
            squares.withUnsafeMutableBufferPointer { s in
                for i in 0..<n {
                    let e = d[i] - mean
                    d[i] = e
                    s[i] = e * e
                }
            }
        }
        let residual = PairwiseSummation.sum(deviations)
        count = n
        shiftedMean = mean
        m2 = Swift.max(0, PairwiseSummation.sum(squares) - residual * residual / Double(n))
        min = low
        max = high
    }

    /// The mean of the values.
    public var mean: Double { count > 0 ? shift + shiftedMean : .nan }

    /// The population variance `M2 / n` (NumPy's `var` with `ddof=0`); NaN without values.
    public var variance: Double { count > 0 ? m2 / Double(count) : .nan }

    /// The population standard deviation (`ddof=0`).
    public var standardDeviation: Double { variance.squareRoot() }

    /// The moments of both sets of values together (Chan et al.'s update):
    /// `δ = mean_b − mean_a`, `mean = mean_a + δ·n_b/n`, `M2 = M2_a + M2_b + δ²·n_a·n_b/n`.
    ///
    /// Precondition: both use the same `shift`.
    public func merged(with other: Moments) -> Moments {
        precondition(shift == other.shift || (shift.isNaN && other.shift.isNaN), "moments with different shifts")
        if other.count == 0 { return self }
        if count == 0 { return other }
        let n = count + other.count
        let na = Double(count), nb = Double(other.count), total = Double(n)
        let delta = other.shiftedMean - shiftedMean
        var out = self
        out.count = n
        out.shiftedMean = shiftedMean + delta * (nb / total)
        out.m2 = m2 + other.m2 + delta * delta * (na * nb / total)
        out.min = Swift.min(min, other.min)
        out.max = Swift.max(max, other.max)
        return out
    }

    /// Merges a list of partial moments as a balanced tree, in a fixed order: adjacent pairs
    /// first, so the rounding is the same on every run and grows like log(chunks).
    public static func merge(_ parts: [Moments], shift: Double) -> Moments {
        var level = parts
        guard !level.isEmpty else { return Moments(shift: shift) }
        while level.count > 1 {
            var next: [Moments] = []
            next.reserveCapacity((level.count + 1) / 2)
            var i = 0
            while i + 1 < level.count {
                next.append(level[i].merged(with: level[i + 1]))
                i += 2
            }
            if i < level.count { next.append(level[i]) }
            level = next
        }
        return level[0]
    }
}
