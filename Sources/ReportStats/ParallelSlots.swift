import Dispatch

/// Fills `count` result slots with `body(index)`, in parallel when `parallel` is true.
///
/// Each slot is written by exactly one task and `body` is a pure function of its index, so
/// the result is the same for any number of threads (and the same as the sequential loop).
func fillSlots(count: Int, parallel: Bool, _ body: @Sendable (Int) -> Double) -> [Double] {
    var values = [Double](repeating: .nan, count: count)
    values.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        if parallel && count > 1 {
            let slots = DisjointSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: count) { slots.store(body($0), at: $0) }
        } else {
            for i in 0..<count { base[i] = body(i) }
        }
    }
    return values
}

/// A buffer whose slots concurrent tasks write at distinct indices only.
private struct DisjointSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>

    func store(_ value: Double, at index: Int) { base[index] = value }
}
