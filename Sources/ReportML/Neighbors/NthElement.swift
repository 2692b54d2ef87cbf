/// `std::nth_element` exactly as GNU libstdc++ implements it (introselect: median-of-three
/// pivots, unguarded Hoare partition, heap select past a depth limit, insertion sort of the
/// last few elements), on an array of row indices.
///
/// scikit-learn builds its k-d tree with this function, and the order it leaves rows in
/// decides which of several equally distant neighbours a query finds first; reproducing it
/// step for step lets `KDTree` return scikit-learn's neighbours even among ties.
enum NthElement {
    /// Rearranges `a[first..<last]` so that `a[nth]` is the element a sort by `less` would
    /// put there, with no greater element before it and no smaller one after.
    static func select(_ a: inout [Int], _ first: Int, _ nth: Int, _ last: Int, less: (Int, Int) -> Bool) {
        guard first != last, nth != last else { return }
        introselect(&a, first, nth, last, depthLimit: 2 * floorLog2(last - first), less: less)
    }

    /// ⌊log₂ n⌋ for n ≥ 1 (libstdc++'s `__lg`).
    static func floorLog2(_ n: Int) -> Int {
        Int.bitWidth - 1 - n.leadingZeroBitCount
    }

    private static func introselect(_ a: inout [Int], _ first: Int, _ nth: Int, _ last: Int, depthLimit: Int, less: (Int, Int) -> Bool) {
        var first = first
        var last = last
        var depthLimit = depthLimit
        while last - first > 3 {
            if depthLimit == 0 {
                heapSelect(&a, first, nth + 1, last, less: less)
                a.swapAt(first, nth)
                return
            }
            depthLimit -= 1
            let cut = unguardedPartitionPivot(&a, first, last, less: less)
            if cut <= nth { first = cut } else { last = cut }
        }
        insertionSort(&a, first, last, less: less)
    }

    private static func unguardedPartitionPivot(_ a: inout [Int], _ first: Int, _ last: Int, less: (Int, Int) -> Bool) -> Int {
        let mid = first + (last - first) / 2
        moveMedianToFirst(&a, first, first + 1, mid, last - 1, less: less)
        return unguardedPartition(&a, first + 1, last, pivot: first, less: less)
    }

    private static func moveMedianToFirst(_ a: inout [Int], _ result: Int, _ x: Int, _ y: Int, _ z: Int, less: (Int, Int) -> Bool) {
        if less(a[x], a[y]) {
            if less(a[y], a[z]) { a.swapAt(result, y) }
            else if less(a[x], a[z]) { a.swapAt(result, z) }
            else { a.swapAt(result, x) }
        } else if less(a[x], a[z]) { a.swapAt(result, x) }
        else if less(a[y], a[z]) { a.swapAt(result, z) }
        else { a.swapAt(result, y) }
    }

    private static func unguardedPartition(_ a: inout [Int], _ first: Int, _ last: Int, pivot: Int, less: (Int, Int) -> Bool) -> Int {
        var first = first
        var last = last
        while true {
            while less(a[first], a[pivot]) { first += 1 }
            last -= 1
            while less(a[pivot], a[last]) { last -= 1 }
            if !(first < last) { return first }
            a.swapAt(first, last)
            first += 1
        }
    }

    private static func insertionSort(_ a: inout [Int], _ first: Int, _ last: Int, less: (Int, Int) -> Bool) {
        guard first != last else { return }
        var i = first + 1
        while i < last {
            let value = a[i]
            if less(value, a[first]) {
                var j = i
                while j > first {
                    a[j] = a[j - 1]
                    j -= 1
                }
                a[first] = value
            } else {
                // Unguarded linear insert.
                var hole = i
                var next = i - 1
                while less(value, a[next]) {
                    a[hole] = a[next]
                    hole = next
                    next -= 1
                }
                a[hole] = value
            }
            i += 1
        }
    }

    private static func heapSelect(_ a: inout [Int], _ first: Int, _ middle: Int, _ last: Int, less: (Int, Int) -> Bool) {
        makeHeap(&a, first, middle, less: less)
        var i = middle
        while i < last {
            if less(a[i], a[first]) {
                // __pop_heap(first, middle, i)
                let value = a[i]
                a[i] = a[first]
                adjustHeap(&a, first, hole: 0, length: middle - first, value: value, less: less)
            }
            i += 1
        }
    }

    private static func makeHeap(_ a: inout [Int], _ first: Int, _ last: Int, less: (Int, Int) -> Bool) {
        let length = last - first
        guard length >= 2 else { return }
        var parent = (length - 2) / 2
        while true {
            let value = a[first + parent]
            adjustHeap(&a, first, hole: parent, length: length, value: value, less: less)
            if parent == 0 { return }
            parent -= 1
        }
    }

    private static func adjustHeap(_ a: inout [Int], _ first: Int, hole: Int, length: Int, value: Int, less: (Int, Int) -> Bool) {
        let top = hole
        var hole = hole
        var child = hole
        while child < (length - 1) / 2 {
            child = 2 * (child + 1)
            if less(a[first + child], a[first + child - 1]) { child -= 1 }
            a[first + hole] = a[first + child]
            hole = child
        }
        if length & 1 == 0 && child == (length - 2) / 2 {
            child = 2 * (child + 1)
            a[first + hole] = a[first + child - 1]
            hole = child - 1
        }
        // __push_heap(first, hole, top, value)
        var parent = (hole - 1) / 2
        while hole > top && less(a[first + parent], value) {
            a[first + hole] = a[first + parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        a[first + hole] = value
    }
}
