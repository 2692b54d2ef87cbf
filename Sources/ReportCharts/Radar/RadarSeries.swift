/// One class profile of a ``RadarChart``: a value in `0...1` per axis.
public struct RadarSeries: Hashable, Sendable {
    /// Legend name.
    public var name: String
    /// One value per axis, already scaled to `0...1` (e.g. the class mean min–max scaled
    /// over all classes); values outside are clamped and NaN is drawn at the centre.
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
