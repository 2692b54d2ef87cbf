import Foundation
import Testing
@testable import ReportEngine

/// The progress display: the text of a line as pure functions, and what the display writes
/// for a sequence of events on a fake clock, on a terminal and in a log.
@Suite struct ProgressDisplayTests {
    /// A clock the test moves by hand.
    final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds = 100.0

        var now: Double {
            lock.lock()
            defer { lock.unlock() }
            return seconds
        }

        func advance(_ delta: Double) {
            lock.lock()
            defer { lock.unlock() }
            seconds += delta
        }
    }

    /// Everything the display wrote, in order.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [String] = []

        func write(_ text: String) {
            lock.lock()
            defer { lock.unlock() }
            pieces.append(text)
        }

        var writes: [String] {
            lock.lock()
            defer { lock.unlock() }
            return pieces
        }

        var text: String { writes.joined() }
    }

    static let clear = "\r\u{1B}[K"

    func display(_ style: ProgressDisplay.Style) -> (ProgressDisplay, FakeClock, Recorder) {
        let clock = FakeClock(), recorder = Recorder()
        let display = ProgressDisplay(style: style, clock: { clock.now }, output: { recorder.write($0) })
        return (display, clock, recorder)
    }

    // MARK: The text

    @Test func bars() {
        #expect(ProgressLine.bar(0.4, width: 10) == "████░░░░░░")
        #expect(ProgressLine.bar(0, width: 4) == "░░░░")
        #expect(ProgressLine.bar(0.999, width: 4) == "███░")
        #expect(ProgressLine.bar(1, width: 4) == "████")
        #expect(ProgressLine.bar(1.7, width: 4) == "████")
        #expect(ProgressLine.bar(-1, width: 4) == "░░░░")
        #expect(ProgressLine.bar(.nan, width: 4) == "░░░░")
        #expect(ProgressLine.bar(0.5).count == ProgressLine.barWidth)
    }

    @Test func percents() {
        #expect(ProgressLine.percent(0) == "  0%")
        #expect(ProgressLine.percent(0.079) == "  7%")
        #expect(ProgressLine.percent(0.57) == " 57%")
        #expect(ProgressLine.percent(1) == "100%")
    }

    @Test func durationsAndETA() {
        #expect(ProgressLine.duration(0) == "0:00")
        #expect(ProgressLine.duration(11.2) == "0:12")
        #expect(ProgressLine.duration(62) == "1:02")
        #expect(ProgressLine.duration(3725) == "1:02:05")
        #expect(ProgressLine.eta(12) == "ETA 0:12")
        #expect(ProgressLine.eta(nil) == "ETA -:--")

        // Half done in 10 s: 10 s to go; from 20% to 60% in 8 s: 8 s for the last 40%.
        #expect(ProgressLine.remainingSeconds(elapsed: 10, startFraction: 0, fraction: 0.5) == 10)
        #expect(abs((ProgressLine.remainingSeconds(elapsed: 8, startFraction: 0.2, fraction: 0.6) ?? 0) - 8) < 1e-9)
        #expect(ProgressLine.remainingSeconds(elapsed: 0.2, startFraction: 0, fraction: 0.5) == nil)
        #expect(ProgressLine.remainingSeconds(elapsed: 5, startFraction: 0.3, fraction: 0.3) == nil)
        #expect(ProgressLine.remainingSeconds(elapsed: 5, startFraction: 0, fraction: 1) == 0)
    }

    @Test func lines() {
        #expect(ProgressLine.stepLabel(index: 7, total: 23, id: "rf", directive: "train") == "[7/23] rf {train}")
        #expect(ProgressLine.stepLabel(index: 1, total: 2, id: "load", directive: "load") == "[1/2] {load}")
        #expect(ProgressLine.running(step: "[7/23] rf {train}", fraction: 0.4, remaining: 12, task: "training random-forest")
                == "[7/23] rf {train}  ████████░░░░░░░░░░░░  40%  ETA 0:12  training random-forest")
        #expect(ProgressLine.fit("abcdef", columns: 80) == "abcdef")
        #expect(ProgressLine.fit("abcdef", columns: 5) == "abc…")
        #expect(ProgressLine.fit("abcdef", columns: 7) == "abcdef")
    }

    // MARK: On a terminal

    @Test func aTerminalRedrawsOneLinePerStep() {
        let (display, clock, out) = display(.terminal(columns: 200))
        display.stepStarted(index: 3, total: 5, id: "rf", directive: "train", line: 12)
        #expect(out.text == Self.clear + "[3/5] rf {train} (line 12)")

        display.fraction(0, label: "training random-forest")
        clock.advance(1)
        display.fraction(0.25, label: "training random-forest")
        clock.advance(3)
        display.fraction(1, label: "training random-forest")
        clock.advance(0.01)
        display.stepFinished(seconds: 4.2)
        #expect(out.writes == [
            Self.clear + "[3/5] rf {train} (line 12)",
            Self.clear + "[3/5] rf {train}  ░░░░░░░░░░░░░░░░░░░░   0%  ETA -:--  training random-forest",
            Self.clear + "[3/5] rf {train}  █████░░░░░░░░░░░░░░░  25%  ETA 0:03  training random-forest",
            Self.clear + "[3/5] rf {train}  ████████████████████ 100%  ETA 0:00  training random-forest",
            Self.clear + "[3/5] rf {train} (line 12)  done in 4.20 s\n",
        ])
        #expect(!out.text.dropLast().contains("\n"), "a terminal step is one line")
    }

    @Test func aTerminalRedrawsAtMostTenTimesASecond() {
        let (display, clock, out) = display(.terminal(columns: 200))
        display.stepStarted(index: 1, total: 1, id: "mlp", directive: "train", line: 3)
        // 1000 fractions over two seconds.
        for step in 0..<1000 {
            display.fraction(Double(step) / 1000, label: "training mlp")
            clock.advance(0.002)
        }
        let draws = out.writes.count - 1
        #expect(draws >= 19 && draws <= 21, "\(draws) redraws in 2 s")
    }

    @Test func messagesOnATerminalGoAboveTheRunningLine() {
        let (display, clock, out) = display(.terminal(columns: 200))
        display.stepStarted(index: 1, total: 2, id: "rf", directive: "train", line: 3)
        display.fraction(0.5, label: "training")
        clock.advance(0.01)
        display.message("warning: a class has one row")
        #expect(out.writes.suffix(2) == [
            Self.clear + "      warning: a class has one row\n",
            Self.clear + "[1/2] rf {train}  ██████████░░░░░░░░░░  50%  ETA -:--  training",
        ])
        display.interrupt()
        #expect(out.writes.last == "\n")
        display.interrupt()
        #expect(out.writes.count == 5, "a second interrupt writes nothing")
    }

    @Test func aNarrowTerminalGetsACutLine() {
        let (display, _, out) = display(.terminal(columns: 30))
        display.stepStarted(index: 12, total: 23, id: "search-forest", directive: "search", line: 140)
        display.fraction(0.3, label: "searching 12 candidates of random-forest")
        for write in out.writes {
            let line = write.replacingOccurrences(of: Self.clear, with: "")
            #expect(line.count <= 29, "'\(line)' is wider than the terminal")
        }
        #expect(out.writes.last?.hasSuffix("…") == true)
    }

    // MARK: In a log

    @Test func aLogGetsPlainLinesAtMostOncePerTenPercent() {
        let (display, clock, out) = display(.plain)
        display.stepStarted(index: 2, total: 3, id: "rf", directive: "train", line: 9)
        for step in 0...100 {
            display.fraction(Double(step) / 100, label: "training random-forest")
            clock.advance(0.5)
        }
        display.message("evaluating rf")
        display.stepFinished(seconds: 50.5)
        let deciles = (0...10).map { "      training random-forest: \($0 * 10)%\n" }
        #expect(out.text == "[2/3] rf {train} (line 9)\n" + deciles.joined() + "      evaluating rf\n      done in 50.50 s\n")
        #expect(!out.text.contains("\r"))
        #expect(!out.text.contains("\u{1B}"))
    }

    @Test func aLogCountsDecilesPerTaskAndStep() {
        let (display, _, out) = display(.plain)
        display.stepStarted(index: 1, total: 2, id: "a", directive: "search", line: 1)
        display.fraction(0.55, label: "first")
        display.fraction(0.56, label: "first")
        display.fraction(0.1, label: "second")
        display.stepFinished(seconds: 1)
        display.stepStarted(index: 2, total: 2, id: "b", directive: "search", line: 5)
        display.fraction(0.55, label: "first")
        #expect(out.text == """
        [1/2] a {search} (line 1)
              first: 50%
              second: 10%
              done in 1.00 s
        [2/2] b {search} (line 5)
              first: 50%

        """)
    }

    @Test func sinksWithoutADisplayIgnoreFractions() {
        let sink: any ProgressSink = SilentProgress()
        sink.fraction(0.5, label: "training")
        let recorder = Recorder()
        let stderr = StderrProgress(display: ProgressDisplay(style: .plain, output: { recorder.write($0) }))
        stderr.stepStarted(index: 1, total: 1, id: "knn", directive: "train", line: 2)
        stderr.fraction(0.5, label: "training knn")
        stderr.stepFinished(index: 1, total: 1, id: "knn", seconds: 0.25)
        #expect(recorder.text == "[1/1] knn {train} (line 2)\n      training knn: 50%\n      done in 0.25 s\n")
    }
}
