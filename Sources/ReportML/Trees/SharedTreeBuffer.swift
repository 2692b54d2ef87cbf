/// An immutable buffer of training data shared by the trees of a forest (features, labels,
/// presorted orders, bin codes), read through a raw pointer in the hot loops.
///
/// The contents are written once, in `init`, and never again, so sharing it between threads
/// is safe.
final class SharedTreeBuffer<Element: Sendable>: @unchecked Sendable {
    let pointer: UnsafePointer<Element>
    let count: Int

    init(_ values: [Element]) {
        count = values.count
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: max(values.count, 1))
        values.withUnsafeBufferPointer { values in
            if let base = values.baseAddress { storage.initialize(from: base, count: values.count) }
        }
        pointer = UnsafePointer(storage)
    }

    deinit {
        let storage = UnsafeMutablePointer(mutating: pointer)
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    subscript(index: Int) -> Element { pointer[index] }
}
