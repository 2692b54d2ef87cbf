import Foundation

/// Where steps report progress; it goes to stderr and never into artifacts.
public protocol ProgressSink: Sendable {
    func stepStarted(index: Int, total: Int, id: String, directive: String, line: Int)
    func stepFinished(index: Int, total: Int, id: String, seconds: Double)
    /// The step's output came from the step cache (after `stepStarted`).
    func stepReused(index: Int, total: Int, id: String, seconds: Double)
    /// A line of progress inside a long step.
    func message(_ text: String)
    /// How far the long work `label` inside the running step has got, 0…1 (`training
    /// random-forest`, `k-means`). Called from any thread, at most once per whole percent
    /// (see `ProgressThrottle` in ReportSteps).
    func fraction(_ value: Double, label: String)
}

extension ProgressSink {
    /// Sinks that show no progress of their own ignore fractions.
    public func fraction(_ value: Double, label: String) {}

    /// By default a reused step ends like a finished one.
    public func stepReused(index: Int, total: Int, id: String, seconds: Double) {
        stepFinished(index: index, total: total, id: id, seconds: seconds)
    }
}

/// Step progress on stderr: on a terminal one line per step, redrawn in place with a bar,
/// percent and ETA for long work; in a pipe or a CI log plain lines
/// (`[i/n] id {directive} (line L)`, `training random-forest: 40%` at most once per 10%,
/// `done in 0.42 s`). See `ProgressDisplay`.
public struct StderrProgress: ProgressSink {
    private let display: ProgressDisplay

    /// Progress on standard error, styled for what stderr is (a terminal or not).
    public init() {
        self.init(display: .standardError())
    }

    public init(display: ProgressDisplay) {
        self.display = display
    }

    public func stepStarted(index: Int, total: Int, id: String, directive: String, line: Int) {
        display.stepStarted(index: index, total: total, id: id, directive: directive, line: line)
    }

    public func stepFinished(index: Int, total: Int, id: String, seconds: Double) {
        display.stepFinished(seconds: seconds)
    }

    public func stepReused(index: Int, total: Int, id: String, seconds: Double) {
        display.stepReused()
    }

    public func message(_ text: String) {
        display.message(text)
    }

    public func fraction(_ value: Double, label: String) {
        display.fraction(value, label: label)
    }

    /// Ends a half-drawn progress line before an error is printed under it.
    public func interrupt() {
        display.interrupt()
    }
}

/// Says nothing (`--quiet`, tests).
public struct SilentProgress: ProgressSink {
    public init() {}
    public func stepStarted(index: Int, total: Int, id: String, directive: String, line: Int) {}
    public func stepFinished(index: Int, total: Int, id: String, seconds: Double) {}
    public func stepReused(index: Int, total: Int, id: String, seconds: Double) {}
    public func message(_ text: String) {}
}
