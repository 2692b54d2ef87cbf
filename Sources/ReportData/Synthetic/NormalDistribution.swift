/// The standard normal distribution function and its inverse, from `+ - * /`, `sqrt` and
/// `DeterministicMath` only, so that copula draws are bit-identical on every machine.
///
/// The coefficients are parsed from text once (`Double(String)` rounds correctly everywhere,
/// while long float literals can be one ulp off on x86-64).
enum NormalDistribution {
    /// Hart's double-precision algorithm (West 2005, "Better approximations to cumulative
    /// normal functions"): numerator and denominator coefficients, highest degree first.
    private static let hartNumerator = numbers(
        "3.52624965998911e-02 0.700383064443688 6.37396220353165 33.912866078383 112.079291497871 "
            + "221.213596169931 220.206867912376")
    private static let hartDenominator = numbers(
        "8.83883476483184e-02 1.75566716318264 16.064177579207 86.7807322029461 296.564248779674 "
            + "637.333633378831 793.826512519948 440.413735824752")
    private static let sqrtTwoPi = numbers("2.5066282746310002")[0]
    private static let hartSwitch = numbers("7.07106781186547")[0]

    /// Acklam's rational approximation of the quantile function (relative error below
    /// 1.15e-9, far finer than the 3 to 6 digits the profiles write).
    private static let acklamA = numbers(
        "-3.969683028665376e+01 2.209460984245205e+02 -2.759285104469687e+02 1.383577518672690e+02 "
            + "-3.066479806614716e+01 2.506628277459239e+00")
    private static let acklamB = numbers(
        "-5.447609879822406e+01 1.615858368580409e+02 -1.556989798598866e+02 6.680131188771972e+01 "
            + "-1.328068155288572e+01")
    private static let acklamC = numbers(
        "-7.784894002430293e-03 -3.223964580411365e-01 -2.400758277161838e+00 -2.549732539343734e+00 "
            + "4.374664141464968e+00 2.938163982698783e+00")
    private static let acklamD = numbers(
        "7.784695709041462e-03 3.224671290700398e-01 2.445134137142996e+00 3.754408661907416e+00")

    /// Numbers from space-separated text.
    private static func numbers(_ text: String) -> [Double] {
        text.split(separator: " ").map { Double(String($0))! }
    }

    /// P(Z ≤ x) for a standard normal Z (absolute error below 1e-14).
    static func cdf(_ x: Double) -> Double {
        let t = abs(x)
        var tail: Double
        if t > 37 {
            tail = 0
        } else {
            let e = DeterministicMath.exp(-t * t / 2)
            if t < hartSwitch {
                var num = 0.0
                for c in hartNumerator { num = num * t + c }
                var den = 0.0
                for c in hartDenominator { den = den * t + c }
                tail = e * num / den
            } else {
                var b = t + 0.65
                b = t + 4 / b
                b = t + 3 / b
                b = t + 2 / b
                b = t + 1 / b
                tail = e / b / sqrtTwoPi
            }
        }
        return x > 0 ? 1 - tail : tail
    }

    /// The x with P(Z ≤ x) = p, for p in (0, 1); ±∞ at 0 and 1.
    static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let low = 0.02425
        var x: Double
        if p < low || p > 1 - low {
            let q = (-2 * DeterministicMath.log(p < low ? p : 1 - p)).squareRoot()
            var num = 0.0
            for c in acklamC { num = num * q + c }
            var den = 0.0
            for c in acklamD { den = den * q + c }
            x = num / (den * q + 1)
            if p > 1 - low { x = -x }
        } else {
            let q = p - 0.5
            let r = q * q
            var num = 0.0
            for c in acklamA { num = num * r + c }
            var den = 0.0
            for c in acklamB { den = den * r + c }
            x = num * q / (den * r + 1)
        }
        return x
    }

    /// A normal truncated to a range, drawn through its quantile function: a standard normal
    /// score `z` gives an exact truncated-normal draw, and correlated scores give a Gaussian
    /// copula.
    struct Truncated: Sendable {
        let spread: GenreStyle.Spread
        let range: ClosedRange<Double>
        /// Whether the range lies above the mean (then upper-tail probabilities keep accuracy).
        let upper: Bool
        /// The probabilities of the bounds (upper-tail ones when `upper`).
        let low: Double, high: Double

        init(_ spread: GenreStyle.Spread, in range: ClosedRange<Double>) {
            self.spread = spread
            self.range = range
            let a = (range.lowerBound - spread.mean) / spread.sd
            let b = (range.upperBound - spread.mean) / spread.sd
            upper = a > 0
            low = upper ? cdf(-a) : cdf(a)
            high = upper ? cdf(-b) : cdf(b)
        }

        /// The value at the normal score `z`.
        func at(_ z: Double) -> Double {
            let p = low + cdf(z) * (high - low)
            let x = upper ? -quantile(p) : quantile(p)
            return min(max(spread.at(x), range.lowerBound), range.upperBound)
        }
    }
}
