import Foundation

/// How the kernel width of a `KernelDensity` is chosen, as `scipy.stats.gaussian_kde`'s
/// `bw_method`.
public enum Bandwidth: Sendable, Equatable {
    /// Scott's rule: factor `n^(-1/5)` (scipy's default).
    case scott
    /// Silverman's rule: factor `(3n/4)^(-1/5)`.
    case silverman
    /// A fixed factor multiplied by the sample standard deviation (scipy's scalar `bw_method`).
    case factor(Double)
}

/// A one-dimensional Gaussian kernel density estimate, equal to `scipy.stats.gaussian_kde`:
/// kernel standard deviation = sample standard deviation (ddof 1) × the bandwidth factor.
///
/// Missing values (NaN) are skipped. Needs at least two distinct values.
public struct KernelDensity: Sendable {
    public let samples: [Double]
    /// The bandwidth factor (scipy's `kde.factor`).
    public let factor: Double
    /// The kernel's standard deviation (scipy's `sqrt(kde.covariance)`).
    public let kernelWidth: Double

    /// Fails (returns nil) with fewer than two values or zero variance.
    public init?(_ values: [Double], bandwidth: Bandwidth = .scott) {
        let samples = values.filter { !$0.isNaN }
        let n = Double(samples.count)
        guard samples.count >= 2 else { return nil }
        let std = Descriptive.standardDeviation(samples, ddof: 1)
        guard std > 0, std.isFinite else { return nil }
        switch bandwidth {
        case .scott: factor = pow(n, -0.2)
        case .silverman: factor = pow(n * 3 / 4, -0.2)
        case .factor(let value): factor = value
        }
        self.samples = samples
        kernelWidth = std * factor
    }

    /// The density at each point, summing every kernel exactly (O(n × points)); parallel over
    /// points, so the result does not depend on the thread count.
    public func evaluate(at points: [Double]) -> [Double] {
        let h = kernelWidth
        let norm = 1 / (Double(samples.count) * h * (2 * Double.pi).squareRoot())
        let samples = self.samples
        return fillSlots(count: points.count, parallel: points.count * samples.count > 200_000) { index in
            let x = points[index]
            var sum = 0.0
            for sample in samples {
                let z = (x - sample) / h
                sum += exp(-0.5 * z * z)
            }
            return sum * norm
        }
    }

    /// The density on `points` (an evenly spaced ascending grid) by linear binning of the samples
    /// onto a fine grid and a discrete convolution with the kernel — O(bins × kernel span)
    /// instead of O(n × points). Its largest absolute error is below 1e-3 × the peak density
    /// (tested against `evaluate(at:)`).
    public func evaluateBinned(on points: [Double], bins: Int = 2048) -> [Double] {
        guard points.count >= 2, let lo = points.first, let hi = points.last, hi > lo else {
            return evaluate(at: points)
        }
        // Fine grid covering the points and every sample within 6 kernel widths of them.
        let reach = 6 * kernelWidth
        let start = min(lo, samples.min() ?? lo) - reach
        let end = max(hi, samples.max() ?? hi) + reach
        let delta = (end - start) / Double(bins - 1)
        var counts = [Double](repeating: 0, count: bins)
        for sample in samples {
            let position = (sample - start) / delta
            let left = Int(position.rounded(.down))
            let weight = position - Double(left)
            if left >= 0, left < bins { counts[left] += 1 - weight }
            if left + 1 >= 0, left + 1 < bins { counts[left + 1] += weight }
        }
        let span = Int((reach / delta).rounded(.up))
        let norm = 1 / (Double(samples.count) * kernelWidth * (2 * Double.pi).squareRoot())
        var kernel = [Double](repeating: 0, count: 2 * span + 1)
        for offset in -span...span {
            let z = Double(offset) * delta / kernelWidth
            kernel[offset + span] = exp(-0.5 * z * z) * norm
        }
        var grid = [Double](repeating: 0, count: bins)
        for index in 0..<bins where counts[index] != 0 {
            let weight = counts[index]
            let from = max(0, index - span), to = min(bins - 1, index + span)
            for target in from...to {
                grid[target] += weight * kernel[target - index + span]
            }
        }
        // Linear interpolation from the fine grid to the requested points.
        return points.map { x in
            let position = (x - start) / delta
            let left = min(max(Int(position.rounded(.down)), 0), bins - 2)
            let weight = position - Double(left)
            return grid[left] * (1 - weight) + grid[left + 1] * weight
        }
    }

    /// `count` evenly spaced points from `lo` to `hi`.
    public static func grid(from lo: Double, to hi: Double, count: Int) -> [Double] {
        guard count > 1 else { return [lo] }
        return (0..<count).map { lo + (hi - lo) * Double($0) / Double(count - 1) }
    }
}
