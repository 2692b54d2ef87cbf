import Foundation

/// Number-to-text formatting for axes and cells: C-locale digits and a typographic minus.
public enum NumberFormat {
    /// `value` with `decimals` digits after the point, e.g. `fixed(-0.351, 2) == "−0.35"`.
    ///
    /// Uses U+2212 MINUS SIGN, and never prints a negative zero ("−0.00" becomes "0.00").
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "∞" : "−∞") }
        let text = String(format: "%.\(max(0, decimals))f", value)
        guard text.hasPrefix("-") else { return text }
        let magnitude = text.dropFirst()
        if magnitude.allSatisfy({ $0 == "0" || $0 == "." }) { return String(magnitude) }
        return "\u{2212}" + magnitude
    }

    /// A tick label for `value` on an axis whose ticks are `step` apart: as many decimals as
    /// the step needs, thousands grouped with a thin space from 10 000 up, and powers of ten
    /// for tiny or huge steps.
    public static func tick(_ value: Double, step: Double) -> String {
        let step = abs(step)
        guard step > 0, step.isFinite else { return fixed(value, 2) }
        if step < 1e-4 || abs(value) >= 1e9 {
            return scientific(value, significantDigits: significantDigits(value: value, step: step))
        }
        let decimals = max(0, -Int(floor(log10(step) + 1e-9)))
        let text = fixed(value, decimals)
        return abs(value) >= 10_000 ? grouped(text) : text
    }

    /// `value` in powers-of-ten notation such as "2.5×10⁻⁶".
    public static func scientific(_ value: Double, significantDigits: Int = 2) -> String {
        guard value != 0 else { return "0" }
        guard value.isFinite else { return fixed(value, 0) }
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow(10, Double(exponent))
        let digits = max(0, significantDigits - 1)
        var mantissaText = String(format: "%.\(digits)f", mantissa)
        if let m = Double(mantissaText), abs(m) >= 10 {
            exponent += 1
            mantissa /= 10
            mantissaText = String(format: "%.\(digits)f", mantissa)
        }
        if mantissaText.contains(".") {
            while mantissaText.hasSuffix("0") { mantissaText.removeLast() }
            if mantissaText.hasSuffix(".") { mantissaText.removeLast() }
        }
        if mantissaText.hasPrefix("-") { mantissaText = "\u{2212}" + mantissaText.dropFirst() }
        return "\(mantissaText)×10\(superscript(exponent))"
    }

    private static func significantDigits(value: Double, step: Double) -> Int {
        guard value != 0 else { return 1 }
        return max(1, Int(floor(log10(abs(value)))) - Int(floor(log10(step))) + 1)
    }

    private static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(n)).compactMap { $0.wholeNumberValue.map { digits[$0] } }
        return (n < 0 ? "⁻" : "") + String(body)
    }

    private static func grouped(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("\u{2212}") {
            sign = "\u{2212}"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var out = ""
        for (i, ch) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append("\u{2009}") }
            out.append(ch)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return sign + out
    }
}
