import Foundation
import Testing
@testable import ReportEngine
@testable import ReportSteps

/// `ProgressThrottle` between an estimator's callbacks and a sink: at most one fraction per
/// whole percent, in increasing order, even when reported from many threads at once.
@Suite struct ProgressThrottleTests {
    final class RecordingSink: ProgressSink, @unchecked Sendable {
        private let lock = NSLock()
        private var received: [(Double, String)] = []

        func stepStarted(index: Int, total: Int, id: String, directive: String, line: Int) {}
        func stepFinished(index: Int, total: Int, id: String, seconds: Double) {}
        func message(_ text: String) {}

        func fraction(_ value: Double, label: String) {
            lock.lock()
            defer { lock.unlock() }
            received.append((value, label))
        }

        var fractions: [(value: Double, label: String)] {
            lock.lock()
            defer { lock.unlock() }
            return received.map { (value: $0.0, label: $0.1) }
        }
    }

    @Test func forwardsOncePerWholePercent() {
        let sink = RecordingSink()
        let throttle = ProgressThrottle(sink: sink, label: "training mlp")
        for step in 0...2000 { throttle.report(Double(step) / 2000) }
        throttle.report(0.5)
        throttle.report(1.5)
        let values = sink.fractions.map(\.value)
        #expect(values.count == 101)
        #expect(values.first == 0)
        #expect(values.last == 1)
        #expect(Set(sink.fractions.map(\.label)) == ["training mlp"])
    }

    @Test func staysInOrderAcrossThreads() {
        let sink = RecordingSink()
        let throttle = ProgressThrottle(sink: sink, label: "trees")
        DispatchQueue.concurrentPerform(iterations: 500) { tree in
            throttle.report(Double(tree + 1) / 500)
        }
        let percents = sink.fractions.map { Int(($0.value * 100).rounded(.down)) }
        #expect(percents.count <= 101)
        #expect(percents == percents.sorted())
        #expect(Set(percents).count == percents.count)
        #expect(percents.last == 100)
    }
}
