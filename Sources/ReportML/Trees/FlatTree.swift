/// A fitted tree stored in flat arrays indexed by node, nodes numbered in preorder (root 0,
/// then the left subtree, then the right), as scikit-learn's `tree_`.
///
/// What prediction reads — feature, threshold and right child — is interleaved in one array
/// of 16-byte nodes (a split node's left child is always the next node), so a walk step
/// costs one cache line. A leaf whose rows are all of one class stores just that class;
/// other leaves point into one buffer of class probabilities (weighted class frequencies).
/// The per-field views (`feature`, `threshold`, `leftChild`, `rightChild`) are built on request.
public struct FlatTree: Sendable, Equatable {
    public let classCount: Int
    public let featureCount: Int
    private(set) var nodes: [FlatTreeNode] = []
    /// Class probabilities of the leaves that have more than one class, `classCount` each.
    private(set) var leafValues: [Double] = []
    /// Impurity of each node under the tree's criterion (empty for the trees of a forest,
    /// which keep only what prediction and importances need).
    public private(set) var impurity: [Double] = []
    /// Training rows reaching each node (distinct rows, as scikit-learn's `n_node_samples`;
    /// empty for the trees of a forest).
    public private(set) var sampleCount: [Int32] = []
    /// Total weight of the training rows reaching each node (empty for the trees of a forest).
    public private(set) var weightedSampleCount: [Double] = []
    /// Depth of the deepest leaf (a lone root has depth 0).
    public private(set) var depth: Int = 0
    /// Weighted impurity decrease of each feature's splits, summed (see `impurityDecrease`).
    private var summedDecrease: [Double]
    private var rootWeight = 0.0

    init(classCount: Int, featureCount: Int) {
        self.classCount = classCount
        self.featureCount = featureCount
        summedDecrease = [Double](repeating: 0, count: featureCount)
    }

    public var nodeCount: Int { nodes.count }

    public var leafCount: Int { nodes.reduce(0) { $1.feature < 0 ? $0 + 1 : $0 } }

    /// Split feature of each node, -1 for leaves.
    public var feature: [Int32] { nodes.map { max($0.feature, -1) } }

    /// Split threshold of each node (-2 for leaves, as scikit-learn).
    public var threshold: [Double] { nodes.map { $0.feature < 0 ? -2 : $0.threshold } }

    /// Left child of each node, -1 for leaves.
    public var leftChild: [Int32] { nodes.indices.map { nodes[$0].feature < 0 ? -1 : Int32($0 + 1) } }

    /// Right child of each node, -1 for leaves.
    public var rightChild: [Int32] { nodes.map { $0.feature < 0 ? -1 : $0.link } }

    /// The class probabilities of leaf `node`, or nil for a split node.
    public func classProbabilities(node: Int) -> [Double]? {
        let entry = nodes[node]
        switch entry.feature {
        case FlatTreeNode.pureLeaf:
            var probabilities = [Double](repeating: 0, count: classCount)
            probabilities[Int(entry.link)] = 1
            return probabilities
        case FlatTreeNode.mixedLeaf:
            let offset = Int(entry.link)
            return Array(leafValues[offset..<(offset + classCount)])
        default:
            return nil
        }
    }

    /// Impurity decrease credited to each feature, summed over split nodes and divided by
    /// the root's weight (scikit-learn's `compute_feature_importances(normalize=False)`).
    public var impurityDecrease: [Double] {
        rootWeight > 0 ? summedDecrease.map { $0 / rootWeight } : summedDecrease
    }

    /// `impurityDecrease` normalised to sum to 1 (all zero for a lone root), as
    /// scikit-learn's `feature_importances_`.
    public var featureImportances: [Double] {
        let raw = impurityDecrease
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : raw
    }

