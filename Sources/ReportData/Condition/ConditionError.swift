/// Why a condition could not be read or applied to a table.
///
/// `offset` is the position (in characters, from 0) in the condition text where the problem
/// starts, so that a caller can point at it.
public struct ConditionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The text does not follow the grammar.
        case syntax
        /// A clause names a column the table does not have; `available` lists the table's columns.
        case unknownColumn(String, available: [String])
        /// A numeric column is compared with a value that is not a number.
        case notANumber(column: String, value: String)
    }

    public let kind: Kind
    /// What went wrong, in one line without the position.
    public let message: String
    /// The condition as written.
    public let text: String
    /// Character offset in `text` where the problem starts.
    public let offset: Int

    public init(_ kind: Kind, _ message: String, text: String, offset: Int) {
        self.kind = kind
        self.message = message
        self.text = text
        self.offset = offset
    }

    /// `message (at character N of 'text')`.
    public var description: String {
        "\(message) (at character \(offset + 1) of '\(text)')"
    }
}
