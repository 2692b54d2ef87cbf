/// The points of one class: paired x and y values drawn in one colour.
public struct ScatterSeries: Hashable, Sendable {
    /// Legend name.
    public var name: String
    /// Horizontal positions.
    public var x: [Double]
    /// Vertical positions, one per x; pairs with NaN or infinity are left out.
    public var y: [Double]
    /// Colour; `nil` takes the next palette colour.
    public var color: Color?

    /// Creates a series; `x` and `y` must have the same length.
    public init(name: String, x: [Double], y: [Double], color: Color? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
    }
}
