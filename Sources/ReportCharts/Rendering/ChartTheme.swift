/// Fonts, ink colours and spacing shared by all chart kinds, so every figure in a report
/// looks like part of one set.
public struct ChartTheme: Hashable, Sendable {
    /// Chart title.
    public var titleFont = Font(size: 15, bold: true)
    /// Category labels and axis tick labels.
    public var labelFont = Font(size: 12)
    /// Axis titles ("Predicted", "True").
    public var axisTitleFont = Font(size: 12, bold: true)
    /// Tick labels of colour bars and secondary text.
    public var tickFont = Font(size: 11)
    /// Title text.
    public var titleColor = Color(hex: 0x1A1A1A)
    /// Labels and tick labels.
    public var textColor = Color(hex: 0x333333)
    /// Tick marks and axis lines.
    public var axisColor = Color(hex: 0x666666)
    /// Grid lines.
    public var gridColor = Color(hex: 0xE5E5E5)
    /// Canvas background.
    public var background = Color.white
    /// Dark ink for text on light fills.
    public var darkInk = Color(hex: 0x1A1A1A)
    /// Light ink for text on dark fills.
    public var lightInk = Color.white
    /// Empty space kept around the whole figure.
    public var padding: Double = 14

    /// Creates the default theme.
    public init() {}

    /// The default theme: DejaVu Sans 12 px labels, 15 px bold titles, dark grey ink.
    public static let standard = ChartTheme()
}
