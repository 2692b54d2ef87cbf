extension PythonFormat {
    /// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
    ///
    /// A port of CPython 3.11's `parse_internal_render_format_spec`, so that the accepted
    /// specs and the error messages are Python's.
    struct Spec {
        /// Digit grouping requested by `,` or `_`.
        enum Grouping { case none, comma, underscore }

        var fill: Unicode.Scalar = " "
        var fillSpecified = false
        var align: Unicode.Scalar
        var alignSpecified = false
        /// `+`, `-`, space, or nil when absent.
        var sign: Unicode.Scalar?
        /// The `z` flag: a negative zero after rounding prints without its sign.
        var noNegativeZero = false
        /// The `#` flag.
        var alternate = false
        var width: Int?
        var grouping = Grouping.none
        var precision: Int?
        /// The presentation type, or nil when omitted.
        var type: Unicode.Scalar?

        /// Parses `spec` (non-empty) for a value of Python type `typeName`.
        /// - Parameters:
        ///   - defaultType: the type when the spec names none (`d` for int, `s` for str, nil for float).
        ///   - defaultAlign: `>` for numbers, `<` for strings.
        init(
            _ spec: String, defaultType: Unicode.Scalar?, defaultAlign: Unicode.Scalar, typeName: String
        ) throws {
            let s = Array(spec.unicodeScalars)
            var pos = 0
            align = defaultAlign
            type = defaultType
            func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }

            if s.count - pos >= 2 && isAlign(s[pos + 1]) {
                align = s[pos + 1]
                fill = s[pos]
                fillSpecified = true
                alignSpecified = true
                pos += 2
            } else if s.count - pos >= 1 && isAlign(s[pos]) {
                align = s[pos]
                alignSpecified = true
                pos += 1
            }
            if pos < s.count && (s[pos] == "+" || s[pos] == "-" || s[pos] == " ") {
                sign = s[pos]
                pos += 1
            }
            if pos < s.count && s[pos] == "z" {
                noNegativeZero = true
                pos += 1
            }
            if pos < s.count && s[pos] == "#" {
                alternate = true
                pos += 1
            }
            // Backwards-compatible zero padding: '0' before the width means fill '0', and
            // sign-aware '=' alignment for numbers unless an alignment was given.
            if !fillSpecified && pos < s.count && s[pos] == "0" {
                fill = "0"
                if !alignSpecified && defaultAlign == ">" { align = "=" }
                pos += 1
            }
            width = try Self.integer(s, &pos)
            if pos < s.count && s[pos] == "," {
                grouping = .comma
                pos += 1
            }
            if pos < s.count && s[pos] == "_" {
                if grouping != .none { throw FormatSpecError("Cannot specify both ',' and '_'.") }
                grouping = .underscore
                pos += 1
            }
            if pos < s.count && s[pos] == "," && grouping == .underscore {
                throw FormatSpecError("Cannot specify both ',' and '_'.")
            }
            if pos < s.count && s[pos] == "." {
                pos += 1
                guard let p = try Self.integer(s, &pos) else {
                    throw FormatSpecError("Format specifier missing precision")
                }
                precision = p
            }
            if s.count - pos > 1 {
                throw FormatSpecError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
            }
            if s.count - pos == 1 { type = s[pos] }

            if grouping != .none {
                switch type {
                case "d", "e", "f", "g", "E", "G", "%", "F", nil: break
                case "b", "o", "x", "X":
                    // PEP 515: '_' (every four digits) but not ',' for binary, octal and hex.
                    if grouping == .comma { fallthrough }
                default:
                    throw FormatSpecError(
                        "Cannot specify '\(grouping == .comma ? "," : "_")' with \(Self.quoted(type)).")
                }
            }
        }

        /// The group size for integer digits: 3, 4 for `_` with b/o/x/X, nil without grouping.
        var groupSize: Int? {
            switch grouping {
            case .none: return nil
            case .comma: return 3
            case .underscore: return type == "b" || type == "o" || type == "x" || type == "X" ? 4 : 3
            }
        }

        /// The separator character for `grouping`.
        var separator: Unicode.Scalar { grouping == .comma ? "," : "_" }

        /// `'c'` for printable ASCII, `'\xNN'` otherwise, as CPython quotes type codes.
        static func quoted(_ type: Unicode.Scalar?) -> String {
            let value = type?.value ?? 0
            if value > 32 && value < 128, let type { return "'\(Character(type))'" }
            return "'\\x\(String(value, radix: 16))'"
        }

        /// Reads decimal digits at `pos`; nil when there are none.
        private static func integer(_ s: [Unicode.Scalar], _ pos: inout Int) throws -> Int? {
            var value = 0
            var consumed = 0
            while pos < s.count, let digit = s[pos].properties.numericType == .decimal
                ? s[pos].properties.numericValue : nil
            {
                guard value <= (Int(Int32.max) - Int(digit)) / 10 else {
                    throw FormatSpecError("Too many decimal digits in format string")
                }
                value = value * 10 + Int(digit)
                consumed += 1
                pos += 1
            }
            return consumed == 0 ? nil : value
        }
    }
}
