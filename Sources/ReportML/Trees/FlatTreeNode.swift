/// One node of a `FlatTree` as prediction reads it, 16 bytes: a walk step touches one
/// cache line instead of one per field.
struct FlatTreeNode: Sendable, Equatable {
    /// A leaf whose class probabilities are in `FlatTree.leafValues` at `link`.
    static let mixedLeaf: Int32 = -1
    /// A leaf whose rows all have class `link` (no probabilities stored).
    static let pureLeaf: Int32 = -2

    /// Rows with `Float(value) <= threshold` go to the left child.
    var threshold: Double
    /// The split feature, or `mixedLeaf` / `pureLeaf`.
    var feature: Int32
    /// A split node's right child (its left child is the next node, by preorder), a mixed
    /// leaf's offset in `FlatTree.leafValues` or a pure leaf's class.
    var link: Int32
}
