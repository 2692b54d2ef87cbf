import Foundation

/// Tick values at round numbers (1, 2 or 5 × 10^k), computed as d3-array's `ticks`,
/// `tickIncrement` and `nice` do, so the results match d3's for the same arguments.
public enum NiceTicks {
    private static let e10 = 50.0.squareRoot()
    private static let e5 = 10.0.squareRoot()
    private static let e2 = 2.0.squareRoot()

    /// About `count` round values covering `start...stop`, in the order of the arguments.
    ///
    /// The values are exact decimals (computed as integers divided by a power of ten), so
    /// `ticks(0, 1, count: 10)` contains `0.3`, not `0.30000000000000004`. Returns `[]` for
    /// `count <= 0` or non-finite bounds and `[start]` when `start == stop`.
    public static func ticks(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard count > 0, start.isFinite, stop.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (lo, hi) = reverse ? (stop, start) : (start, stop)
        guard let spec = tickSpec(lo, hi, Double(count)), spec.i2 >= spec.i1 else { return [] }
        let n = Int(spec.i2 - spec.i1) + 1
        var values = [Double]()
        values.reserveCapacity(n)
        for k in 0..<n {
            let i = spec.i1 + Double(k)
            values.append(spec.increment < 0 ? i / -spec.increment : i * spec.increment)
        }
        return reverse ? values.reversed() : values
    }

    /// d3's `tickIncrement`: the tick step when ≥ 1, or `-1/step` when the step is below 1
    /// (so that it stays an exact integer). `nil` when no step exists.
    public static func tickIncrement(_ start: Double, _ stop: Double, count: Int) -> Double? {
        tickSpec(start, stop, Double(count))?.increment
    }

    /// The distance between neighbouring ticks of `ticks(start, stop, count:)`, always positive.
    public static func tickStep(_ start: Double, _ stop: Double, count: Int) -> Double? {
        let (lo, hi) = stop < start ? (stop, start) : (start, stop)
        guard let inc = tickIncrement(lo, hi, count: count), inc != 0 else { return nil }
        return inc < 0 ? -1 / inc : inc
    }

    /// d3's `nice`: `start...stop` widened outwards to multiples of the tick step, repeated
    /// until the step no longer changes. Returns the inputs unchanged when they are degenerate.
    public static func nice(_ start: Double, _ stop: Double, count: Int) -> (Double, Double) {
        guard start.isFinite, stop.isFinite, count > 0, start != stop else { return (start, stop) }
        let reverse = stop < start
        var lo = reverse ? stop : start
        var hi = reverse ? start : stop
        var previous: Double?
        for _ in 0..<10 {
            guard let step = tickIncrement(lo, hi, count: count), step != previous,
                step != 0, step.isFinite
            else { break }
            if step > 0 {
                lo = (lo / step).rounded(.down) * step
                hi = (hi / step).rounded(.up) * step
            } else {
                lo = (lo * step).rounded(.up) / step
                hi = (hi * step).rounded(.down) / step
            }
            previous = step
        }
        return reverse ? (hi, lo) : (lo, hi)
    }

    private struct Spec {
        var i1: Double
        var i2: Double
        var increment: Double
    }

    private static func tickSpec(_ start: Double, _ stop: Double, _ count: Double) -> Spec? {
        let step = (stop - start) / max(0, count)
        guard step.isFinite, step > 0 else { return nil }
        let power = floor(log10(step))
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow(10, -power) / factor
            i1 = (start * inc).rounded(.toNearestOrAwayFromZero)
            i2 = (stop * inc).rounded(.toNearestOrAwayFromZero)
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow(10, power) * factor
            i1 = (start / inc).rounded(.toNearestOrAwayFromZero)
            i2 = (stop / inc).rounded(.toNearestOrAwayFromZero)
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1 && 0.5 <= count && count < 2 { return tickSpec(start, stop, count * 2) }
        return Spec(i1: i1, i2: i2, increment: inc)
    }
}
