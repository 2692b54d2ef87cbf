/// One class's density estimate for one feature: y values over an increasing x grid.
public struct DensityCurve: Hashable, Sendable {
    /// Class name; curves with the same name share a colour across panels.
    public var label: String
    /// Grid positions, increasing.
    public var x: [Double]
    /// Density at each grid position (non-negative).
    public var density: [Double]

    /// Creates a curve; `x` and `density` must have the same length.
    public init(label: String, x: [Double], density: [Double]) {
        self.label = label
        self.x = x
        self.density = density
    }
}
