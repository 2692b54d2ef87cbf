import ReportData

/// Grows one CART tree depth first, as scikit-learn's `DepthFirstTreeBuilder`: nodes are
/// numbered in preorder, the left child is grown before the right one, and features are
/// drawn per node by scikit-learn's Fisher–Yates scheme that remembers constant features.
struct TreeGrower<Splitter: TreeSplitter> {
    var splitter: Splitter
    let settings: TreeGrowthSettings
    let classCount: Int
    let featureCount: Int

    /// A node waiting to be grown.
    private struct PendingNode {
        var start: Int
        var end: Int
        var depth: Int
        var parent: Int32
        var isLeft: Bool
        /// Features known to be constant here: the first ones of the feature permutation.
        var knownConstants: Int
        var cacheSlot: Int32
    }

    /// Grows the tree, drawing features (and any random thresholds) from `rng`.
    mutating func grow(rng: inout Xoshiro256StarStar) -> FlatTree {
        let k = classCount
        var tree = FlatTree(classCount: k, featureCount: featureCount)
        let totalWeight = splitter.totalWeight
        var stack = [PendingNode(start: 0, end: splitter.rowCount, depth: 0, parent: -1, isLeft: false,
                                 knownConstants: 0, cacheSlot: -1)]
        // Class totals of the pending nodes, `k` per stack entry, pushed and popped with them.
        var stackTotals = [Double]()
        // Scratch: the node's totals, then the left and the right child's.
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 3 * k)
        defer { scratch.deallocate() }
        scratch.initialize(repeating: 0, count: 3 * k)
        let totals = scratch
        let leftTotals = scratch + k
        let rightTotals = scratch + 2 * k
        splitter.addRootClassTotals(into: totals)
        for c in 0..<k { stackTotals.append(totals[c]) }
        var features = Array(0..<featureCount)
        var constantStore = [Int](repeating: 0, count: featureCount)

