/// The regression trees of a fitted `GradientBoostingModel`, flattened into parallel node
/// arrays (scikit-learn's `TreePredictor` records, nodes in depth-first pre-order per tree).
///
/// A node with `left[node] < 0` is a leaf holding `value[node]` (already multiplied by the
/// learning rate); otherwise rows whose `feature` value is at most `threshold` go to `left`,
/// the others to `right` — equivalently, bin codes at most `bin`.
struct BoostedTrees: Sendable {
    var feature: [Int32] = []
    var threshold: [Double] = []
    var bin: [UInt8] = []
    var left: [Int32] = []
    var right: [Int32] = []
    var value: [Double] = []
    /// Root node of each tree, in fitting order (iteration-major, then class).
    var roots: [Int] = []

    var treeCount: Int { roots.count }
    var nodeCount: Int { feature.count }

    /// Appends a node and returns its index.
    mutating func appendNode(feature: Int, threshold: Double, bin: Int, value: Double) -> Int {
        self.feature.append(Int32(feature))
        self.threshold.append(threshold)
        self.bin.append(UInt8(bin))
        left.append(-1)
        right.append(-1)
        self.value.append(value)
        return self.feature.count - 1
    }

    /// Leaves of each tree, in fitting order.
    var leafCounts: [Int] {
        roots.indices.map { t in
            let end = t + 1 < roots.count ? roots[t + 1] : nodeCount
            return (roots[t]..<end).filter { left[$0] < 0 }.count
        }
    }

    /// Adds the trees' outputs for row-major rows `rows` of `values` (`columns` wide) to
    /// `raw` (row-major, `outputs` per row), tree `t` feeding output `t % outputs`.
    ///
    /// Loops tree by tree over the rows (a tree's nodes stay in cache); each row still
    /// receives the trees' values in fitting order.
    func accumulate(
        values: UnsafePointer<Double>, columns: Int, rows: Range<Int>, outputs: Int,
        into raw: UnsafeMutablePointer<Double>
    ) {
        feature.withUnsafeBufferPointer { feature in
            threshold.withUnsafeBufferPointer { threshold in
                left.withUnsafeBufferPointer { left in
                    right.withUnsafeBufferPointer { right in
                        value.withUnsafeBufferPointer { value in
                            roots.withUnsafeBufferPointer { roots in
                                for (t, root) in roots.enumerated() {
                                    let output = raw + t % outputs
                                    for row in rows {
                                        let x = values + row * columns
                                        var node = root
                                        while left[node] >= 0 {
                                            node = x[Int(feature[node])] <= threshold[node] ? Int(left[node]) : Int(right[node])
                                        }
                                        output[row * outputs] += value[node]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds the outputs of trees `treeRange` on feature-major bin codes (`codes[f * rows + i]`)
    /// to class-major `raw` (`raw[k * rows + i]`), tree `t` feeding output `t % outputs`.
    func accumulateBinned(
        codes: UnsafePointer<UInt8>, rows: Int, treeRange: Range<Int>, outputs: Int,
        into raw: UnsafeMutablePointer<Double>
    ) {
        feature.withUnsafeBufferPointer { feature in
            bin.withUnsafeBufferPointer { bin in
                left.withUnsafeBufferPointer { left in
                    right.withUnsafeBufferPointer { right in
                        value.withUnsafeBufferPointer { value in
                            for t in treeRange {
                                let output = raw + (t % outputs) * rows
                                let root = roots[t]
                                for i in 0..<rows {
                                    var node = root
                                    while left[node] >= 0 {
                                        let f = Int(feature[node])
                                        node = codes[f * rows + i] <= bin[node] ? Int(left[node]) : Int(right[node])
                                    }
                                    output[i] += value[node]
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Stored as its node arrays.
extension BoostedTrees: Codable {}
