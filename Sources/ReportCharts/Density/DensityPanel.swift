/// One small multiple of a ``DensityChart``: the curves of every class for one feature.
public struct DensityPanel: Hashable, Sendable {
    /// Panel title, usually the feature name.
    public var title: String
    /// One curve per class.
    public var curves: [DensityCurve]

    /// Creates a panel.
    public init(title: String, curves: [DensityCurve]) {
        self.title = title
        self.curves = curves
    }
}
