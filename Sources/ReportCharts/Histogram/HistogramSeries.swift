/// The values of one class for one feature, drawn as one translucent histogram.
public struct HistogramSeries: Hashable, Sendable {
    /// Class name; series with the same name share a colour across panels.
    public var label: String
    /// Raw values; NaN and infinities are left out.
    public var values: [Double]

    /// Creates a series.
    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }
}
