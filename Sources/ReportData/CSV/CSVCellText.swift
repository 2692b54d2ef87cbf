/// Cell-level text rules shared by the CSV column builders: trimming and missing tokens.
struct CSVCellText: Sendable {
    /// A missing token of up to 8 bytes, packed little-endian into an integer.
    private struct ShortToken: Sendable {
        let count: Int
        let packed: UInt64
    }

    /// Tokens of up to 8 bytes, compared as integers.
    private let shortTokens: [ShortToken]
    /// Longer tokens, compared byte by byte.
    private let longTokens: [[UInt8]]
    /// Bit `n` is set when some missing token has `n` bytes (tokens of 63 bytes or more
    /// set bit 63), so most cells are rejected without looking at the tokens.
    private let tokenLengths: UInt64

    /// Prepares to recognise `missing` tokens.
    init(missing: Set<String>) {
        // Sorted so that behaviour never depends on Set's iteration order.
        let tokens = missing.sorted().map { Array($0.utf8) }
        shortTokens = tokens.filter { $0.count <= 8 }.map {
            $0.withUnsafeBufferPointer { ShortToken(count: $0.count, packed: Self.packed($0)) }
        }
        longTokens = tokens.filter { $0.count > 8 }
        tokenLengths = tokens.reduce(0) { $0 | (1 << UInt64(min($1.count, 63))) }
    }

    /// Whether `bytes` (already trimmed) is one of the missing tokens.
    @inline(__always)
    func isMissing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard tokenLengths & (1 << UInt64(min(bytes.count, 63))) != 0 else { return false }
        return matchesToken(bytes)
    }

    /// The token comparison behind `isMissing`, for cells of a token's length.
    private func matchesToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count <= 8 {
            let packed = Self.packed(bytes)
            return shortTokens.contains { $0.count == bytes.count && $0.packed == packed }
        }
        return longTokens.contains { $0.count == bytes.count && $0.elementsEqual(bytes) }
    }

    /// Up to 8 bytes packed little-endian.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<min(bytes.count, 8) { value |= UInt64(bytes[k]) << (8 * UInt64(k)) }
        return value
    }

    /// `bytes` without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let p = bytes.baseAddress else { return bytes }
        var from = 0
        var to = bytes.count
        while from < to, p[from] == 0x20 || p[from] == 0x09 { from += 1 }
        while to > from, p[to - 1] == 0x20 || p[to - 1] == 0x09 { to -= 1 }
        return UnsafeBufferPointer(start: p + from, count: to - from)
    }
}
