import Foundation

/// The build generation of `report serve`, and the open pages waiting for the next one.
///
/// Every finished build, good or broken, is a new generation; pages long-poll
/// `/__report/version?since=N` and reload when the answer differs from the generation they
/// were served with.
actor PreviewStatus {
    /// What a page needs to know: which build it shows and whether the last edit built.
    struct Snapshot: Sendable, Equatable, Codable {
        /// Finished builds so far; 0 while the first one runs.
        var generation: Int
        /// Whether a build is running now.
        var building: Bool
        /// The last build's error (`FILE:LINE: error: …`), or nil when it succeeded.
        var error: String?
    }

    private(set) var snapshot = Snapshot(generation: 0, building: true, error: nil)
    private var waiters: [Int: CheckedContinuation<Snapshot, Never>] = [:]
    private var nextWaiter = 0
    private var closed = false

    func buildStarted() {
        snapshot.building = true
    }

    /// Ends a build: a new generation, with `error` when it failed; wakes every waiting page.
    func buildFinished(error: String?) {
        snapshot.generation += 1
        snapshot.building = false
        snapshot.error = error
        resumeAll()
    }

    /// The server is stopping: wakes every waiting page now and answers later ones at once.
    func close() {
        closed = true
        resumeAll()
    }

    /// The status as soon as its generation differs from `generation`, or after `timeout`
    /// with no change (the page then asks again), whichever comes first. A different
    /// generation includes a lower one: a restarted server counts from 0 again.
    func next(after generation: Int, timeout: Duration) async -> Snapshot {
        guard snapshot.generation == generation, !closed else { return snapshot }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.resume(id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if closed || snapshot.generation != generation {
                    continuation.resume(returning: snapshot)
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { [weak self] in await self?.resume(id) }
        }
    }

    private func resume(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume(returning: snapshot)
    }

    private func resumeAll() {
        let waiting = waiters
        waiters = [:]
        for continuation in waiting.values { continuation.resume(returning: snapshot) }
    }
}
