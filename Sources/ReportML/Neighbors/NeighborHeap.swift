/// The `k` best (distance, index) pairs seen so far, as a max-heap on (distance, index), so
/// that among equal distances the lower training index wins — the order a stable sort by
/// distance would give.
struct NeighborHeap {
    private(set) var distances: [Double]
    private(set) var indices: [Int]
    private(set) var count = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        distances = [Double](repeating: .infinity, count: capacity)
        indices = [Int](repeating: Int.max, count: capacity)
    }

    /// The distance a candidate must not exceed to enter (∞ until full).
    var worst: Double { count < capacity ? .infinity : distances[0] }

    mutating func reset() {
        count = 0
        for i in 0..<capacity {
            distances[i] = .infinity
            indices[i] = Int.max
        }
    }

    @inline(__always)
    private static func isBefore(_ d1: Double, _ i1: Int, _ d2: Double, _ i2: Int) -> Bool {
        d1 < d2 || (d1 == d2 && i1 < i2)
    }

    /// Offers a candidate; keeps it when it beats the current worst.
    @inline(__always)
    mutating func push(distance: Double, index: Int) {
        if count < capacity {
            // Sift up from the end.
            var child = count
            count += 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.isBefore(distances[parent], indices[parent], distance, index) else { break }
                distances[child] = distances[parent]
                indices[child] = indices[parent]
                child = parent
            }
            distances[child] = distance
            indices[child] = index
            return
        }
        guard Self.isBefore(distance, index, distances[0], indices[0]) else { return }
        // Replace the root and sift down.
        var parent = 0
        while true {
            let left = 2 * parent + 1
            if left >= capacity { break }
            var larger = left
            let right = left + 1
            if right < capacity && Self.isBefore(distances[left], indices[left], distances[right], indices[right]) {
                larger = right
            }
            guard Self.isBefore(distance, index, distances[larger], indices[larger]) else { break }
            distances[parent] = distances[larger]
            indices[parent] = indices[larger]
            parent = larger
        }
        distances[parent] = distance
        indices[parent] = index
    }

    /// The kept pairs sorted by (distance, index).
    func sorted() -> [(distance: Double, index: Int)] {
        (0..<count).map { (distances[$0], indices[$0]) }.sorted {
            Self.isBefore($0.distance, $0.index, $1.distance, $1.index)
        }
    }
}
