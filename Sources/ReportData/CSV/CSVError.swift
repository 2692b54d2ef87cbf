/// A CSV file that could not be read, with the 1-based physical line at fault.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based physical line in the file (0 when the error concerns the whole file).
    public let line: Int
    /// What is wrong, e.g. `row has 5 fields, header has 4`.
    public let message: String

    /// Makes an error for `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`, or just the message for whole-file errors.
    public var description: String {
        line > 0 ? "line \(line): \(message)" : message
    }
}
