import Crypto
import Foundation

/// A SHA-256 digest: the address of a cache blob and the identity of a step's inputs.
public struct ContentDigest: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    init(bytes: [UInt8]) {
        precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes")
        self.bytes = bytes
    }

    /// The digest of `data`.
    public init(of data: some DataProtocol) {
        self.init(bytes: Array(SHA256.hash(data: data)))
    }

    /// The digest of a byte buffer without copying it.
    public init(of buffer: UnsafeRawBufferPointer) {
        self.init(bytes: Array(SHA256.hash(data: buffer)))
    }

    /// 64 lowercase hexadecimal digits.
    public var hex: String {
        var text = ""
        text.reserveCapacity(64)
        for byte in bytes {
            text += String(byte >> 4, radix: 16)
            text += String(byte & 0x0f, radix: 16)
        }
        return text
    }

    /// The first 12 hex digits, enough to tell entries apart in messages.
    public var short: String { String(hex.prefix(12)) }

    public var description: String { hex }

    /// Parses 64 hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes: bytes)
    }

    public static func < (lhs: ContentDigest, rhs: ContentDigest) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

/// Hashes a sequence of typed fields; every field is framed with its kind and length, so
/// `("ab", "c")` and `("a", "bc")` give different digests.
public struct DigestBuilder {
    private var hasher = SHA256()

    public init(_ domain: String) {
        add(domain)
    }

    public mutating func add(_ text: String) {
        addFramed(kind: 1, Array(text.utf8))
    }

    public mutating func add(_ value: Int) {
        var little = Int64(value).littleEndian
        withUnsafeBytes(of: &little) { addFramed(kind: 2, Array($0)) }
    }

    public mutating func add(_ digest: ContentDigest) {
        addFramed(kind: 3, digest.bytes)
    }

    public mutating func add(_ flag: Bool) {
        addFramed(kind: 4, [flag ? 1 : 0])
    }

    private mutating func addFramed(kind: UInt8, _ bytes: [UInt8]) {
        var header = [kind]
        var length = UInt64(bytes.count).littleEndian
        withUnsafeBytes(of: &length) { header.append(contentsOf: $0) }
        hasher.update(data: header)
        hasher.update(data: bytes)
    }

    public func finish() -> ContentDigest {
        ContentDigest(bytes: Array(hasher.finalize()))
    }
}
