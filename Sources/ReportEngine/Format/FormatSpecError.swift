/// A format spec that Python would reject, with Python's `ValueError` message.
public struct FormatSpecError: Error, CustomStringConvertible, Equatable {
    /// The message, worded as Python words it (e.g. `Unknown format code 'd' for object of type 'float'`).
    public let message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
