import Foundation
import ReportEngine

/// Passes an estimator's fraction-done callbacks (from any thread, possibly thousands per
/// fit) to the sink's `fraction` at most once per whole percent, in increasing order. The
/// sink decides how to show them: a bar on a terminal, a line per 10% in a log.
final class ProgressThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var lastPercent = -1
    private let sink: any ProgressSink
    private let label: String

    init(sink: any ProgressSink, label: String) {
        self.sink = sink
        self.label = label
    }

    func report(_ fraction: Double) {
        let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        let percent = Int((clamped * 100).rounded(.down))
        lock.lock()
        defer { lock.unlock() }
        // Forwarded under the lock, so that two threads cannot deliver 41% after 42%.
        guard percent > lastPercent else { return }
        lastPercent = percent
        sink.fraction(clamped, label: label)
    }
}
