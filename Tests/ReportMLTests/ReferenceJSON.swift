import Foundation
import ReportML
import TestSupport

/// A JSON value from a fixture written by `Tests/reference/ml_reference.py`, read loosely:
/// `null` reads as NaN (or +∞ where the script wrote infinity as null).
///
/// Decoded with `JSONDecoder`, which parses numbers with correct rounding (Foundation's
/// `JSONSerialization` on Linux can be off by an ulp).
enum ReferenceJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ReferenceJSON])
    case object([String: ReferenceJSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ReferenceJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ReferenceJSON].self))
        }
    }

    /// Loads `Tests/Fixtures/ml/<name>` (once per test run).
    static func load(_ name: String) throws -> ReferenceJSON {
        try cache.value(for: name) {
            let data = try Data(contentsOf: Fixtures.url("ml/\(name)"))
            return try JSONDecoder().decode(ReferenceJSON.self, from: data)
        }
    }

    private static let cache = LoadedFixtures()

    /// Decoded fixtures by name, shared by the tests (decoding is slow in debug builds).
    private final class LoadedFixtures: @unchecked Sendable {
        private let lock = NSLock()
        private var loaded: [String: ReferenceJSON] = [:]

        func value(for name: String, _ load: () throws -> ReferenceJSON) throws -> ReferenceJSON {
            lock.lock()
            defer { lock.unlock() }
            if let value = loaded[name] { return value }
            let value = try load()
            loaded[name] = value
            return value
        }
    }

    subscript(key: String) -> ReferenceJSON {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    subscript(index: Int) -> ReferenceJSON {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return .null
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var keys: [String] {
        if case .object(let members) = self { return Array(members.keys) }
        return []
    }

    var array: [ReferenceJSON] {
        if case .array(let items) = self { return items }
        return []
    }

    func double(null: Double = .nan) -> Double {
        switch self {
        case .number(let value): return value
        case .bool(let value): return value ? 1 : 0
        default: return null
        }
    }

    var double: Double { double() }
    var int: Int { Int(double) }
    var string: String {
        if case .string(let value) = self { return value }
        return ""
    }
    func doubles(null: Double = .nan) -> [Double] { array.map { $0.double(null: null) } }
    var doubles: [Double] { doubles() }
    var ints: [Int] { array.map(\.int) }
    /// A list of rows, flattened row-major.
    var flat: [Double] { array.flatMap(\.doubles) }

    /// A list of rows as a feature matrix.
    var matrix: FeatureMatrix {
        let rows = array
        let columns = rows.first?.array.count ?? 0
        return FeatureMatrix(rows: rows.count, columns: columns, values: flat)
    }
}

/// The largest |a − b| over two equally long arrays (∞ when the lengths differ; equal
/// infinities and two NaNs count as equal).
func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    var worst = 0.0
    for i in a.indices {
        if a[i].isNaN && b[i].isNaN { continue }
        if a[i] == b[i] { continue }
        worst = max(worst, abs(a[i] - b[i]))
    }
    return worst
}
