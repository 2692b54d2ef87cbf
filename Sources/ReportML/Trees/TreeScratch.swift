/// A fixed-size buffer owned by one tree's splitter, for the hot loops' raw pointers;
/// freed with its owner. Filled with `value` on creation.
final class TreeScratch<Element> {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    subscript(index: Int) -> Element {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }
}
