/// The values behind one box: a category, or a candidate's cross-validation fold scores.
public struct BoxPlotBox: Hashable, Sendable {
    /// Category label under (or beside) the box.
    public var label: String
    /// Raw values; NaN and infinities are left out.
    public var values: [Double]
    /// Group for colouring (e.g. the model family); boxes of one group share a colour and the
    /// legend names the groups. `nil` everywhere draws every box in one colour.
    public var group: String?

    /// Creates a box.
    public init(label: String, values: [Double], group: String? = nil) {
        self.label = label
        self.values = values
        self.group = group
    }
}
