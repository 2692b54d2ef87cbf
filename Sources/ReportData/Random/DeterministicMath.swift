/// `log` and `exp` from `+ - * /` only, so random variates are bit-identical on every
/// platform (C libraries may differ in the last bit). Accurate to a few ulps.
public enum DeterministicMath {
    /// ln 2 split so that `k * ln2High` is exact for |k| < 2^11.
    private static let ln2High = 6.931_471_803_691_238_164_90e-01
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    private static let ln2 = 0.693_147_180_559_945_309_417_232_121_458

    /// 1/3, 1/5, …, 1/25: the atanh series coefficients.
    private static let oddReciprocals: [Double] = (1...12).map { 1 / Double(2 * $0 + 1) }
    /// 1/0!, 1/1!, …, 1/14!: the exponential series coefficients.
    private static let inverseFactorials: [Double] = (0...14).map { n in
        1 / (1...max(n, 1)).reduce(1.0) { $0 * Double($1) }
    }

    /// The natural logarithm of `x`; NaN for negative `x`, -∞ for 0, ∞ for ∞.
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        // x = m · 2^k with m in [√½, √2): exact, from the binary representation.
        var k = Double(Int(x.exponent))
        var m = x.significand
        if m > 1.414_213_562_373_095_048_80 {
            m /= 2
            k += 1
        }
        // ln m = 2·atanh(s) with s = (m−1)/(m+1), |s| ≤ 0.1716: an odd series in s.
        // s² ≤ 0.0295, so 12 terms reach below 1e-18 relative.
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var sum = 0.0
        for reciprocal in oddReciprocals.reversed() {
            sum = (sum + reciprocal) * s2
        }
        let lnM = 2 * s + 2 * s * sum
        return k * ln2High + (k * ln2Low + lnM)
    }

    /// e raised to `x`; 0 below about −745, ∞ above about 709.8.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782_712_893_384 { return .infinity }
        if x < -745.133_219_101_941_1 { return 0 }
        // x = k·ln2 + r with |r| ≤ ln2/2; e^r by its Taylor series in Horner form.
        let k = (x / ln2).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        // Degree 14: |r|^15 / 15! < 1e-19 for |r| ≤ ln2/2.
        var sum = 0.0
        for coefficient in inverseFactorials.reversed() {
            sum = sum * r + coefficient
        }
        // Scale by 2^k in two steps so that subnormal results stay accurate.
        let kInt = Int(k)
        let half = kInt / 2
        return sum * powerOfTwo(half) * powerOfTwo(kInt - half)
    }

    /// 1 / (1 + e^−x).
    public static func sigmoid(_ x: Double) -> Double {
        1 / (1 + exp(-x))
    }

    /// 2^k, exactly, for k in −1022…1023.
    private static func powerOfTwo(_ k: Int) -> Double {
        Double(sign: .plus, exponent: k, significand: 1)
    }
}
