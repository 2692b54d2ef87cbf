extension PythonFormat {
    /// The parts of a formatted number and how they are padded, a port of CPython's
    /// `calc_number_widths` + `fill_number`:
    ///
    ///     <left padding><sign><prefix><sign-aware padding><grouped digits><.><remainder><right padding>
    ///
    /// Only the integer digits are grouped. With fill `0` and `=` alignment the padding is made
    /// of zeros inside the grouping (`format(1234, '08,')` is `0,001,234`).
    struct NumberLayout {
        /// The number's own sign was negative.
        var negative: Bool
        /// `0x`, `0o`, `0b` or empty.
        var prefix: [Unicode.Scalar] = []
        /// Integer digits (empty for `c`, `nan`, `inf`).
        var digits: [Unicode.Scalar]
        /// Whether a decimal point follows the digits.
        var hasDecimalPoint = false
        /// Everything after the point (fraction, exponent, `%`) or after the digits.
        var remainder: [Unicode.Scalar] = []
        /// Upper-cases the prefix and digits (type `X`).
        var uppercase = false

        /// The padded, grouped text for `spec`; `groupSize` nil means no grouping.
        func render(_ spec: Spec, groupSize: Int?) -> String {
            var signCharacter: Unicode.Scalar?
            switch spec.sign {
            case "+": signCharacter = negative ? "-" : "+"
            case " ": signCharacter = negative ? "-" : " "
            default: signCharacter = negative ? "-" : nil
            }
            let width = spec.width ?? -1
            let nonDigits = (signCharacter == nil ? 0 : 1) + prefix.count
                + (hasDecimalPoint ? 1 : 0) + remainder.count
            let minimumDigitsWidth = spec.fill == "0" && spec.align == "=" ? width - nonDigits : 0
            var grouped = digits.isEmpty
                ? []
                : Self.grouped(digits, minimumWidth: minimumDigitsWidth, groupSize: groupSize, separator: spec.separator)
            var prefix = self.prefix
            if uppercase {
                grouped = grouped.map(Self.uppercased)
                prefix = prefix.map(Self.uppercased)
            }

            var left = 0, signAware = 0, right = 0
            let padding = width - (nonDigits + grouped.count)
            if padding > 0 {
                switch spec.align {
                case "<": right = padding
                case "^":
                    left = padding / 2
                    right = padding - left
                case "=": signAware = padding
                default: left = padding
                }
            }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: repeatElement(spec.fill, count: left))
            if let signCharacter { out.append(signCharacter) }
            out.append(contentsOf: prefix)
            out.append(contentsOf: repeatElement(spec.fill, count: signAware))
            out.append(contentsOf: grouped)
            if hasDecimalPoint { out.append(".") }
            out.append(contentsOf: remainder)
            out.append(contentsOf: repeatElement(spec.fill, count: right))
            return String(out)
        }

        /// CPython's `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the right and
        /// pads with zeros (grouped too) up to `minimumWidth`.
        static func grouped(
            _ digits: [Unicode.Scalar], minimumWidth: Int, groupSize: Int?, separator: Unicode.Scalar
        ) -> [Unicode.Scalar] {
            var minimumWidth = max(0, minimumWidth)
            var remaining = digits.count
            var end = digits.count
            var pieces: [[Unicode.Scalar]] = []  // right to left
            var useSeparator = false

            func take(_ length: Int) {
                let zeros = max(0, length - remaining)
                let characters = max(0, min(remaining, length))
                var piece = [Unicode.Scalar](repeating: "0", count: zeros)
                piece.append(contentsOf: digits[(end - characters)..<end])
                if useSeparator { piece.append(separator) }
                pieces.append(piece)
                end -= characters
                remaining -= characters
            }

            if let groupSize {
                while true {
                    let length = min(groupSize, max(remaining, minimumWidth, 1))
                    take(length)
                    useSeparator = true
                    minimumWidth -= length
                    if remaining <= 0 && minimumWidth <= 0 { break }
                    minimumWidth -= 1  // the separator
                }
            } else {
                take(max(remaining, minimumWidth, 1))
            }
            return pieces.reversed().flatMap { $0 }
        }

        private static func uppercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
            c.value >= 0x61 && c.value <= 0x7A ? Unicode.Scalar(c.value - 32) ?? c : c
        }
    }
}
