import Foundation

/// Where steps report progress; it goes to stderr and never into artifacts.
public protocol ProgressSink: Sendable {
    func stepStarted(index: Int, total: Int, id: String, directive: String, line: Int)
    func stepFinished(index: Int, total: Int, id: String, seconds: Double)
    /// A line of progress inside a long step.
    func message(_ text: String)
}

/// Prints `[i/n] id {directive} (line L) … 0.42 s` lines on stderr.
public struct StderrProgress: ProgressSink {
    public init() {}

    public func stepStarted(index: Int, total: Int, id: String, directive: String, line: Int) {
        let label = id == directive ? "{\(directive)}" : "\(id) {\(directive)}"
        write("[\(index)/\(total)] \(label) (line \(line))\n")
    }

    public func stepFinished(index: Int, total: Int, id: String, seconds: Double) {
        write("      done in \(String(format: "%.2f", seconds)) s\n")
    }

    public func message(_ text: String) {
        write("      \(text)\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Says nothing (`--quiet`, tests).
public struct SilentProgress: ProgressSink {
    public init() {}
    public func stepStarted(index: Int, total: Int, id: String, directive: String, line: Int) {}
    public func stepFinished(index: Int, total: Int, id: String, seconds: Double) {}
    public func message(_ text: String) {}
}
