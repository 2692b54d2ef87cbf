/// Random draws shared by the synthetic profiles: truncated normals, logit-normals, weighted
/// choices and row allocations. Only `+ - * /`, `sqrt` and `DeterministicMath`, so every
/// machine draws the same values.
enum SyntheticDraw {
    typealias Spread = GenreStyle.Spread

    /// `spread` at `shared + weight · z`, redrawing z until the value falls in `range`:
    /// a truncated normal (for `shared` 0 and `weight` 1) without the pile-up at the bounds
    /// that clipping would make. After 64 misses (only for a hopeless `shared`) the value
    /// is clamped.
    static func bounded(
        _ spread: Spread, shared: Double = 0, weight: Double = 1, in range: ClosedRange<Double>,
        _ rng: inout Xoshiro256StarStar
    ) -> Double {
        var value = spread.at(shared + weight * rng.nextGaussian())
        var tries = 1
        while !range.contains(value), tries < 64 {
            value = spread.at(shared + weight * rng.nextGaussian())
            tries += 1
        }
        return min(max(value, range.lowerBound), range.upperBound)
    }

    /// A standard normal score correlated `r` with `z`, redrawn until `spread` at it falls in
    /// `range`; returns the value.
    static func following(
        _ z: Double, r: Double, _ spread: Spread, in range: ClosedRange<Double>, _ rng: inout Xoshiro256StarStar
    ) -> Double {
        bounded(spread, shared: r * z, weight: (1 - r * r).squareRoot(), in: range, &rng)
    }

    /// Two independent standard normal deviates from one round of Marsaglia's polar method
    /// (half the logarithms of two `nextGaussian()` calls).
    static func gaussianPair(_ rng: inout Xoshiro256StarStar) -> (Double, Double) {
        while true {
            let u = 2 * rng.nextDouble() - 1
            let v = 2 * rng.nextDouble() - 1
            let s = u * u + v * v
            if s < 1 && s > 0 {
                let f = (-2 * DeterministicMath.log(s) / s).squareRoot()
                return (u * f, v * f)
            }
        }
    }

    /// A logit-normal value: the sigmoid of `spread` at `z`, to 3 significant digits.
    static func logit(_ spread: Spread, at z: Double) -> Double {
        Rounding.significant(DeterministicMath.sigmoid(spread.at(z)), 3)
    }

    /// An index drawn with probability proportional to `weights` (not all zero).
    static func pick(_ weights: [Double], _ rng: inout Xoshiro256StarStar) -> Int {
        let total = weights.reduce(0, +)
        var u = rng.nextDouble() * total
        for (i, w) in weights.enumerated() {
            if u < w { return i }
            u -= w
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// One of `items`, uniformly.
    static func one<T>(_ items: [T], _ rng: inout Xoshiro256StarStar) -> T {
        items[rng.nextInt(below: items.count)]
    }

    /// `total` split in proportion to `weights` by largest remainders (ties to the earlier
    /// entry), so the parts add up to `total` exactly.
    static func allocate(_ total: Int, proportionalTo weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var parts = exact.map { Int($0) }
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - Double(parts[a]), rb = exact[b] - Double(parts[b])
            return ra != rb ? ra > rb : a < b
        }
        for i in order.prefix(total - parts.reduce(0, +)) { parts[i] += 1 }
        return parts
    }

    /// A Fisher–Yates shuffle of `0..<count`.
    static func permutation(_ count: Int, _ rng: inout Xoshiro256StarStar) -> [Int] {
        var order = Array(0..<count)
        var i = count - 1
        while i > 0 {
            let j = rng.nextInt(below: i + 1)
            order.swapAt(i, j)
            i -= 1
        }
        return order
    }

    /// `count` characters drawn uniformly from `alphabet` (ASCII).
    static func code(_ count: Int, from alphabet: [UInt8], _ rng: inout Xoshiro256StarStar) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count { bytes.append(alphabet[rng.nextInt(below: alphabet.count)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `0-9A-Za-z`, the alphabet of Spotify ids.
    static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
    /// `0-9A-Z`, the alphabet of Echo Nest ids.
    static let base36 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
}
