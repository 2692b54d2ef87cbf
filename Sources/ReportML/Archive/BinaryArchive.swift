/// A compact, keyless binary form of `Codable` values, for storing fitted models: fields are
/// written in the order `encode(to:)` visits them, keys are ignored, and the same value always
/// gives the same bytes.
///
/// Integers are 8 bytes (`Int32`, `UInt8` and the like their own width), floating-point
/// numbers their bit patterns (a value read back is the value written, NaN payloads and
/// signed zeros included), all little-endian; a string or an array is its count then its
/// elements, an optional a 0/1 flag then its value. Arrays of `Double`, `Float`, `Int`,
/// `Int32`, `UInt8` and `Bool` are copied as one block, which is what keeps a k-NN model's
/// training rows or a forest's nodes fast to store (JSON would spell every number out).
///
/// Decoding reads the same fields in the same order and throws `BinaryArchiveError` (or a
/// `DecodingError` from a type's own checks) on anything it cannot read: a truncated buffer,
/// a count larger than the bytes left, a flag that is neither 0 nor 1, invalid UTF-8, or
/// bytes left over. Every archived element must take at least one byte (true of every type
/// with a stored property), so a garbled count cannot make an array decoder spin.
public enum BinaryArchive {
    /// The bytes of `value`.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = ArchiveSink()
        try sink.encode(value)
        return sink.bytes
    }

    /// The value `encode` wrote into `bytes`; throws when they are not exactly one `T`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let source = ArchiveSource(bytes)
        let value = try source.decode(T.self)
        guard source.isAtEnd else {
            throw BinaryArchiveError("\(source.remaining) bytes left over after a \(T.self)")
        }
        return value
    }
}

/// Bytes that `BinaryArchive` cannot read back (or a value it cannot write).
public struct BinaryArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

// MARK: - Writing

/// The growing byte buffer every container of one encoding appends to.
final class ArchiveSink {
    private(set) var bytes: [UInt8] = []

    func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func int(_ value: Int) { integer(Int64(value)) }
    func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    func double(_ value: Double) { integer(value.bitPattern) }
    func float(_ value: Float) { integer(value.bitPattern) }

    func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Reserves an 8-byte count to be filled in by `setCount`, and returns its offset.
    func reserveCount() -> Int {
        bytes.append(contentsOf: repeatElement(0, count: 8))
        return bytes.count - 8
    }

    func setCount(_ count: Int, at offset: Int) {
        withUnsafeBytes(of: Int64(count).littleEndian) { raw in
            for i in 0..<8 { bytes[offset + i] = raw[i] }
        }
    }

    /// A count, then the elements' little-endian bytes, copied as one block where the
    /// memory layout already is that.
    func block<T: ArchiveBlockElement>(_ values: [T]) {
        int(values.count)
        #if _endian(little)
        if MemoryLayout<T>.size == MemoryLayout<T.Bits>.size {
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
            return
        }
        #endif
        bytes.reserveCapacity(bytes.count + values.count * MemoryLayout<T.Bits>.size)
        for value in values { integer(value.archiveBits) }
    }

    /// What `encodeNil` throws: nil is stored only as an `Optional`'s flag, which the sink
    /// writes before a type's own `encode(to:)` sees the value.
    static func nilError(at path: [any CodingKey]) -> EncodingError {
        .invalidValue(Optional<Int>.none as Any,
                      .init(codingPath: path, debugDescription: "a binary archive stores nil only as an Optional's value"))
    }

    /// Writes `value`: numbers, flags and strings directly, block copies for arrays of plain
    /// numbers, a flag for optionals, the type's own `encode(to:)` otherwise.
    func encode<T: Encodable>(_ value: T) throws {
        if try encodeScalar(value) || encodeBlock(value) { return }
        if let optional = T.self as? any ArchiveOptionalEncodable.Type {
            try optional.encodeArchived(value, into: self)
            return
        }
        try value.encode(to: ArchiveEncoder(sink: self))
    }

