/// A problem with a model's parameters or training data, worded for the report's author.
public struct MLError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
