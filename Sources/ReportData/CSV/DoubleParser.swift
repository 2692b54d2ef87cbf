/// Exact decimal-text-to-`Double` conversion for CSV cells.
///
/// Accepts `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?` and nothing else
/// (no `inf`, `nan`, hex or `_`). Short inputs take Clinger's fast path (an integer
/// mantissa below 2^53 times or divided by an exact power of ten: one correctly rounded
/// operation); every other input is handed to `Double(String)`, so results always equal
/// Swift's own parse of the same text.
enum DoubleParser {
    /// 10^0 … 10^22, every one exactly representable.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of `bytes`, or `nil` when they are not a decimal number.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let p = bytes.baseAddress else { return nil }
        let count = bytes.count
        var i = 0
        var negative = false
        if i < count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        var inexact = false
        while i < count, p[i] &- 48 < 10 {
            let d = UInt64(p[i] &- 48)
            sawDigit = true
            if mantissa == 0 && d == 0 {
                // leading zero: contributes nothing
            } else if significantDigits < 19 {
                mantissa = mantissa &* 10 &+ d
                significantDigits += 1
            } else {
                exponent += 1
                if d != 0 { inexact = true }
            }
            i += 1
        }
        if i < count, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < count, p[i] &- 48 < 10 {
                let d = UInt64(p[i] &- 48)
                sawDigit = true
                if mantissa == 0 && d == 0 {
                    exponent -= 1
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ d
                    significantDigits += 1
                    exponent -= 1
                } else if d != 0 {
                    inexact = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < count, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var sawExponentDigit = false
            while i < count, p[i] &- 48 < 10 {
                // Saturate: anything this large leaves the fast path anyway.
                if written < 100_000 { written = written * 10 + Int(p[i] &- 48) }
                sawExponentDigit = true
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == count else { return nil }
        if mantissa == 0 && !inexact { return negative ? -0.0 : 0.0 }
        if !inexact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 {
                value /= powersOfTen[-exponent]
            } else {
                value *= powersOfTen[exponent]
            }
            return negative ? -value : value
        }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}