    /// Writes the standard library's numbers, `Bool` and `String`; false for any other type.
    /// (Their own `encode(to:)` would ask a container to encode them again.)
    private func encodeScalar<T>(_ value: T) throws -> Bool {
        if T.self == Double.self { double(value as! Double) }
        else if T.self == Int.self { int(value as! Int) }
        else if T.self == Bool.self { bool(value as! Bool) }
        else if T.self == String.self { string(value as! String) }
        else if T.self == Float.self { float(value as! Float) }
        else if T.self == Int32.self { integer(value as! Int32) }
        else if T.self == UInt8.self { integer(value as! UInt8) }
        else if T.self == Int64.self { integer(value as! Int64) }
        else if T.self == UInt64.self { integer(value as! UInt64) }
        else if T.self == UInt.self { integer(UInt64(value as! UInt)) }
        else if T.self == Int8.self { integer(value as! Int8) }
        else if T.self == Int16.self { integer(value as! Int16) }
        else if T.self == UInt16.self { integer(value as! UInt16) }
        else if T.self == UInt32.self { integer(value as! UInt32) }
        else if #available(macOS 15, *), T.self == Int128.self { integer(value as! Int128) }
        else if #available(macOS 15, *), T.self == UInt128.self { integer(value as! UInt128) }
        else { return false }
        return true
    }

    /// Writes the arrays of plain numbers as blocks; false for any other type.
    private func encodeBlock<T>(_ value: T) throws -> Bool {
        if T.self == [Double].self { block(value as! [Double]) }
        else if T.self == [Float].self { block(value as! [Float]) }
        else if T.self == [Int].self { block(value as! [Int]) }
        else if T.self == [Int32].self { block(value as! [Int32]) }
        else if T.self == [UInt8].self { block(value as! [UInt8]) }
        else if T.self == [Bool].self {
            let values = value as! [Bool]
            int(values.count)
            bytes.append(contentsOf: values.lazy.map { $0 ? 1 : 0 })
        } else {
            return false
        }
        return true
    }
}

/// The number types whose arrays are stored as one block: each element as the little-endian
/// bytes of `archiveBits` (a floating-point number's bit pattern, an `Int`'s 64 bits).
protocol ArchiveBlockElement {
    associatedtype Bits: FixedWidthInteger
    var archiveBits: Bits { get }
    init(archiveBits: Bits)
}

extension Double: ArchiveBlockElement {
    var archiveBits: UInt64 { bitPattern }
    init(archiveBits: UInt64) { self.init(bitPattern: archiveBits) }
}

extension Float: ArchiveBlockElement {
    var archiveBits: UInt32 { bitPattern }
    init(archiveBits: UInt32) { self.init(bitPattern: archiveBits) }
}

extension Int: ArchiveBlockElement {
    var archiveBits: Int64 { Int64(self) }
    init(archiveBits: Int64) { self.init(truncatingIfNeeded: archiveBits) }
}

extension Int32: ArchiveBlockElement {
    var archiveBits: Int32 { self }
    init(archiveBits: Int32) { self = archiveBits }
}

extension UInt8: ArchiveBlockElement {
    var archiveBits: UInt8 { self }
    init(archiveBits: UInt8) { self = archiveBits }
}

/// `Optional` as a 0/1 flag then the wrapped value, wherever it appears.
protocol ArchiveOptionalEncodable {
    /// Writes `value`, which is of this optional type.
    static func encodeArchived<T>(_ value: T, into sink: ArchiveSink) throws
}

extension Optional: ArchiveOptionalEncodable where Wrapped: Encodable {
    static func encodeArchived<T>(_ value: T, into sink: ArchiveSink) throws {
        let optional = value as! Wrapped?
        sink.bool(optional != nil)
        if let optional { try sink.encode(optional) }
    }
}

/// The `Encoder` handed to `encode(to:)`: every container appends to the same sink.
struct ArchiveEncoder: Encoder {
    let sink: ArchiveSink
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ArchiveKeyedEncoding<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { ArchiveUnkeyedEncoding(sink: sink) }

    func singleValueContainer() -> any SingleValueEncodingContainer { ArchiveSingleValueEncoding(sink: sink) }
}

/// Fields in the order they are encoded; the keys are not stored.
struct ArchiveKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: ArchiveSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        throw ArchiveSink.nilError(at: [key])
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try sink.encode(value) }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try sink.encode(value) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try sink.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(ArchiveKeyedEncoding<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ArchiveUnkeyedEncoding(sink: sink)
    }

    mutating func superEncoder() -> any Encoder { ArchiveEncoder(sink: sink) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ArchiveEncoder(sink: sink) }
}

/// A count (filled in as elements arrive), then the elements.
struct ArchiveUnkeyedEncoding: UnkeyedEncodingContainer {
    let sink: ArchiveSink
    private let countOffset: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(sink: ArchiveSink) {
        self.sink = sink
        countOffset = sink.reserveCount()
    }

    private mutating func counted() {
        count += 1
        sink.setCount(count, at: countOffset)
    }

