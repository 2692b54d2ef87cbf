/// Collects the header names and typed column values of a CSV file, record by record.
struct CSVTableBuilder: CSVRecordVisitor {
    private let cellText: CSVCellText
    /// Kinds to start each column with (`nil`: every column starts numeric).
    private let initialKinds: [CSVColumnBuilder.Kind]?
    /// The header fields as written (unquoted, trimmed).
    private(set) var rawNames: [String] = []
    /// One builder per header field.
    private(set) var columns: [CSVColumnBuilder] = []

    /// A builder recognising the missing tokens of `cellText`.
    init(cellText: CSVCellText, initialKinds: [CSVColumnBuilder.Kind]? = nil) {
        self.cellText = cellText
        self.initialKinds = initialKinds
    }

    /// Turns the header into names and hands every other field to its column's builder.
    mutating func visit(
        record: Int, base: UnsafePointer<UInt8>,
        starts: UnsafeBufferPointer<Int>, ends: UnsafeBufferPointer<Int>
    ) {
        if record == 0 {
            for k in starts.indices {
                let name = CSVTokenizer.unquoted(base, start: starts[k], end: ends[k])
                    .withUnsafeBufferPointer { String(decoding: CSVCellText.trimmed($0), as: UTF8.self) }
                rawNames.append(name)
                columns.append(CSVColumnBuilder(kind: initialKinds?[k] ?? .numeric))
            }
            return
        }
        let cellText = self.cellText
        columns.withUnsafeMutableBufferPointer { columns in
            for k in starts.indices {
                let start = starts[k]
                let end = ends[k]
                if end > start, base[start] == UInt8(ascii: "\"") {
                    Self.addQuoted(to: &columns[k], base: base, start: start, end: end, cellText)
                } else {
                    columns[k].add(UnsafeBufferPointer(start: base + start, count: end - start), cellText)
                }
            }
        }
    }

    /// Reserves room for `rows` rows in every column.
    mutating func reserve(rows: Int) {
        for k in columns.indices { columns[k].reserve(rows: rows) }
    }

    /// Adds a quoted cell (rare: kept off the hot path).
    @inline(never)
    private static func addQuoted(
        to column: inout CSVColumnBuilder, base: UnsafePointer<UInt8>, start: Int, end: Int,
        _ cellText: CSVCellText
    ) {
        let bytes = CSVTokenizer.unquoted(base, start: start, end: end)
        bytes.withUnsafeBufferPointer { column.add($0, cellText) }
    }

    /// The header names made usable: empty names become `column_N` and repeated names get
    /// `_2`, `_3`… (the first occurrence keeps its name; no suffix clashes with a name).
    static func uniqueNames(_ raw: [String]) -> [String] {
        let filled = raw.enumerated().map { $1.isEmpty ? "column_\($0 + 1)" : $1 }
        var taken = Set(filled)
        var used = Set<String>()
        return filled.map { name in
            if used.insert(name).inserted { return name }
            var suffix = 2
            while taken.contains("\(name)_\(suffix)") { suffix += 1 }
            let unique = "\(name)_\(suffix)"
            taken.insert(unique)
            used.insert(unique)
            return unique
        }
    }
}
