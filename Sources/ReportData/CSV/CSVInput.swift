import Foundation

/// Where CSV bytes come from: a file read in chunks (so the whole file is never held in
/// memory), or a buffer already in memory, cut into windows without copying.
enum CSVInput {
    /// A file, read `chunkSize` bytes at a time.
    case file(URL)
    /// Bytes in memory.
    case buffer(UnsafeBufferPointer<UInt8>)

    /// How many bytes are read or scanned at a time.
    static let chunkSize = 1 << 20

    /// The first `count` bytes at most.
    func head(_ count: Int) throws -> [UInt8] {
        switch self {
        case .buffer(let buffer):
            return Array(buffer.prefix(count))
        case .file(let url):
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        }
    }

    /// Tokenizes everything after the byte-order mark into `builder`, `chunkSize` bytes at
    /// a time, and returns the number of records (the header included).
    func scan(
        delimiter: UInt8, into builder: inout CSVTableBuilder, chunkSize: Int = CSVInput.chunkSize
    ) throws -> Int {
        var tokenizer = CSVTokenizer(delimiter: delimiter)
        var consumedBytes = 0
        var reserved = false
        /// After the first window, reserve room for the rows the rest of the file implies.
        func reserve(totalBytes: Int) {
            guard !reserved, tokenizer.recordCount > 1, consumedBytes > 0 else { return }
            reserved = true
            let perByte = Double(tokenizer.recordCount - 1) / Double(consumedBytes)
            builder.reserve(rows: Int(perByte * Double(totalBytes) * 1.05) + 16)
        }
        switch self {
        case .buffer(let buffer):
            let n = buffer.count
            var offset = CSVReader.byteOrderMarkLength(buffer)
            var end = min(offset + chunkSize, n)
            while true {
                let isLast = end == n
                let window = UnsafeBufferPointer(rebasing: buffer[offset..<end])
                let consumed = try tokenizer.scan(window, isLast: isLast, into: &builder)
                offset += consumed
                consumedBytes += consumed
                if isLast { break }
                reserve(totalBytes: n)
                // A record longer than the window: widen it geometrically, so that a huge
                // quoted field is rescanned only a logarithmic number of times.
                end = consumed > 0
                    ? min(offset + chunkSize, n)
                    : min(end + max(chunkSize, end - offset), n)
            }
        case .file(let url):
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let totalBytes = Int(try handle.seekToEnd())
            try handle.seek(toOffset: 0)
            var window: [UInt8] = []
            var first = true
            while true {
                // Read at least as much as is pending, so a long record is rescanned only a
                // logarithmic number of times.
                let chunk = try handle.read(upToCount: max(chunkSize, window.count)) ?? Data()
                let isLast = chunk.isEmpty
                window.append(contentsOf: chunk)
                if first {
                    // Decide on a byte-order mark once three bytes (or all there is) are in.
                    guard window.count >= 3 || isLast else { continue }
                    first = false
                    let mark = window.withUnsafeBufferPointer { CSVReader.byteOrderMarkLength($0) }
                    window.removeFirst(mark)
                }
                let consumed = try window.withUnsafeBufferPointer {
                    try tokenizer.scan($0, isLast: isLast, into: &builder)
                }
                window.removeFirst(consumed)
                consumedBytes += consumed
                if isLast { break }
                reserve(totalBytes: totalBytes)
            }
        }
        return tokenizer.recordCount
    }
}