    mutating func encodeNil() throws {
        throw ArchiveSink.nilError(at: [])
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        counted()
        try sink.encode(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        counted()
        return KeyedEncodingContainer(ArchiveKeyedEncoding<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        counted()
        return ArchiveUnkeyedEncoding(sink: sink)
    }

    mutating func superEncoder() -> any Encoder {
        counted()
        return ArchiveEncoder(sink: sink)
    }
}

/// One value, as the sink writes it.
struct ArchiveSingleValueEncoding: SingleValueEncodingContainer {
    let sink: ArchiveSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        throw ArchiveSink.nilError(at: [])
    }

    mutating func encode<T: Encodable>(_ value: T) throws { try sink.encode(value) }
}

// MARK: - Reading

/// The bytes being decoded and the read position every container shares.
final class ArchiveSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    /// The offset of the next `count` bytes, which are then consumed.
    private func take(_ count: Int) throws -> Int {
        guard count >= 0, count <= remaining else {
            throw BinaryArchiveError("truncated: \(count) more bytes needed at offset \(offset), \(remaining) left")
        }
        defer { offset += count }
        return offset
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let start = try take(MemoryLayout<T>.size)
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: start, as: T.self)) }
    }

    func int() throws -> Int {
        let value = try integer(Int64.self)
        guard let int = Int(exactly: value) else { throw BinaryArchiveError("integer \(value) out of range") }
        return int
    }

    func bool() throws -> Bool {
        switch try integer(UInt8.self) {
        case 0: return false
        case 1: return true
        case let other: throw BinaryArchiveError("bad flag \(other) at offset \(offset - 1)")
        }
    }

    func double() throws -> Double { Double(bitPattern: try integer(UInt64.self)) }
    func float() throws -> Float { Float(bitPattern: try integer(UInt32.self)) }

    /// A count of elements that take at least `size` bytes each.
    func count(elementSize size: Int = 1) throws -> Int {
        let count = try int()
        guard count >= 0, count <= remaining / max(size, 1) else {
            throw BinaryArchiveError("impossible count \(count) at offset \(offset - 8) (\(remaining) bytes left)")
        }
        return count
    }

    func string() throws -> String {
        let count = try count()
        let start = try take(count)
        guard let text = String(validating: bytes[start..<(start + count)], as: UTF8.self) else {
            throw BinaryArchiveError("invalid UTF-8 at offset \(start)")
        }
        return text
    }

    /// A count, then that many elements as `ArchiveSink.block` wrote them.
    func block<T: ArchiveBlockElement>(_ type: T.Type) throws -> [T] {
        let size = MemoryLayout<T.Bits>.size
        let count = try count(elementSize: size)
        let start = try take(count * size)
        return bytes.withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                #if _endian(little)
                if MemoryLayout<T>.size == size {
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + count * size)]))
                    initialized = count
                    return
                }
                #endif
                for i in 0..<count {
                    let bits = T.Bits(littleEndian: raw.loadUnaligned(fromByteOffset: start + i * size, as: T.Bits.self))
                    (buffer.baseAddress! + i).initialize(to: T(archiveBits: bits))
                }
                initialized = count
            }
        }
    }

    /// What `decodeNil` throws (see `ArchiveSink.nilError`).
    static func nilError(at path: [any CodingKey]) -> DecodingError {
        .typeMismatch(Optional<Int>.self,
                      .init(codingPath: path, debugDescription: "a binary archive stores nil only as an Optional's value"))
    }

    /// Reads a `T` as `ArchiveSink.encode` wrote it.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let scalar = try decodeScalar(T.self) { return scalar }
        if let block = try decodeBlock(T.self) { return block }
        if let optional = T.self as? any ArchiveOptionalDecodable.Type {
            return try optional.decodeArchived(from: self) as! T
        }
        return try T(from: ArchiveDecoder(source: self))
    }

    /// The standard library's numbers, `Bool` and `String`; nil for any other type.
    private func decodeScalar<T>(_ type: T.Type) throws -> T? {
        if T.self == Double.self { return try double() as? T }
        if T.self == Int.self { return try int() as? T }
        if T.self == Bool.self { return try bool() as? T }
        if T.self == String.self { return try string() as? T }
        if T.self == Float.self { return try float() as? T }
        if T.self == Int32.self { return try integer(Int32.self) as? T }
        if T.self == UInt8.self { return try integer(UInt8.self) as? T }
        if T.self == Int64.self { return try integer(Int64.self) as? T }
        if T.self == UInt64.self { return try integer(UInt64.self) as? T }
        if T.self == UInt.self {
            let value = try integer(UInt64.self)
            guard let narrow = UInt(exactly: value) else { throw BinaryArchiveError("integer \(value) out of range") }
            return narrow as? T
        }
        if T.self == Int8.self { return try integer(Int8.self) as? T }
        if T.self == Int16.self { return try integer(Int16.self) as? T }
        if T.self == UInt16.self { return try integer(UInt16.self) as? T }
        if T.self == UInt32.self { return try integer(UInt32.self) as? T }
        if #available(macOS 15, *) {
            if T.self == Int128.self { return try integer(Int128.self) as? T }
            if T.self == UInt128.self { return try integer(UInt128.self) as? T }
        }
        return nil
    }

    /// The arrays of plain numbers, read as blocks; nil for any other type.
    private func decodeBlock<T>(_ type: T.Type) throws -> T? {
        if T.self == [Double].self { return try block(Double.self) as? T }
        if T.self == [Float].self { return try block(Float.self) as? T }
        if T.self == [Int].self { return try block(Int.self) as? T }
        if T.self == [Int32].self { return try block(Int32.self) as? T }
        if T.self == [UInt8].self { return try block(UInt8.self) as? T }
        if T.self == [Bool].self {
            let raw = try block(UInt8.self)
            guard raw.allSatisfy({ $0 <= 1 }) else { throw BinaryArchiveError("bad flag in a list of flags") }
            return raw.map { $0 == 1 } as? T
        }
        return nil
    }
}

