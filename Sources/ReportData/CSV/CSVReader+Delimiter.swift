/// Delimiter detection.
extension CSVReader {
    /// The candidate delimiters, in order of preference when several fit equally.
    public static let candidateDelimiters: [UInt8] = [
        UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|"),
    ]

    /// How many lines (records) detection looks at.
    static let detectionLines = 50
    /// How many bytes from the start detection looks at, at most.
    static let detectionBytes = 1 << 16

    /// Guesses the delimiter among `,` `;` tab `|` from the first lines of `bytes`.
    ///
    /// Counts each candidate outside quotes on every complete line of the sample. A
    /// candidate is consistent when it occurs on the header and equally often on every
    /// sampled line; the consistent one with the most occurrences wins. Without a
    /// consistent candidate, the one most frequent on the header wins; with none at all,
    /// a comma (a one-column file).
    public static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        bytes.withUnsafeBufferPointer { detectDelimiter($0, from: byteOrderMarkLength($0)) }
    }

    /// Delimiter detection on `buffer[start...]`.
    static func detectDelimiter(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        let candidates = candidateDelimiters
        var lineCounts: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lineHasContent = false
        var i = start
        let n = buffer.count
        while i < n, lineCounts.count < detectionLines {
            let c = buffer[i]
            if c == UInt8(ascii: "\"") {
                inQuotes.toggle()
                lineHasContent = true
            } else if !inQuotes, c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                if lineHasContent { lineCounts.append(counts) }
                counts = [Int](repeating: 0, count: candidates.count)
                lineHasContent = false
            } else {
                lineHasContent = true
                if !inQuotes, let k = candidates.firstIndex(of: c) { counts[k] += 1 }
            }
            i += 1
        }
        // A last line without a line break counts when the whole file was read.
        if i == n, !inQuotes, lineHasContent, lineCounts.count < detectionLines {
            lineCounts.append(counts)
        }
        guard let header = lineCounts.first else { return candidates[0] }
        var best: Int?
        for k in candidates.indices where header[k] > 0 {
            let consistent = lineCounts.allSatisfy { $0[k] == header[k] }
            if consistent, best.map({ header[k] > header[$0] }) ?? true { best = k }
        }
        if let best { return candidates[best] }
        var mostOnHeader = 0
        for k in candidates.indices where header[k] > header[mostOnHeader] { mostOnHeader = k }
        return candidates[mostOnHeader]
    }
}
