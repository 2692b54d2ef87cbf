/// An error in a report, printed compiler-style as `FILE:LINE: error: message`.
///
/// Every failure a user can cause — a bad directive, a missing file, a ragged CSV row — ends up
/// as one of these, so that the command line can print it and exit 1.
public struct ReportError: Error, Sendable, CustomStringConvertible, Equatable {
    public var location: SourceLocation?
    public var message: String
    /// Extra lines printed after the message (accepted values, suggestions).
    public var notes: [String]

    public init(_ message: String, at location: SourceLocation?, notes: [String] = []) {
        self.message = message
        self.location = location
        self.notes = notes
    }

    public var description: String {
        let head = location.map { "\($0): error: " } ?? "error: "
        return ([head + message] + notes.map { "  note: \($0)" }).joined(separator: "\n")
    }
}
