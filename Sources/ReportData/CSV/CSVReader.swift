import Foundation

/// Reads delimited text (RFC 4180 CSV, TSV, …) into a typed `Table`.
///
/// Accepts UTF-8 with or without a byte-order mark, LF or CRLF line ends, quoted fields
/// with delimiters, doubled quotes and line breaks, and requires a header row. Empty lines
/// are skipped. Repeated header names get a suffix (`name_2`, `name_3`…) and empty ones
/// become `column_N`. Invalid UTF-8 is replaced by U+FFFD.
public enum CSVReader {
    /// Reads the file at `url`, a chunk at a time.
    public static func read(contentsOf url: URL, options: CSVOptions = .init()) throws -> Table {
        do {
            return try read(.file(url), options: options)
        } catch let error as CSVError {
            throw error
        } catch {
            throw CSVError(line: 0, message: "cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    /// Reads CSV from raw bytes.
    public static func read(bytes: [UInt8], options: CSVOptions = .init()) throws -> Table {
        try bytes.withUnsafeBufferPointer { try read(buffer: $0, options: options) }
    }

    /// Reads CSV from text.
    public static func read(text: String, options: CSVOptions = .init()) throws -> Table {
        try read(bytes: Array(text.utf8), options: options)
    }

    /// Reads CSV from a buffer of bytes.
    public static func read(
        buffer: UnsafeBufferPointer<UInt8>, options: CSVOptions = .init()
    ) throws -> Table {
        try read(.buffer(buffer), options: options)
    }

    /// Reads `input`: detects the delimiter, builds the columns in one pass, and reads
    /// again, as text, the columns that met text after numbers.
    ///
    /// `chunkSize` is how many bytes are tokenized at a time (small values test the seams).
    static func read(
        _ input: CSVInput, options: CSVOptions, chunkSize: Int = CSVInput.chunkSize
    ) throws -> Table {
        let delimiter = try options.delimiter ?? detectDelimiter(input.head(detectionBytes))
        let cellText = CSVCellText(missing: options.missing)
        var builder = CSVTableBuilder(cellText: cellText)
        let records = try input.scan(delimiter: delimiter, into: &builder, chunkSize: chunkSize)
        guard records > 0 else {
            throw CSVError(line: 1, message: "file is empty: a header row is required")
        }
        let rows = records - 1
        var values = builder.columns.map { $0.values(rows: rows) }
        if values.contains(where: { $0 == nil }) {
            let kinds = values.map { $0 == nil ? CSVColumnBuilder.Kind.text : .skipped }
            var again = CSVTableBuilder(cellText: cellText, initialKinds: kinds)
            _ = try input.scan(delimiter: delimiter, into: &again, chunkSize: chunkSize)
            for (j, column) in again.columns.enumerated() where values[j] == nil {
                values[j] = column.values(rows: rows)
            }
        }
        let names = CSVTableBuilder.uniqueNames(builder.rawNames)
        let columns = zip(names, values).map { name, values in
            Column(name: name, values: values ?? .text(Array(repeating: nil, count: rows)))
        }
        return Table(uncheckedColumns: columns)
    }

    /// The length of a UTF-8 byte-order mark at the start of `buffer` (3 or 0).
    static func byteOrderMarkLength(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
    }
}
