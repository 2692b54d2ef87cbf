/// Summation in NumPy's pairwise order, so sums and means agree with `np.sum`/`np.mean` bit for bit.
///
/// NumPy adds blocks of at most 128 values with eight interleaved accumulators and splits
/// longer runs in two at a multiple of eight. The rounding error grows like O(log n) rather
/// than O(n) for a left-to-right loop, and replaying the exact order keeps our statistics
/// identical to the reference implementation instead of merely close to it.
enum PairwiseSummation {
    /// The values NumPy adds in one unrolled block before splitting.
    static let blockSize = 128

    /// The sum of `values` in NumPy's order; 0 for an empty buffer. NaN propagates.
    static func sum(_ values: UnsafeBufferPointer<Double>) -> Double {
        guard let base = values.baseAddress else { return 0 }
        return sum(base, values.count)
    }

    /// The sum of `values` in NumPy's order; 0 for an empty array. NaN propagates.
    static func sum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { sum($0) }
    }

    private static func sum(_ a: UnsafePointer<Double>, _ n: Int) -> Double {
        if n < 8 {
            var res = 0.0
            for i in 0..<n { res += a[i] }
            return res
        } else if n <= blockSize {
            var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3]
            var r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
            var i = 8
            let end = n - n % 8
            while i < end {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
                i += 8
            }
            var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n {
                res += a[i]
                i += 1
            }
            return res
        } else {
            var n2 = n / 2
            n2 -= n2 % 8
            return sum(a, n2) + sum(a + n2, n - n2)
        }
    }
}