        while let node = stack.popLast() {
            for c in 0..<k { totals[c] = stackTotals[stackTotals.count - k + c] }
            stackTotals.removeLast(k)
            let rows = node.end - node.start
            var weight = 0.0
            for c in 0..<k { weight += totals[c] }
            let impurity = settings.criterion.impurity(totals, classCount: k, total: weight)
            var isLeaf = node.depth >= settings.maxDepth || rows < settings.minSamplesSplit
                || rows < 2 * settings.minSamplesLeaf || impurity <= Double.ulpOfOne

            var chosen: CandidateSplit?
            var position = node.end
            var childSlots: (Int32, Int32) = (-1, -1)
            var constantsAfter = node.knownConstants
            let began = !isLeaf
            if began {
                splitter.beginNode(start: node.start, end: node.end, cacheSlot: node.cacheSlot,
                                   totals: totals, weightedCount: weight)
                (chosen, constantsAfter) = drawBestSplit(
                    knownConstants: node.knownConstants, features: &features, constantStore: &constantStore, rng: &rng)
                if let chosen {
                    let applied = splitter.apply(
                        chosen, constantFeatures: features[0..<constantsAfter], leftTotals: leftTotals, rightTotals: rightTotals)
                    position = applied.position
                    childSlots = (applied.leftSlot, applied.rightSlot)
                    let (improvement, decrease) = impurityImprovement(
                        parentImpurity: impurity, parentWeight: weight, left: leftTotals, right: rightTotals,
                        totalWeight: totalWeight)
                    if improvement + Double.ulpOfOne < settings.minImpurityDecrease {
                        isLeaf = true
                    } else {
                        tree.credit(feature: chosen.feature, decrease: decrease)
                    }
                } else {
                    isLeaf = true
                }
            }
            if isLeaf {
                if began && chosen == nil {
                    splitter.discardNode()
                } else if !began {
                    splitter.release(node.cacheSlot)
                }
                // A split undone by `minImpurityDecrease`: its children never grow.
                splitter.release(childSlots.0)
                splitter.release(childSlots.1)
            }

            let id = tree.appendNode(
                parent: node.parent, isLeft: node.isLeft, depth: node.depth,
                feature: isLeaf ? -1 : chosen?.feature ?? -1, threshold: isLeaf ? -2 : chosen?.threshold ?? -2,
                impurity: impurity, sampleCount: rows, weightedSampleCount: weight,
                leafCounts: isLeaf ? UnsafePointer(totals) : nil)
            if !isLeaf {
                stack.append(PendingNode(start: position, end: node.end, depth: node.depth + 1, parent: id, isLeft: false,
                                         knownConstants: constantsAfter, cacheSlot: childSlots.1))
                for c in 0..<k { stackTotals.append(rightTotals[c]) }
                stack.append(PendingNode(start: node.start, end: position, depth: node.depth + 1, parent: id, isLeft: true,
                                         knownConstants: constantsAfter, cacheSlot: childSlots.0))
                for c in 0..<k { stackTotals.append(leftTotals[c]) }
            }
        }
        return tree
    }

    /// scikit-learn's `impurity_improvement` (weighted by the node's share of the total
    /// weight) and the weighted decrease its feature importances sum
    /// (`w·impurity − w_left·impurity_left − w_right·impurity_right`).
    private func impurityImprovement(
        parentImpurity: Double, parentWeight: Double, left: UnsafePointer<Double>, right: UnsafePointer<Double>,
        totalWeight: Double
    ) -> (improvement: Double, decrease: Double) {
        var weightLeft = 0.0
        var weightRight = 0.0
        for c in 0..<classCount {
            weightLeft += left[c]
            weightRight += right[c]
        }
        let impurityLeft = settings.criterion.impurity(left, classCount: classCount, total: weightLeft)
        let impurityRight = settings.criterion.impurity(right, classCount: classCount, total: weightRight)
        let improvement = parentWeight / totalWeight
            * (parentImpurity - weightRight / parentWeight * impurityRight - weightLeft / parentWeight * impurityLeft)
        let decrease = parentWeight * parentImpurity - weightLeft * impurityLeft - weightRight * impurityRight
        return (improvement, decrease)
    }

    /// Draws features without replacement until `maxFeatures` were tried (constant ones
    /// count, but at least one non-constant feature is tried when there is one) and returns
    /// the best split with the new number of known constant features.
    ///
    /// `features[0..<knownConstants]` are the constants inherited from the ancestors; newly
    /// found constants are moved after them, as in scikit-learn's `node_split_best`.
    private mutating func drawBestSplit(
        knownConstants: Int, features: inout [Int], constantStore: inout [Int], rng: inout Xoshiro256StarStar
    ) -> (CandidateSplit?, Int) {
        var best: CandidateSplit?
        var unvisited = featureCount
        var visited = 0
        var foundConstants = 0
        var drawnConstants = 0
        var totalConstants = knownConstants
        while unvisited > totalConstants
            && (visited < settings.maxFeatures || visited <= foundConstants + drawnConstants) {
            visited += 1
            var j = drawnConstants + rng.nextInt(below: unvisited - foundConstants - drawnConstants)
            if j < knownConstants {
                features.swapAt(drawnConstants, j)
                drawnConstants += 1
                continue
            }
            j += foundConstants
            switch splitter.bestSplit(feature: features[j], rng: &rng) {
            case .constant:
                features.swapAt(j, totalConstants)
                foundConstants += 1
                totalConstants += 1
                continue
            case .none:
                break
            case .found(let split):
                if split.proxy > best?.proxy ?? -Double.infinity { best = split }
            }
            unvisited -= 1
            features.swapAt(unvisited, j)
        }
        // Keep the inherited constants in their order for the siblings and descendants.
        for i in knownConstants..<(knownConstants + foundConstants) { constantStore[i] = features[i] }
        for i in 0..<knownConstants { features[i] = constantStore[i] }
        return (best, totalConstants)
    }
}
