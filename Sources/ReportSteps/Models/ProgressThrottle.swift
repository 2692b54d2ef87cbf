import Foundation
import ReportEngine

/// Turns an estimator's fraction-done callbacks (from any thread) into at most one progress
/// line per 10%.
final class ProgressThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDecile = -1
    private let sink: any ProgressSink
    private let label: String

    init(sink: any ProgressSink, label: String) {
        self.sink = sink
        self.label = label
    }

    func report(_ fraction: Double) {
        let decile = Int((min(max(fraction, 0), 1) * 10).rounded(.down))
        lock.lock()
        defer { lock.unlock() }
        guard decile > lastDecile else { return }
        lastDecile = decile
        sink.message("\(label): \(decile * 10)%")
    }
}
