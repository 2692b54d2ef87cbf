import Foundation

/// Writes a `Table` as CSV: a header row, LF line ends, RFC 4180 quoting.
///
/// A field is quoted when it holds the delimiter, a quote, CR or LF; quotes inside are
/// doubled. Missing values are empty fields. Numbers use `NumberText.shortest`, so the
/// same table always gives the same bytes.
public struct CSVWriter: Sendable {
    /// The CSV text of `table`.
    public static func write(_ table: Table, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        String(decoding: bytes(table, delimiter: delimiter), as: UTF8.self)
    }

    /// Writes the CSV text of `table` to `url`, replacing any file there.
    public static func write(
        _ table: Table, to url: URL, delimiter: UInt8 = UInt8(ascii: ",")
    ) throws {
        try Data(bytes(table, delimiter: delimiter)).write(to: url, options: .atomic)
    }

    /// The CSV bytes (UTF-8) of `table`.
    public static func bytes(_ table: Table, delimiter: UInt8 = UInt8(ascii: ",")) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + table.rowCount * table.columns.count * 8)
        for (j, column) in table.columns.enumerated() {
            if j > 0 { out.append(delimiter) }
            appendField(column.name, to: &out, delimiter: delimiter)
        }
        out.append(UInt8(ascii: "\n"))
        for row in 0..<table.rowCount {
            for (j, column) in table.columns.enumerated() {
                if j > 0 { out.append(delimiter) }
                switch column.values {
                case .numeric(let values):
                    let x = values[row]
                    if !x.isNaN { out.append(contentsOf: NumberText.shortest(x).utf8) }
                case .text(let values):
                    if let text = values[row] { appendField(text, to: &out, delimiter: delimiter) }
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// Appends `text`, quoted when it needs to be.
    private static func appendField(_ text: String, to out: inout [UInt8], delimiter: UInt8) {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = text.utf8.contains {
            $0 == delimiter || $0 == quote || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(quote)
        for byte in text.utf8 {
            if byte == quote { out.append(quote) }
            out.append(byte)
        }
        out.append(quote)
    }
}
