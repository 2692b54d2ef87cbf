/// Python's `format(value, spec)` for ints, floats, strings and bools, character for character.
///
/// Supports the whole format-spec mini-language `[[fill]align][sign][z][#][0][width][grouping]
/// [.precision][type]`: types `e E f F g G % n` and none for floats; `d n b o x X c` (and the float
/// types) for ints; `s` for strings; grouping `,` and `_`; alignment `< > ^ =`; sign `+ - space`.
/// Floats are rounded from their exact binary value, half to even, as CPython does
/// (`format(2.675, '.2f')` is `2.67`, `format(0.125, '.2f')` is `0.12`), and an empty spec gives
/// `str(value)` (`repr` for floats: `0.30000000000000004`). `n` uses the C locale, Python's default.
///
/// One deliberate extension: type `d` also accepts a float with an integral value (results
/// stored as JSON numbers may arrive as doubles) and formats it as the equal int. Every spec
/// Python rejects throws a `FormatSpecError` with Python's message.
public enum PythonFormat {
    /// `format(value, spec)` as Python computes it. Throws `FormatSpecError` for a spec that
    /// Python rejects, e.g. `Unknown format code 'd' for object of type 'float'` for 2.5.
    public static func format(_ value: FormatValue, spec: String) throws -> String {
        switch value {
        case .string(let text):
            return try formatString(text, spec: spec)
        case .int(let number):
            if spec.isEmpty { return String(number) }
            return try formatInteger(number, spec: spec, typeName: "int")
        case .bool(let flag):
            if spec.isEmpty { return flag ? "True" : "False" }
            return try formatInteger(flag ? 1 : 0, spec: spec, typeName: "bool")
        case .double(let number):
            if spec.isEmpty {
                return floatText(number, conversion: "r", precision: 0, uppercase: false,
                                 alternate: false, addDotZero: true, noNegativeZero: false)
            }
            return try formatDouble(number, spec: spec)
        }
    }

    // MARK: - str

    private static func formatString(_ text: String, spec: String) throws -> String {
        if spec.isEmpty { return text }
        let format = try Spec(spec, defaultType: "s", defaultAlign: "<", typeName: "str")
        guard format.type == "s" else { throw unknownType(format.type, "str") }
        if let sign = format.sign {
            throw FormatSpecError(sign == " "
                ? "Space not allowed in string format specifier"
                : "Sign not allowed in string format specifier")
        }
        if format.noNegativeZero {
            throw FormatSpecError("Negative zero coercion (z) not allowed in string format specifier")
        }
        if format.alternate {
            throw FormatSpecError("Alternate form (#) not allowed in string format specifier")
        }
        if format.align == "=" {
            throw FormatSpecError("'=' alignment not allowed in string format specifier")
        }
        var scalars = Array(text.unicodeScalars)
        if let precision = format.precision, scalars.count > precision {
            scalars = Array(scalars[..<precision])
        }
        let padding = max(0, (format.width ?? 0) - scalars.count)
        let left: Int
        switch format.align {
        case ">": left = padding
        case "^": left = padding / 2
        default: left = 0
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: repeatElement(format.fill, count: left))
        out.append(contentsOf: scalars)
        out.append(contentsOf: repeatElement(format.fill, count: padding - left))
        return String(out)
    }

    // MARK: - int

    private static func formatInteger(_ number: Int, spec: String, typeName: String) throws -> String {
        let format = try Spec(spec, defaultType: "d", defaultAlign: ">", typeName: typeName)
        switch format.type {
        case "b", "c", "d", "o", "x", "X", "n":
            return try integerText(
                negative: number < 0, magnitude: { String(number.magnitude, radix: $0) },
                codePoint: number, format: format)
        case "e", "E", "f", "F", "g", "G", "%":
            return try floatLayout(Double(number), format: format)
        default:
            throw unknownType(format.type, typeName)
        }
    }

