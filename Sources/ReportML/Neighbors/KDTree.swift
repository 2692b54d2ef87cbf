import Foundation

/// A k-d tree laid out, built and searched exactly as scikit-learn's `KDTree` (leaf size 30),
/// so that k-nearest-neighbour queries return scikit-learn's neighbours — including which of
/// several equally distant rows are kept, which decides many predictions on data with
/// duplicate rows.
///
/// As scikit-learn: a complete binary tree of `levels = 1 + ⌊log₂ max(1, (n − 1)/leafSize)⌋`
/// levels (node i has children 2i + 1 and 2i + 2), each split at the middle position
/// (`count / 2`) of the feature with the largest spread (the first on ties) by libstdc++'s
/// `nth_element` ordered by (value, row); leaves keep rows in the order that leaves. A query
/// visits nodes depth first, the child with the smaller box distance first (left on ties),
/// skips nodes whose box is farther than the current k-th distance, and keeps a max-heap of
/// k distances that rejects a row exactly as far as the current k-th.
struct KDTree: Sendable {
    /// Which distance the tree measures (reduced: squared for euclidean).
    enum Distance: String, Sendable, Codable {
        case euclidean
        case manhattan
    }

    let featureCount: Int
    let leafSize: Int
    let distance: Distance
    let nodeCount: Int
    /// Training rows in tree order (scikit-learn's `data[idx_array]`), leaf by leaf in
    /// column-major blocks: the leaf holding positions `start..<end` stores feature j of
    /// position `start + i` at `start·p + j·(end − start) + i`, so that four rows'
    /// distances are accumulated side by side.
    let leafColumns: [Double]
    /// The training row of each stored point (scikit-learn's `idx_array`).
    let originalIndex: [Int]
    /// Range of tree-order positions of each node.
    let nodeStart: [Int]
    let nodeEnd: [Int]
    let isLeaf: [Bool]
    /// Bounding boxes, row-major `nodes × features`.
    let lower: [Double]
    let upper: [Double]

    init(_ x: FeatureMatrix, distance: Distance, leafSize: Int = 30) {
        let p = x.columns
        let n = x.rows
        featureCount = p
        self.leafSize = leafSize
        self.distance = distance
        let levels = Int(Foundation.log2(max(1, Double(n - 1) / Double(leafSize)))) + 1
        let nodeCount = (1 << levels) - 1
        self.nodeCount = nodeCount
        var order = Array(0..<n)
        var nodeStart = [Int](repeating: 0, count: nodeCount)
        var nodeEnd = [Int](repeating: 0, count: nodeCount)
        var isLeaf = [Bool](repeating: true, count: nodeCount)
        var lower = [Double](repeating: .infinity, count: nodeCount * p)
        var upper = [Double](repeating: -.infinity, count: nodeCount * p)
        let values = x.values

        func build(_ node: Int, _ start: Int, _ end: Int) {
            nodeStart[node] = start
            nodeEnd[node] = end
            for i in start..<end {
                let base = order[i] * p
                for j in 0..<p {
                    lower[node * p + j] = min(lower[node * p + j], values[base + j])
                    upper[node * p + j] = max(upper[node * p + j], values[base + j])
                }
            }
            let count = end - start
            guard 2 * node + 1 < nodeCount, count >= 2 else { return }
            isLeaf[node] = false
            var dimension = 0
            var maxSpread = 0.0
            for j in 0..<p {
                var high = values[order[start] * p + j]
                var low = high
                for i in (start + 1)..<end {
                    let v = values[order[i] * p + j]
                    high = max(high, v)
                    low = min(low, v)
                }
                if high - low > maxSpread {
                    maxSpread = high - low
                    dimension = j
                }
            }
            let middle = count / 2
            NthElement.select(&order, start, start + middle, end) { a, b in
                let va = values[a * p + dimension]
                let vb = values[b * p + dimension]
                return va == vb ? a < b : va < vb
            }
            build(2 * node + 1, start, start + middle)
            build(2 * node + 2, start + middle, end)
        }
        if n > 0 { build(0, 0, n) }

        var leafColumns = [Double](repeating: 0, count: n * p)
        for node in 0..<nodeCount where isLeaf[node] && nodeEnd[node] > nodeStart[node] {
            let start = nodeStart[node]
            let count = nodeEnd[node] - start
            for i in 0..<count {
                let row = order[start + i]
                for j in 0..<p { leafColumns[start * p + j * count + i] = values[row * p + j] }
            }
        }
        self.leafColumns = leafColumns
        self.originalIndex = order
        self.nodeStart = nodeStart
        self.nodeEnd = nodeEnd
        self.isLeaf = isLeaf
        self.lower = lower
        self.upper = upper
    }

