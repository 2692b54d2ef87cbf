/// Splits CSV bytes into records and fields (RFC 4180) without copying or decoding them,
/// one window of bytes at a time.
///
/// Quotes open a quoted field only at its first byte; `""` inside stands for one quote;
/// bytes after the closing quote are kept literally (as Python's `csv` does). Records end
/// at LF, CRLF or a lone CR outside quotes; empty lines are skipped. Every record must have
/// as many fields as the first one (the header).
struct CSVTokenizer {
    /// The field separator.
    let delimiter: UInt8
    /// The 1-based physical line where the next window starts.
    private(set) var line = 1
    /// The number of records seen so far (the header included).
    private(set) var recordCount = 0
    /// The header's field count, once known.
    private var columnCount = Int.max
    /// Field spans of the current record, relative to the window: reused buffers.
    private var starts: [Int] = []
    private var ends: [Int] = []

    /// Makes a tokenizer for `delimiter`.
    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Hands each complete record of `window` to `visitor` and returns how many bytes it
    /// consumed; the rest (an incomplete last record) must be offered again with more bytes
    /// after it. With `isLast`, the whole window is consumed.
    ///
    /// Throws `CSVError` for a ragged row or an unterminated quote.
    mutating func scan<Visitor: CSVRecordVisitor>(
        _ window: UnsafeBufferPointer<UInt8>, isLast: Bool, into visitor: inout Visitor
    ) throws -> Int {
        guard let base = window.baseAddress else { return 0 }
        let quote = UInt8(ascii: "\"")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        let n = window.count
        var i = 0
        var line = self.line
        defer { self.line = line }
        records: while i < n {
            if base[i] == lf || base[i] == cr {
                if base[i] == cr, i + 1 == n, !isLast { return i }
                i += (base[i] == cr && i + 1 < n && base[i + 1] == lf) ? 2 : 1
                line += 1
                continue
            }
            let recordStart = i
            let recordLine = line
            starts.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            while true {
                let fieldStart = i
                if base[i] == quote {
                    let quoteLine = line
                    i += 1
                    while true {
                        // A quote or CR at the window's end cannot be judged yet.
                        guard i < n, isLast || i + 1 < n || (base[i] != quote && base[i] != cr) else {
                            if !isLast {
                                line = recordLine
                                return recordStart
                            }
                            throw CSVError(
                                line: quoteLine,
                                message: "unterminated quoted field (its opening quote is on this line)")
                        }
                        let c = base[i]
                        if c == quote {
                            if i + 1 < n, base[i + 1] == quote {
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        if c == lf || (c == cr && !(i + 1 < n && base[i + 1] == lf)) {
                            line += 1
                        }
                        i += 1
                    }
                }
                while i < n {
                    let c = base[i]
                    if c == delimiter || c == lf || c == cr { break }
                    i += 1
                }
                if i >= n, !isLast {
                    line = recordLine
                    return recordStart
                }
                starts.append(fieldStart)
                ends.append(i)
                if i >= n { break }
                let c = base[i]
                if c == delimiter {
                    i += 1
                    // A delimiter at the very end of the input opens one last empty field.
                    if i == n {
                        if !isLast {
                            line = recordLine
                            return recordStart
                        }
                        starts.append(i)
                        ends.append(i)
                        break
                    }
                    continue
                }
                if c == cr, i + 1 == n, !isLast {
                    line = recordLine
                    return recordStart
                }
                i += (c == cr && i + 1 < n && base[i + 1] == lf) ? 2 : 1
                line += 1
                break
            }
            let fields = starts.count
            if recordCount == 0 {
                columnCount = fields
            } else if fields != columnCount {
                throw CSVError(
                    line: recordLine,
                    message: "row has \(fields) field\(fields == 1 ? "" : "s"), header has \(columnCount)")
            }
            try starts.withUnsafeBufferPointer { starts in
                try ends.withUnsafeBufferPointer { ends in
                    try visitor.visit(record: recordCount, base: base, starts: starts, ends: ends)
                }
            }
            recordCount += 1
            continue records
        }
        return n
    }

    /// The bytes of the field at `start..<end` of `base` with its quotes removed: inside
    /// the quotes `""` is one quote; anything after the closing quote is kept as written.
    static func unquoted(_ base: UnsafePointer<UInt8>, start: Int, end: Int) -> [UInt8] {
        let quote = UInt8(ascii: "\"")
        guard end > start, base[start] == quote else {
            return Array(UnsafeBufferPointer(start: base + start, count: end - start))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var i = start + 1
        while i < end {
            let c = base[i]
            if c == quote {
                if i + 1 < end, base[i + 1] == quote {
                    bytes.append(quote)
                    i += 2
                    continue
                }
                i += 1
                break
            }
            bytes.append(c)
            i += 1
        }
        while i < end {
            bytes.append(base[i])
            i += 1
        }
        return bytes
    }
}

/// Receives the records found by `CSVTokenizer.scan`.
protocol CSVRecordVisitor {
    /// Record `record` (0 is the header) has fields spanning `starts[k]..<ends[k]` of
    /// `base`, quotes included.
    mutating func visit(
        record: Int, base: UnsafePointer<UInt8>,
        starts: UnsafeBufferPointer<Int>, ends: UnsafeBufferPointer<Int>) throws
}
