import Foundation

/// An object steps share (a fitted model, an evaluation) that the step cache can store, so a
/// later build that needs it reads it back instead of re-running the step that made it.
/// Objects that do not conform are rebuilt by re-running their step when a later step needs them.
///
/// Register each conforming type in the `StepRegistry`; `cacheKind` names it in stored blobs.
public protocol CacheableObject: Sendable {
    /// A stable name for the type (`trained-model`); change it when the encoding changes.
    static var cacheKind: String { get }
    func encode(to encoder: inout CacheObjectEncoder) throws
    static func decode(from decoder: inout CacheObjectDecoder) throws -> Self
}

/// Writes a cacheable object: fields in order, and datasets as references to their own
/// content-addressed blob (a model does not copy the table it was fitted on).
public struct CacheObjectEncoder {
    var writer = ByteWriter()
    let storeDataset: (Dataset) throws -> ContentDigest

    public mutating func int(_ value: Int) { writer.int(value) }
    public mutating func double(_ value: Double) { writer.double(value) }
    public mutating func bool(_ value: Bool) { writer.bool(value) }
    public mutating func string(_ value: String) { writer.string(value) }
    public mutating func optionalString(_ value: String?) { writer.optionalString(value) }
    public mutating func optionalDouble(_ value: Double?) { writer.optionalDouble(value) }
    public mutating func strings(_ values: [String]) { writer.strings(values) }
    public mutating func doubles(_ values: [Double]) { writer.doubles(values) }
    public mutating func ints(_ values: [Int]) { writer.ints(values) }
    public mutating func bytes(_ values: [UInt8]) { writer.raw(values) }
    public mutating func dataset(_ dataset: Dataset) throws { writer.digest(try storeDataset(dataset)) }
}

/// Reads what `CacheObjectEncoder` wrote; anything malformed throws, and the object is then
/// rebuilt by re-running its step.
public struct CacheObjectDecoder {
    var reader: ByteReader
    let loadDataset: (ContentDigest) throws -> Dataset

    public mutating func int() throws -> Int { try reader.int() }
    public mutating func double() throws -> Double { try reader.double() }
    public mutating func bool() throws -> Bool { try reader.bool() }
    public mutating func string() throws -> String { try reader.string() }
    public mutating func optionalString() throws -> String? { try reader.optionalString() }
    public mutating func optionalDouble() throws -> Double? { try reader.optionalDouble() }
    public mutating func strings() throws -> [String] { try reader.strings() }
    public mutating func doubles() throws -> [Double] { try reader.doubles() }
    public mutating func ints() throws -> [Int] { try reader.ints() }
    public mutating func bytes() throws -> [UInt8] { try reader.raw() }
    public mutating func dataset() throws -> Dataset { try loadDataset(try reader.digest()) }

    /// An error for a value that cannot be right (the entry is then ignored).
    public func corrupt(_ what: String) -> Error { CacheFormatError(what) }
}

extension CacheCoding {
    /// `kind` then the object's fields.
    static func encode(_ object: any CacheableObject, storeDataset: @escaping (Dataset) throws -> ContentDigest) throws -> [UInt8] {
        var encoder = CacheObjectEncoder(storeDataset: storeDataset)
        encoder.string(type(of: object).cacheKind)
        try object.encode(to: &encoder)
        return encoder.writer.bytes
    }

    static func decodeObject(_ bytes: [UInt8], kinds: [String: any CacheableObject.Type],
                             loadDataset: @escaping (ContentDigest) throws -> Dataset) throws -> any CacheableObject {
        var decoder = CacheObjectDecoder(reader: ByteReader(bytes), loadDataset: loadDataset)
        let kind = try decoder.string()
        guard let type = kinds[kind] else { throw CacheFormatError("no decoder for stored object kind '\(kind)'") }
        let object = try type.decode(from: &decoder)
        guard decoder.reader.isAtEnd else { throw CacheFormatError("trailing bytes after a stored \(kind)") }
        return object
    }
}
