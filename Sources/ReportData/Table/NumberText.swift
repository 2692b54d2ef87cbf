/// Deterministic text for numbers, shared by display and CSV writing.
public enum NumberText {
    /// The shortest text that reads back as `x`; whole numbers print without `.0`.
    ///
    /// Whole numbers below 2^53 in magnitude print as integers (`194754`, `-3`); other
    /// values use Swift's shortest round-trip form (`0.748`, `2.33e-05`, `1e+20`).
    public static func shortest(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isFinite, x == x.rounded(.towardZero), abs(x) < 9_007_199_254_740_992 {
            return String(Int64(x))
        }
        return x.description
    }
}
