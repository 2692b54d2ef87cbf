/// Why a table could not be built or changed.
public enum TableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A column's length differs from the table's row count.
    case lengthMismatch(column: String, expected: Int, actual: Int)
    /// Two columns share a name.
    case duplicateName(String)
    /// No column has this name.
    case unknownColumn(String, available: [String])

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .lengthMismatch(column, expected, actual):
            return "column '\(column)' has \(actual) values, the table has \(expected) rows"
        case let .duplicateName(name):
            return "duplicate column name '\(name)'"
        case let .unknownColumn(name, available):
            return "no column named '\(name)'; columns: \(available.joined(separator: ", "))"
        }
    }
}
