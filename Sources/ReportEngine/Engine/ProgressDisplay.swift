import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#endif

/// What `StderrProgress` shows and when: one updating line per step on a terminal, plain
/// lines elsewhere.
///
/// On a terminal the running step is a single line redrawn in place with `\r` (bar, percent,
/// ETA), at most once per `redrawInterval`, and replaced by `[i/n] id {directive} (line L)
/// done in 0.42 s` when the step ends. In a pipe or a CI log, where `\r` would pile up, each
/// event is a line of its own and fractions are printed at most once per 10% per task, as
/// before. Estimators report from any thread, so every entry point takes a lock; the clock
/// and the output are passed in, so tests drive it with a fake clock and read what it wrote.
public final class ProgressDisplay: @unchecked Sendable {
    /// How the display writes.
    public enum Style: Sendable, Equatable {
        /// A terminal `columns` cells wide: one line per step, redrawn in place.
        case terminal(columns: Int)
        /// Plain lines, for pipes and logs.
        case plain
    }

    /// The shortest time between two redraws of the running line (10 per second).
    public static let redrawInterval = 0.1

    public let style: Style
    private let clock: @Sendable () -> Double
    private let output: @Sendable (String) -> Void
    private let lock = NSLock()

    private struct RunningStep {
        var label: String
        var line: Int
    }

    /// Long work inside a step, from its first fraction on (the ETA measures from there).
    private struct Task {
        var label: String
        var started: Double
        var startFraction: Double
        var fraction: Double
    }

    private var step: RunningStep?
    private var task: Task?
    private var lastDraw = -Double.infinity
    /// Whether a running line is on screen without its newline yet (terminal only).
    private var lineOpen = false
    /// Plain style: the last 10% step printed per task label within the current step.
    private var printedDeciles: [String: Int] = [:]

    /// - Parameters:
    ///   - style: a terminal or plain lines.
    ///   - clock: seconds on a monotonic clock.
    ///   - output: where the text goes (stderr for `StderrProgress`).
    public init(style: Style, clock: @escaping @Sendable () -> Double = ProgressDisplay.monotonicSeconds,
                output: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.clock = clock
        self.output = output
    }

    /// A display on standard error: a terminal line when stderr is a terminal (and `TERM`
    /// is not `dumb`), plain lines otherwise.
    public static func standardError() -> ProgressDisplay {
        ProgressDisplay(style: detectedStyle(), output: { text in
            FileHandle.standardError.write(Data(text.utf8))
        })
    }

    /// The style that suits standard error as it is now.
    public static func detectedStyle() -> Style {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else {
            return .plain
        }
        return .terminal(columns: terminalColumns())
    }

    @Sendable public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    // MARK: Events

    public func stepStarted(index: Int, total: Int, id: String, directive: String, line: Int) {
        locked {
            closeLine()
            step = RunningStep(label: ProgressLine.stepLabel(index: index, total: total, id: id, directive: directive),
                               line: line)
            task = nil
            printedDeciles = [:]
            switch style {
            case .terminal: draw()
            case .plain: output("\(heading())\n")
            }
        }
    }

    public func stepFinished(seconds: Double) {
        stepEnded("done in \(String(format: "%.2f", seconds)) s")
    }

    /// Ends the step whose output came from the step cache.
    public func stepReused() {
        stepEnded("reused from the step cache")
    }

    private func stepEnded(_ done: String) {
        locked {
            switch style {
            case .terminal(let columns):
                output("\r\u{1B}[K" + ProgressLine.fit("\(heading())  \(done)", columns: columns) + "\n")
                lineOpen = false
            case .plain:
                output("      \(done)\n")
            }
            step = nil
            task = nil
        }
    }

    /// How far `label`'s work has got, 0…1.
    public func fraction(_ value: Double, label: String) {
        locked {
            let now = clock()
            let isNew = task?.label != label
            if isNew {
                task = Task(label: label, started: now, startFraction: value, fraction: value)
            } else {
                task?.fraction = value
            }
            switch style {
            case .terminal:
                // A new bar shows at once, the last state of one too; in between, 10 per second.
                if isNew || value >= 1 || now - lastDraw >= Self.redrawInterval { draw() }
            case .plain:
                let decile = Int((min(max(value, 0), 1) * 10).rounded(.down))
                guard decile > printedDeciles[label, default: -1] else { return }
                printedDeciles[label] = decile
                output("      \(label): \(decile * 10)%\n")
            }
        }
    }

    /// A line under the running step (a warning, a phase); on a terminal the running line is
    /// drawn again below it.
    public func message(_ text: String) {
        line("      \(text)")
    }

    /// A line of its own, kept on screen; on a terminal the running line is drawn again below it.
    public func line(_ text: String) {
        locked {
            switch style {
            case .terminal:
                output((lineOpen ? "\r\u{1B}[K" : "") + text + "\n")
                lineOpen = false
                draw()
            case .plain:
                output(text + "\n")
            }
        }
    }

    /// Ends a half-drawn running line, so that what is printed next (an error) starts on a
    /// line of its own. Does nothing in plain style or when no line is open.
    public func interrupt() {
        locked {
            closeLine()
            step = nil
            task = nil
        }
    }

    // MARK: Drawing (called with the lock held)

    private func heading() -> String {
        guard let step else { return "" }
        return "\(step.label) (line \(step.line))"
    }

    private func draw() {
        guard case .terminal(let columns) = style, let step else { return }
        let text: String
        if let task {
            let remaining = ProgressLine.remainingSeconds(elapsed: clock() - task.started,
                                                          startFraction: task.startFraction,
                                                          fraction: task.fraction)
            text = ProgressLine.running(step: step.label, fraction: task.fraction, remaining: remaining,
                                        task: task.label)
        } else {
            text = heading()
        }
        output("\r\u{1B}[K" + ProgressLine.fit(text, columns: columns))
        lineOpen = true
        lastDraw = clock()
    }

    private func closeLine() {
        guard lineOpen else { return }
        output("\n")
        lineOpen = false
    }

    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }

    /// The width of the terminal on stderr: `ioctl(TIOCGWINSZ)`, else `$COLUMNS`, else 80.
    private static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        return 80
    }
}