    /// Appends a node in preorder and links it to its parent; `leafCounts` are the weighted
    /// class counts of a leaf (nil for a split node). Returns the node's index.
    mutating func appendNode(
        parent: Int32, isLeft: Bool, depth nodeDepth: Int, feature splitFeature: Int, threshold splitThreshold: Double,
        impurity nodeImpurity: Double, sampleCount rows: Int, weightedSampleCount weight: Double,
        leafCounts: UnsafePointer<Double>?
    ) -> Int32 {
        let id = Int32(nodes.count)
        if parent >= 0 {
            if isLeft {
                precondition(id == parent + 1, "FlatTree: a left child must follow its parent")
            } else {
                nodes[Int(parent)].link = id
            }
        } else {
            rootWeight = weight
        }
        impurity.append(nodeImpurity)
        sampleCount.append(Int32(rows))
        weightedSampleCount.append(weight)
        if let leafCounts {
            var total = 0.0
            var present = 0
            var onlyClass = 0
            for k in 0..<classCount where leafCounts[k] > 0 {
                total += leafCounts[k]
                present += 1
                onlyClass = k
            }
            if present == 1 {
                nodes.append(FlatTreeNode(threshold: -2, feature: FlatTreeNode.pureLeaf, link: Int32(onlyClass)))
            } else {
                nodes.append(FlatTreeNode(threshold: -2, feature: FlatTreeNode.mixedLeaf, link: Int32(leafValues.count)))
                let normaliser = total > 0 ? total : 1
                for k in 0..<classCount { leafValues.append(leafCounts[k] / normaliser) }
            }
        } else {
            nodes.append(FlatTreeNode(threshold: splitThreshold, feature: Int32(splitFeature), link: -1))
        }
        depth = max(depth, nodeDepth)
        return id
    }

    /// Credits `feature` with a split's weighted impurity decrease
    /// (`w·impurity − w_left·impurity_left − w_right·impurity_right`).
    mutating func credit(feature: Int, decrease: Double) {
        summedDecrease[feature] += decrease
    }

    /// Frees the per-node statistics (the trees of a forest do not need them).
    mutating func discardNodeStatistics() {
        impurity = []
        sampleCount = []
        weightedSampleCount = []
    }

    /// Rows walked down a tree together: their independent walks overlap their cache misses.
    static let walkBatch = 32

    /// Adds the class probabilities of rows `rows` of `x` (row-major, `featureCount` columns)
    /// to `out` (row-major, `classCount` columns, row `r` at `(r - rows.lowerBound) * classCount`).
    /// `walk` is scratch for `walkBatch` node indices.
    func accumulateProbabilities(
        _ x: UnsafePointer<Double>, rows: Range<Int>, into out: UnsafeMutablePointer<Double>,
        walk: UnsafeMutablePointer<Int>
    ) {
        let k = classCount
        let columns = featureCount
        nodes.withUnsafeBufferPointer { nodes in
            leafValues.withUnsafeBufferPointer { values in
                var batchStart = rows.lowerBound
                while batchStart < rows.upperBound {
                    let count = min(Self.walkBatch, rows.upperBound - batchStart)
                    walk.update(repeating: 0, count: count)
                    // Advance every unfinished walk by one level per round.
                    // (`while` loops: range iterators are slow in unoptimised test builds.)
                    var moving = true
                    while moving {
                        moving = false
                        var j = 0
                        while j < count {
                            let node = nodes[walk[j]]
                            if node.feature >= 0 {
                                // Compare in single precision, as scikit-learn does.
                                let value = Double(Float(x[(batchStart &+ j) &* columns &+ Int(node.feature)]))
                                walk[j] = value <= node.threshold ? walk[j] &+ 1 : Int(node.link)
                                moving = true
                            }
                            j &+= 1
                        }
                    }
                    for j in 0..<count {
                        let leaf = nodes[walk[j]]
                        let target = out + (batchStart &+ j &- rows.lowerBound) &* k
                        if leaf.feature == FlatTreeNode.pureLeaf {
                            target[Int(leaf.link)] += 1
                        } else {
                            let offset = Int(leaf.link)
                            for c in 0..<k { target[c] += values[offset &+ c] }
                        }
                    }
                    batchStart &+= count
                }
            }
        }
    }
}