    /// Scratch space for one query at a time.
    struct Scratch {
        var distances: [Double]
        var indices: [Int]
        var stackNodes: [Int]
        var stackBounds: [Double]

        init(k: Int, depth: Int) {
            distances = [Double](repeating: .infinity, count: k)
            indices = [Int](repeating: 0, count: k)
            stackNodes = [Int](repeating: 0, count: depth + 2)
            stackBounds = [Double](repeating: 0, count: depth + 2)
        }
    }

    /// Tree depth bound for the traversal stack (one pending sibling per level).
    var depth: Int { max(1, NthElement.floorLog2(nodeCount + 1)) * 2 + 2 }

    /// The `k` nearest rows to `query` into `scratch.distances` / `scratch.indices` as a
    /// max-heap of reduced distances (unsorted), as scikit-learn's `NeighborsHeap`.
    func search(_ query: UnsafeBufferPointer<Double>, k: Int, scratch: inout Scratch) {
        for i in 0..<k {
            scratch.distances[i] = .infinity
            scratch.indices[i] = 0
        }
        guard nodeCount > 0 else { return }
        let p = featureCount
        leafColumns.withUnsafeBufferPointer { columns in
            lower.withUnsafeBufferPointer { lower in
                upper.withUnsafeBufferPointer { upper in
                    scratch.distances.withUnsafeMutableBufferPointer { heapDistances in
                        scratch.indices.withUnsafeMutableBufferPointer { heapIndices in
                            // Reduced box distance, as scikit-learn's min_rdist.
                            func boxDistance(_ node: Int) -> Double {
                                var d = 0.0
                                let base = node * p
                                switch distance {
                                case .euclidean:
                                    for j in 0..<p {
                                        let gap = max(0, max(lower[base + j] - query[j], query[j] - upper[base + j]))
                                        d += gap * gap
                                    }
                                case .manhattan:
                                    for j in 0..<p {
                                        d += max(0, max(lower[base + j] - query[j], query[j] - upper[base + j]))
                                    }
                                }
                                return d
                            }
                            var top = 0
                            scratch.stackNodes[0] = 0
                            scratch.stackBounds[0] = boxDistance(0)
                            top = 1
                            while top > 0 {
                                top -= 1
                                let node = scratch.stackNodes[top]
                                if scratch.stackBounds[top] > heapDistances[0] { continue }
                                if isLeaf[node] {
                                    scanLeaf(node, query: query, columns: columns, k: k,
                                             heapDistances: heapDistances, heapIndices: heapIndices)
                                    continue
                                }
                                let left = 2 * node + 1
                                let right = left + 1
                                let leftBound = boxDistance(left)
                                let rightBound = boxDistance(right)
                                // Push the later child first so the nearer one is searched next.
                                if leftBound <= rightBound {
                                    scratch.stackNodes[top] = right
                                    scratch.stackBounds[top] = rightBound
                                    scratch.stackNodes[top + 1] = left
                                    scratch.stackBounds[top + 1] = leftBound
                                } else {
                                    scratch.stackNodes[top] = left
                                    scratch.stackBounds[top] = leftBound
                                    scratch.stackNodes[top + 1] = right
                                    scratch.stackBounds[top + 1] = rightBound
                                }
                                top += 2
                            }
                        }
                    }
                }
            }
        }
    }

    /// The leaf a query descends to, taking the child with the smaller box distance at each
    /// node (used only to order queries so that neighbouring queries share cached leaves).
    func homeLeaf(_ query: UnsafeBufferPointer<Double>) -> Int {
        var node = 0
        let p = featureCount
        while node < nodeCount && !isLeaf[node] {
            let left = 2 * node + 1
            var leftDistance = 0.0
            var rightDistance = 0.0
            for j in 0..<p {
                let q = query[j]
                let l = max(0, max(lower[left * p + j] - q, q - upper[left * p + j]))
                let r = max(0, max(lower[(left + 1) * p + j] - q, q - upper[(left + 1) * p + j]))
                leftDistance += l * l
                rightDistance += r * r
            }
            node = leftDistance <= rightDistance ? left : left + 1
        }
        return node
    }