    /// CPython's `format_long_internal`; `magnitude(radix)` gives the digits of |value| and
    /// `codePoint` the value for type `c` (nil when the value is a float).
    private static func integerText(
        negative: Bool, magnitude: (Int) -> String, codePoint: Int?, format: Spec
    ) throws -> String {
        if format.precision != nil {
            throw FormatSpecError("Precision not allowed in integer format specifier")
        }
        if format.noNegativeZero {
            throw FormatSpecError("Negative zero coercion (z) not allowed in integer format specifier")
        }
        if format.type == "c" {
            if format.sign != nil {
                throw FormatSpecError("Sign not allowed with integer format specifier 'c'")
            }
            if format.alternate {
                throw FormatSpecError("Alternate form (#) not allowed with integer format specifier 'c'")
            }
            guard let code = codePoint, code >= 0, code <= 0x10FFFF else {
                throw FormatSpecError("%c arg not in range(0x110000)")
            }
            guard let character = Unicode.Scalar(UInt32(code)) else {
                throw FormatSpecError("%c arg \(code) is a surrogate code point, which Swift strings cannot hold")
            }
            // Like CPython: the character is a "remainder", never grouped or zero-filled inside.
            return NumberLayout(negative: false, digits: [], remainder: [character])
                .render(format, groupSize: nil)
        }
        let radix: Int
        var prefix = ""
        switch format.type {
        case "b": radix = 2; prefix = "0b"
        case "o": radix = 8; prefix = "0o"
        case "x", "X": radix = 16; prefix = "0x"
        default: radix = 10
        }
        let layout = NumberLayout(
            negative: negative,
            prefix: format.alternate ? Array(prefix.unicodeScalars) : [],
            digits: Array(magnitude(radix).unicodeScalars),
            uppercase: format.type == "X")
        return layout.render(format, groupSize: format.type == "n" ? nil : format.groupSize)
    }

    // MARK: - float

    private static func formatDouble(_ number: Double, spec: String) throws -> String {
        let format = try Spec(spec, defaultType: nil, defaultAlign: ">", typeName: "float")
        switch format.type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%":
            return try floatLayout(number, format: format)
        case "d" where number.isFinite && number == number.rounded(.towardZero):
            // Extension: an integral float formats as the equal int.
            return try integerText(
                negative: number < 0, magnitude: { _ in Digits.integerText(number.magnitude) },
                codePoint: nil, format: format)
        default:
            throw unknownType(format.type, "float")
        }
    }

    /// CPython's `format_float_internal`: conversion, then sign, grouping and padding.
    private static func floatLayout(_ number: Double, format: Spec) throws -> String {
        var conversion = format.type ?? "r"
        var value = number
        var percent = false
        var precision = format.precision ?? (format.type == nil ? 0 : 6)
        if format.precision != nil && conversion == "r" { conversion = "g" }
        if conversion == "n" { conversion = "g" }
        if conversion == "%" {
            conversion = "f"
            value *= 100
            percent = true
        }
        guard precision <= Int(Int32.max) else { throw FormatSpecError("precision too big") }
        let uppercase = conversion == "E" || conversion == "F" || conversion == "G"
        if uppercase { conversion = Unicode.Scalar(conversion.value + 32) ?? conversion }
        if conversion == "g" && precision == 0 { precision = 1 }
        var text = floatText(
            value, conversion: conversion, precision: precision, uppercase: uppercase,
            alternate: format.alternate, addDotZero: format.type == nil,
            noNegativeZero: format.noNegativeZero)
        if percent { text += "%" }

        // Split "-123.45e+06" into sign, integer digits, point and remainder.
        var scalars = Array(text.unicodeScalars)
        let negative = scalars.first == "-"
        if negative { scalars.removeFirst() }
        let integerEnd = scalars.firstIndex { !("0"..."9").contains($0) } ?? scalars.count
        let hasPoint = integerEnd < scalars.count && scalars[integerEnd] == "."
        let layout = NumberLayout(
            negative: negative,
            digits: Array(scalars[..<integerEnd]),
            hasDecimalPoint: hasPoint,
            remainder: Array(scalars[(hasPoint ? integerEnd + 1 : integerEnd)...]))
        return layout.render(format, groupSize: format.type == "n" ? nil : format.groupSize)
    }

    private static func unknownType(_ type: Unicode.Scalar?, _ typeName: String) -> FormatSpecError {
        FormatSpecError("Unknown format code \(Spec.quoted(type)) for object of type '\(typeName)'")
    }
}