/// `Optional` read back from its flag and value.
protocol ArchiveOptionalDecodable {
    static func decodeArchived(from source: ArchiveSource) throws -> Self
}

extension Optional: ArchiveOptionalDecodable where Wrapped: Decodable {
    static func decodeArchived(from source: ArchiveSource) throws -> Wrapped? {
        try source.bool() ? try source.decode(Wrapped.self) : nil
    }
}

/// The `Decoder` handed to `init(from:)`: every container reads from the same source.
struct ArchiveDecoder: Decoder {
    let source: ArchiveSource
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(ArchiveKeyedDecoding<Key>(source: source))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try ArchiveUnkeyedDecoding(source: source) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ArchiveSingleValueDecoding(source: source) }
}

/// Fields in the order they were encoded. The keys are not stored, so `allKeys` is empty and
/// `contains` is always true: types that look fields up by key (synthesised enums with
/// associated values) need a hand-written `Codable` conformance.
struct ArchiveKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: ArchiveSource
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool {
        throw ArchiveSource.nilError(at: [key])
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try source.decode(T.self) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try source.decode(T?.self) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try source.decode(Bool?.self) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try source.decode(String?.self) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try source.decode(Double?.self) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try source.decode(Float?.self) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try source.decode(Int?.self) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try source.decode(Int8?.self) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try source.decode(Int16?.self) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try source.decode(Int32?.self) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try source.decode(Int64?.self) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try source.decode(UInt?.self) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try source.decode(UInt8?.self) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try source.decode(UInt16?.self) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try source.decode(UInt32?.self) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try source.decode(UInt64?.self) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(ArchiveKeyedDecoding<NestedKey>(source: source))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ArchiveUnkeyedDecoding(source: source)
    }

    func superDecoder() throws -> any Decoder { ArchiveDecoder(source: source) }
    func superDecoder(forKey key: Key) throws -> any Decoder { ArchiveDecoder(source: source) }
}

/// A count, then that many elements.
struct ArchiveUnkeyedDecoding: UnkeyedDecodingContainer {
    let source: ArchiveSource
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }

    init(source: ArchiveSource) throws {
        self.source = source
        count = try source.count()
    }

    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    private mutating func next() throws {
        guard !isAtEnd else { throw BinaryArchiveError("read past the \(count ?? 0) elements of a list") }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        throw ArchiveSource.nilError(at: [])
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next()
        return try source.decode(T.self)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return KeyedDecodingContainer(ArchiveKeyedDecoding<NestedKey>(source: source))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try ArchiveUnkeyedDecoding(source: source)
    }

    mutating func superDecoder() throws -> any Decoder {
        try next()
        return ArchiveDecoder(source: source)
    }
}

/// One value, as the source reads it.
struct ArchiveSingleValueDecoding: SingleValueDecodingContainer {
    let source: ArchiveSource
    var codingPath: [any CodingKey] { [] }

    /// Never nil: an `Optional` is read from its flag before a type's own `init(from:)` runs.
    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.decode(T.self) }
}
