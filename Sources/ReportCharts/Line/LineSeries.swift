/// One curve of a ``LineChart``: points joined in the order given.
public struct LineSeries: Hashable, Sendable {
    /// Legend name.
    public var name: String
    /// Horizontal positions.
    public var x: [Double]
    /// Vertical positions, one per x; pairs with NaN or infinity break the line.
    public var y: [Double]
    /// Colour; `nil` takes the next palette colour.
    public var color: Color?
    /// Dash pattern; `nil` draws a solid line.
    public var dash: LineDash?
    /// Line width in logical pixels; `nil` uses the chart's.
    public var width: Double?

    /// Creates a series; `x` and `y` must have the same length.
    public init(name: String, x: [Double], y: [Double], color: Color? = nil, dash: LineDash? = nil, width: Double? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
        self.dash = dash
        self.width = width
    }
}
