/// The leaf order and the U-shaped links of a dendrogram, computed from a SciPy linkage
/// matrix exactly as `scipy.cluster.hierarchy.dendrogram` does, in its coordinates: leaves
/// at 5, 15, 25, …, heights are merge distances.
public struct DendrogramGeometry: Hashable, Sendable {
    /// One U-shaped link joining two clusters.
    public struct Link: Hashable, Sendable {
        /// Positions of the four corners along the leaf axis: left leg, left top, right top,
        /// right leg (scipy's `icoord`).
        public var positions: [Double]
        /// Heights of the four corners: the left child's height, the merge distance twice,
        /// the right child's height (scipy's `dcoord`).
        public var heights: [Double]
        /// The cluster below the colour threshold this link belongs to (numbered in the order
        /// scipy meets them), or `nil` above the threshold.
        public var cluster: Int?
    }

    /// Number of leaves.
    public var leafCount: Int
    /// Original observation indices, in drawing order (scipy's `leaves`).
    public var leaves: [Int]
    /// Links in scipy's order (post-order: both children before their parent).
    public var links: [Link]
    /// The largest merge distance.
    public var maxDistance: Double

    /// Lays out the tree of `linkage`: n − 1 rows `[a, b, distance, count]` for n leaves,
    /// where a and b are leaves (< n) or earlier merges (n + row).
    ///
    /// - Parameter colorThreshold: links below this distance are grouped into clusters
    ///   (scipy's `color_threshold`); `nil` puts every link above it.
    /// - Throws: ``ChartError/invalidData(_:)`` when a row is malformed or refers to a merge
    ///   that does not exist yet.
    public init(linkage: [[Double]], colorThreshold: Double? = nil) throws {
        let n = linkage.count + 1
        for (i, row) in linkage.enumerated() {
            guard row.count >= 3 else { throw ChartError.invalidData("linkage row \(i) has \(row.count) values; expected [a, b, distance, count]") }
            for child in row[0...1] {
                guard child >= 0, child == child.rounded(), Int(child) < n + i else {
                    throw ChartError.invalidData("linkage row \(i) refers to cluster \(child), which does not exist before row \(i)")
                }
            }
            guard row[2].isFinite, row[2] >= 0 else { throw ChartError.invalidData("linkage row \(i) has distance \(row[2])") }
        }
        leafCount = n
        maxDistance = linkage.map { $0[2] }.max() ?? 0
        var leaves = [Int]()
        var links = [Link]()
        let threshold = colorThreshold ?? 0
        var cluster = 0
        var below = false

        // Iterative post-order walk (trees of thousands of leaves would overflow recursion):
        // each frame remembers how far it got.
        struct Frame {
            var node: Int
            var stage = 0
            var left: (position: Double, height: Double) = (0, 0)
            var linkCluster: Int?
        }
        var stack = [Frame(node: 2 * n - 2)]
        var returned: (position: Double, height: Double) = (0, 0)
        if n == 1 {
            leaves = [0]
            stack = []
        }
        while var frame = stack.popLast() {
            if frame.node < n {
                returned = (5 + 10 * Double(leaves.count), 0)
                leaves.append(frame.node)
                continue
            }
            let row = linkage[frame.node - n]
            switch frame.stage {
            case 0:
                frame.stage = 1
                stack.append(frame)
                stack.append(Frame(node: Int(row[0])))
            case 1:
                frame.left = returned
                // scipy decides the colour between its two children's walks.
                let h = row[2]
                if h >= threshold || threshold <= 0 {
                    if below { cluster += 1 }
                    below = false
                    frame.linkCluster = nil
                } else {
                    below = true
                    frame.linkCluster = cluster
                }
                frame.stage = 2
                stack.append(frame)
                stack.append(Frame(node: Int(row[1])))
            default:
                let right = returned
                let h = row[2]
                links.append(Link(
                    positions: [frame.left.position, frame.left.position, right.position, right.position],
                    heights: [frame.left.height, h, h, right.height], cluster: frame.linkCluster))
                returned = ((frame.left.position + right.position) / 2, h)
            }
        }
        self.leaves = leaves
        self.links = links
    }

    /// The threshold scipy uses by default: 70 % of the largest merge distance.
    public static func defaultThreshold(linkage: [[Double]]) -> Double {
        0.7 * (linkage.map { $0.count > 2 ? $0[2] : 0 }.max() ?? 0)
    }

    /// Number of clusters below the threshold.
    public var clusterCount: Int {
        (links.compactMap(\.cluster).max() ?? -1) + 1
    }
}
