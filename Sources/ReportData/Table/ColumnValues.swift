/// The typed storage of one column: numbers (NaN marks a missing value) or optional text.
public enum ColumnValues: Sendable, Equatable {
    /// Numeric values; `Double.nan` marks a missing value.
    case numeric([Double])
    /// Text values; `nil` marks a missing value.
    case text([String?])

    /// The number of values.
    public var count: Int {
        switch self {
        case .numeric(let values): return values.count
        case .text(let values): return values.count
        }
    }

    /// Equality that treats two missing numbers (NaN) as equal, so tables with gaps compare
    /// equal to themselves.
    public static func == (lhs: ColumnValues, rhs: ColumnValues) -> Bool {
        switch (lhs, rhs) {
        case let (.numeric(a), .numeric(b)):
            guard a.count == b.count else { return false }
            for i in a.indices where !(a[i] == b[i] || (a[i].isNaN && b[i].isNaN)) {
                return false
            }
            return true
        case let (.text(a), .text(b)):
            return a == b
        default:
            return false
        }
    }
}
