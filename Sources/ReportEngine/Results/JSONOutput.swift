/// Writes a `ResultValue` as pretty-printed JSON with a fixed number format, so that the same
/// results always give the same bytes (no locale, no hash order, shortest round-trip doubles).
public enum JSONOutput {
    public static func string(_ value: ResultValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: ResultValue, indent: Int, into out: inout String) {
        switch value {
        case .null:
            out += "null"
        case .bool(let flag):
            out += flag ? "true" : "false"
        case .int(let number):
            out += String(number)
        case .double(let number):
            out += number.isFinite ? number.description : "null"
        case .string(let text):
            out += quoted(text)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let scalarItems = items.allSatisfy {
                if case .array = $0 { return false }
                if case .object = $0 { return false }
                return true
            }
            if scalarItems {
                // Vectors of numbers stay on one line: easier to read and to diff.
                out += "["
                for (position, item) in items.enumerated() {
                    if position > 0 { out += ", " }
                    write(item, indent: indent, into: &out)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (position, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                write(item, indent: indent + 1, into: &out)
                out += position + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{\n"
            for (position, entry) in object.entries.enumerated() {
                out += String(repeating: "  ", count: indent + 1) + quoted(entry.key) + ": "
                write(entry.value, indent: indent + 1, into: &out)
                out += position + 1 < object.entries.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // safe to embed in an HTML <script>
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
