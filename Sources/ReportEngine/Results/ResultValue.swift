/// A value in the results tree that `results.json` holds and `{eval}` reads.
public indirect enum ResultValue: Sendable, Equatable {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case array([ResultValue])
    case object(ResultObject)
    case null

    /// The value as a number, if it is one.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }
}

/// An ordered JSON object: keys keep the order in which steps wrote them, so output is stable.
public struct ResultObject: Sendable, Equatable {
    public private(set) var entries: [(key: String, value: ResultValue)] = []
    private var index: [String: Int] = [:]

    public init() {}

    public init(_ entries: [(String, ResultValue)]) {
        for (key, value) in entries { self[key] = value }
    }

    public subscript(key: String) -> ResultValue? {
        get { index[key].map { entries[$0].value } }
        set {
            if let position = index[key] {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                index[key] = entries.count
                entries.append((key, newValue))
            }
        }
    }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }

    private mutating func rebuildIndex() {
        index = [:]
        for (position, entry) in entries.enumerated() { index[entry.key] = position }
    }

    public static func == (lhs: ResultObject, rhs: ResultObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension ResultValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
