import Foundation

/// Runs work over fixed-size chunks of rows on worker threads and returns the per-chunk
/// results in chunk order.
///
/// Chunk boundaries depend only on the row count and the chunk size, never on the number of
/// threads, so reducing the returned partial results in order gives bit-identical answers
/// for any thread count.
enum RowChunks {
    /// The half-open row range of chunk `index`.
    static func range(_ index: Int, count: Int, chunkSize: Int) -> Range<Int> {
        let start = index * chunkSize
        return start..<min(count, start + chunkSize)
    }

    /// The number of chunks covering `count` rows.
    static func chunkCount(_ count: Int, chunkSize: Int) -> Int {
        count <= 0 ? 0 : (count + chunkSize - 1) / chunkSize
    }

    /// `body` applied to every chunk of `0..<count`, in chunk order, computed on up to
    /// `threads` threads (precondition: `chunkSize > 0`).
    static func map<T: Sendable>(
        count: Int, chunkSize: Int, threads: Int, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        precondition(chunkSize > 0, "RowChunks: chunk size must be positive")
        let chunks = chunkCount(count, chunkSize: chunkSize)
        let workers = max(1, min(threads, chunks))
        if workers == 1 {
            return (0..<chunks).map { body(range($0, count: count, chunkSize: chunkSize)) }
        }
        let slots = ResultSlots<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let chunk = slots.claimNext() {
                slots.store(body(range(chunk, count: count, chunkSize: chunkSize)), at: chunk)
            }
        }
        return slots.results()
    }

    /// Per-chunk result storage; each slot is written once by the worker that claimed it.
    private final class ResultSlots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let storage: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            _ = storage.deinitialize()
            storage.deallocate()
        }

        /// The next unclaimed chunk, or nil when all are taken.
        func claimNext() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < storage.count else { return nil }
            next += 1
            return next - 1
        }

        /// Writes chunk `index`'s result (distinct workers write distinct slots).
        func store(_ value: T, at index: Int) {
            storage[index] = value
        }

        func results() -> [T] {
            storage.compactMap { $0 }
        }
    }
}
