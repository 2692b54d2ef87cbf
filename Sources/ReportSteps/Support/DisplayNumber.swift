import Foundation

/// Formats numbers for tables a person reads: about four significant digits, thousands
/// separators for large values, no exponent in everyday ranges, `—` for missing.
enum DisplayNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        let magnitude = abs(value)
        if value == value.rounded(), magnitude < 1e15 {
            return grouped(String(format: "%.0f", value))
        }
        switch magnitude {
        case 1e15...: return String(format: "%.3e", value)
        case 1000...: return grouped(String(format: "%.1f", value))
        case 100...: return String(format: "%.2f", value)
        case 1...: return String(format: "%.3f", value)
        case 0.001...: return trimmed(String(format: "%.4f", value))
        default: return String(format: "%.3e", value)
        }
    }

    /// A correlation-like value with a fixed number of decimals.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var out = text
        while out.hasSuffix("0") { out.removeLast() }
        if out.hasSuffix(".") { out.removeLast() }
        return out
    }

    /// Inserts thousands separators into the integer part.
    private static func grouped(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1)
        let integer = Array(parts[0])
        var out = ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return sign + out
    }
}