/// Stored with the nodes as three columns (threshold, feature, link) so that a forest's
/// millions of nodes are three block copies. Decoding checks what prediction relies on: every
/// split names a feature and a right child after its left one (so a walk always ends), every
/// leaf a class or a full row of `leafValues`, and the per-node statistics cover every node.
extension FlatTree: Codable {
    private enum CodingKeys: String, CodingKey {
        case classCount, featureCount, thresholds, features, links, leafValues
        case impurity, sampleCount, weightedSampleCount, depth, summedDecrease, rootWeight
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let classCount = try container.decode(Int.self, forKey: .classCount)
        let featureCount = try container.decode(Int.self, forKey: .featureCount)
        let thresholds = try container.decode([Double].self, forKey: .thresholds)
        let features = try container.decode([Int32].self, forKey: .features)
        let links = try container.decode([Int32].self, forKey: .links)
        let leafValues = try container.decode([Double].self, forKey: .leafValues)
        let impurity = try container.decode([Double].self, forKey: .impurity)
        let sampleCount = try container.decode([Int32].self, forKey: .sampleCount)
        let weightedSampleCount = try container.decode([Double].self, forKey: .weightedSampleCount)
        let depth = try container.decode(Int.self, forKey: .depth)
        let summedDecrease = try container.decode([Double].self, forKey: .summedDecrease)
        let rootWeight = try container.decode(Double.self, forKey: .rootWeight)

        try ArchiveCheck.classCount(classCount)
        let nodeCount = thresholds.count
        try ArchiveCheck.require(
            nodeCount > 0 && features.count == nodeCount && links.count == nodeCount
                && summedDecrease.count == featureCount,
            "a tree of \(nodeCount) thresholds, \(features.count) features, \(links.count) links "
                + "and \(summedDecrease.count) importances for \(featureCount) features")
        for statistic in [impurity.count, sampleCount.count, weightedSampleCount.count] {
            try ArchiveCheck.require(statistic == 0 || statistic == nodeCount,
                                     "per-node statistics of \(statistic) nodes in a tree of \(nodeCount)")
        }
        for node in 0..<nodeCount {
            let feature = features[node], link = Int(links[node])
            switch feature {
            case FlatTreeNode.pureLeaf:
                try ArchiveCheck.require(link >= 0 && link < classCount, "leaf \(node) has class \(link) of \(classCount)")
            case FlatTreeNode.mixedLeaf:
                try ArchiveCheck.require(link >= 0 && link <= leafValues.count - classCount,
                                         "leaf \(node) points past the \(leafValues.count) leaf values")
            default:
                try ArchiveCheck.require(feature >= 0 && Int(feature) < featureCount && link > node + 1 && link < nodeCount,
                                         "split \(node) on feature \(feature) with right child \(link) of \(nodeCount) nodes")
            }
        }
        self.classCount = classCount
        self.featureCount = featureCount
        nodes = (0..<nodeCount).map { FlatTreeNode(threshold: thresholds[$0], feature: features[$0], link: links[$0]) }
        self.leafValues = leafValues
        self.impurity = impurity
        self.sampleCount = sampleCount
        self.weightedSampleCount = weightedSampleCount
        self.depth = depth
        self.summedDecrease = summedDecrease
        self.rootWeight = rootWeight
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(classCount, forKey: .classCount)
        try container.encode(featureCount, forKey: .featureCount)
        try container.encode(nodes.map(\.threshold), forKey: .thresholds)
        try container.encode(nodes.map(\.feature), forKey: .features)
        try container.encode(nodes.map(\.link), forKey: .links)
        try container.encode(leafValues, forKey: .leafValues)
        try container.encode(impurity, forKey: .impurity)
        try container.encode(sampleCount, forKey: .sampleCount)
        try container.encode(weightedSampleCount, forKey: .weightedSampleCount)
        try container.encode(depth, forKey: .depth)
        try container.encode(summedDecrease, forKey: .summedDecrease)
        try container.encode(rootWeight, forKey: .rootWeight)
    }
}
