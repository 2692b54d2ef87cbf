extension PythonFormat {
    /// The text of a float in one of Python's conversions, a port of CPython's
    /// `format_float_short`: `e`, `f`, `g` (precision = significant digits) or `r` (repr).
    ///
    /// - Parameters:
    ///   - conversion: `e`, `f`, `g` or `r`.
    ///   - uppercase: `E`/`F`/`G`: exponent `E`, `INF`, `NAN`.
    ///   - alternate: `#`: keep the point and, for `g`, trailing zeros.
    ///   - addDotZero: omitted type: integral values end in `.0` and `g` switches to exponent
    ///     one digit earlier.
    ///   - noNegativeZero: `z`: a value that rounds to zero loses its minus sign.
    static func floatText(
        _ value: Double, conversion: Unicode.Scalar, precision: Int, uppercase: Bool,
        alternate: Bool, addDotZero: Bool, noNegativeZero: Bool
    ) -> String {
        if value.isNaN { return uppercase ? "NAN" : "nan" }  // the sign of a NaN is ignored
        if value.isInfinite {
            return (value < 0 ? "-" : "") + (uppercase ? "INF" : "inf")
        }
        var precision = precision
        let decimal: Digits
        switch conversion {
        case "e":
            precision += 1
            decimal = Digits.significant(value, precision)
        case "f":
            decimal = Digits.fixed(value, places: precision)
        case "g":
            if precision == 0 { precision = 1 }
            decimal = Digits.significant(value, precision)
        default:
            decimal = Digits.shortest(value)
        }
        let digits = decimal.digits.map { Unicode.Scalar($0 + UInt8(ascii: "0")) }
        let count = digits.count
        var point = decimal.decimalPoint
        let negative = decimal.negative && !(noNegativeZero && decimal.isZero)

        // Output the slice [start, end) of the digits padded with zeros on both sides.
        var useExponent = false
        var end = count
        switch conversion {
        case "e":
            useExponent = true
            end = precision
        case "f":
            end = point + precision
        case "g":
            if point <= -4 || point > (addDotZero ? precision - 1 : precision) { useExponent = true }
            if alternate { end = precision }
        default:
            // repr switches to exponent at 1e16
            if point <= -4 || point > 16 { useExponent = true }
        }
        var exponent = 0
        if useExponent {
            exponent = point - 1
            point = 1
        }
        let start = point <= 0 ? point - 1 : 0
        if !useExponent && addDotZero {
            end = max(end, point + 1)
        } else {
            end = max(end, point)
        }

        var out = String.UnicodeScalarView()
        if negative { out.append("-") }
        if point <= 0 {
            out.append(contentsOf: repeatElement("0", count: point - start))
            out.append(".")
            out.append(contentsOf: repeatElement("0", count: -point))
        } else {
            out.append(contentsOf: repeatElement("0", count: -start))
        }
        if point > 0 && point <= count {
            out.append(contentsOf: digits[..<point])
            out.append(".")
            out.append(contentsOf: digits[point...])
        } else {
            out.append(contentsOf: digits)
        }
        if count < point {
            out.append(contentsOf: repeatElement("0", count: point - count))
            out.append(".")
            out.append(contentsOf: repeatElement("0", count: end - point))
        } else {
            out.append(contentsOf: repeatElement("0", count: end - count))
        }
        if out.last == "." && !alternate { out.removeLast() }
        if useExponent {
            out.append(uppercase ? "E" : "e")
            out.append(exponent < 0 ? "-" : "+")
            let magnitude = String(exponent.magnitude)
            if magnitude.count < 2 { out.append("0") }
            out.append(contentsOf: magnitude.unicodeScalars)
        }
        return String(out)
    }
}