    /// Offers the rows of leaf `node` to the heap in stored order, as scikit-learn's leaf
    /// loop: a row enters when its distance is below the current k-th.
    ///
    /// Four rows are measured side by side, each summing its features in order (so every
    /// distance is bitwise the same as a one-row loop); since partial sums never decrease,
    /// a group stops early once all four reach the k-th distance; otherwise its rows are
    /// offered one by one, in order.
    @inline(__always)
    private func scanLeaf(
        _ node: Int, query: UnsafeBufferPointer<Double>, columns: UnsafeBufferPointer<Double>, k: Int,
        heapDistances: UnsafeMutableBufferPointer<Double>, heapIndices: UnsafeMutableBufferPointer<Int>
    ) {
        let p = featureCount
        let start = nodeStart[node]
        let count = nodeEnd[node] - start
        let block = start * p
        var largest = heapDistances[0]
        var i = 0
        while i + 4 <= count {
            // Four independent sums (plain scalars: fast unoptimised too, vectorised when optimised).
            var d0 = 0.0, d1 = 0.0, d2 = 0.0, d3 = 0.0
            var j = 0
            var abandoned = false
            while j < p {
                let stop = min(j + 4, p)
                while j < stop {
                    let q = query[j]
                    let base = block + j * count + i
                    let t0 = q - columns[base], t1 = q - columns[base + 1]
                    let t2 = q - columns[base + 2], t3 = q - columns[base + 3]
                    switch distance {
                    case .euclidean:
                        d0 += t0 * t0
                        d1 += t1 * t1
                        d2 += t2 * t2
                        d3 += t3 * t3
                    case .manhattan:
                        d0 += abs(t0)
                        d1 += abs(t1)
                        d2 += abs(t2)
                        d3 += abs(t3)
                    }
                    j += 1
                }
                if d0 >= largest && d1 >= largest && d2 >= largest && d3 >= largest {
                    abandoned = true
                    break
                }
            }
            if !abandoned {
                if d0 < largest {
                    Self.heapPush(heapDistances, heapIndices, k: k, value: d0, index: originalIndex[start + i])
                    largest = heapDistances[0]
                }
                if d1 < largest {
                    Self.heapPush(heapDistances, heapIndices, k: k, value: d1, index: originalIndex[start + i + 1])
                    largest = heapDistances[0]
                }
                if d2 < largest {
                    Self.heapPush(heapDistances, heapIndices, k: k, value: d2, index: originalIndex[start + i + 2])
                    largest = heapDistances[0]
                }
                if d3 < largest {
                    Self.heapPush(heapDistances, heapIndices, k: k, value: d3, index: originalIndex[start + i + 3])
                    largest = heapDistances[0]
                }
            }
            i += 4
        }
        while i < count {
            var d = 0.0
            for j in 0..<p {
                let t = query[j] - columns[block + j * count + i]
                switch distance {
                case .euclidean: d += t * t
                case .manhattan: d += abs(t)
                }
            }
            if d < largest {
                Self.heapPush(heapDistances, heapIndices, k: k, value: d, index: originalIndex[start + i])
                largest = heapDistances[0]
            }
            i += 1
        }
    }

    /// scikit-learn's `heap_push`: replaces the root of the fixed-size max-heap when `value`
    /// is smaller, then sifts it down (the caller has checked `value < values[0]`).
    @inline(__always)
    static func heapPush(
        _ values: UnsafeMutableBufferPointer<Double>, _ indices: UnsafeMutableBufferPointer<Int>,
        k: Int, value: Double, index: Int
    ) {
        var current = 0
        while true {
            let left = 2 * current + 1
            let right = left + 1
            let swap: Int
            if left >= k {
                break
            } else if right >= k {
                if values[left] > value { swap = left } else { break }
            } else if values[left] >= values[right] {
                if value < values[left] { swap = left } else { break }
            } else {
                if value < values[right] { swap = right } else { break }
            }
            values[current] = values[swap]
            indices[current] = indices[swap]
            current = swap
        }
        values[current] = value
        indices[current] = index
    }
}

/// Stored as built: rows in tree order, node ranges and bounding boxes.
extension KDTree: Codable {}
