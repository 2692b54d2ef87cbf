import Foundation

/// Appends little-endian fields to a byte buffer: the cache's storage format. Doubles are
/// stored as their bit patterns, so a value read back is the value written, NaN payloads
/// and signed zeros included.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u64(_ value: UInt64) {
        var little = value.littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }
    mutating func bool(_ value: Bool) { u8(value ? 1 : 0) }
    mutating func double(_ value: Double) { u64(value.bitPattern) }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func optionalDouble(_ value: Double?) {
        bool(value != nil)
        if let value { double(value) }
    }

    mutating func raw(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func digest(_ value: ContentDigest) { bytes.append(contentsOf: value.bytes) }

    mutating func doubles(_ values: [Double]) {
        int(values.count)
        bytes.reserveCapacity(bytes.count + 8 * values.count)
        for value in values { u64(value.bitPattern) }
    }

    mutating func ints(_ values: [Int]) {
        int(values.count)
        for value in values { int(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func array<T>(_ values: [T], _ each: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { each(&self, value) }
    }
}

/// Reads what `ByteWriter` wrote; any truncation or impossible length throws
/// `CacheFormatError`, so a damaged entry is recomputed rather than trusted.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw CacheFormatError("truncated entry") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func u8() throws -> UInt8 { try take(1).first! }

    mutating func u64() throws -> UInt64 {
        let slice = try take(8)
        var value: UInt64 = 0
        for (shift, byte) in slice.enumerated() { value |= UInt64(byte) << (8 * UInt64(shift)) }
        return value
    }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try u64())) }

    /// A count of items that each take at least `minimumSize` bytes (guards huge allocations).
    mutating func count(minimumSize: Int = 1) throws -> Int {
        let value = try int()
        guard value >= 0, value <= (bytes.count - offset) / max(minimumSize, 1) else {
            throw CacheFormatError("impossible length \(value)")
        }
        return value
    }

    mutating func bool() throws -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        case let other: throw CacheFormatError("bad flag \(other)")
        }
    }

    mutating func double() throws -> Double { Double(bitPattern: try u64()) }

    mutating func string() throws -> String {
        let slice = try take(try count())
        guard let text = String(validating: slice, as: UTF8.self) else { throw CacheFormatError("invalid UTF-8") }
        return text
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }
    mutating func optionalDouble() throws -> Double? { try bool() ? try double() : nil }

    mutating func raw() throws -> [UInt8] { Array(try take(try count())) }

    mutating func digest() throws -> ContentDigest { ContentDigest(bytes: Array(try take(32))) }

    mutating func doubles() throws -> [Double] {
        let n = try count(minimumSize: 8)
        let start = offset
        _ = try take(n * 8)
        return bytes.withUnsafeBytes { raw in
            (0..<n).map { i in
                Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8 * i, as: UInt64.self)))
            }
        }
    }

    mutating func ints() throws -> [Int] {
        let n = try count(minimumSize: 8)
        var values = [Int](repeating: 0, count: n)
        for i in 0..<n { values[i] = try int() }
        return values
    }

    mutating func strings() throws -> [String] {
        try array { try $0.string() }
    }

    mutating func array<T>(_ each: (inout ByteReader) throws -> T) throws -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try each(&self)) }
        return values
    }
}

/// A cache entry or blob that cannot be read back: it is ignored and the step recomputed.
struct CacheFormatError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
