/// One set of bars: a value per category, drawn in one colour and named in the legend.
public struct BarSeries: Hashable, Sendable {
    /// Legend name.
    public var name: String
    /// One value per category, in category order; NaN leaves the bar out.
    public var values: [Double]
    /// Colour; `nil` takes the next palette colour.
    public var color: Color?

    /// Creates a series.
    public init(name: String, values: [Double], color: Color? = nil) {
        self.name = name
        self.values = values
        self.color = color
    }
}
