/// ROC curves, one per class, on a square plot from 0 to 1 with the chance diagonal dashed
/// and each class's AUC in the legend ("House (AUC 0.87)").
///
/// Drawn as a ``LineChart``: the legend goes right of the plot when the canvas is wider
/// than tall, otherwise above it.
public struct ROCChart: Chart {
    /// Title drawn above the chart.
    public var title: String?
    /// One curve per class.
    public var curves: [ROCCurve]
    /// Whether to draw the chance diagonal (and name it in the legend).
    public var showsChance: Bool
    /// Decimals of the AUC in the legend.
    public var aucDecimals: Int
    /// Where the legend goes.
    public var legendPosition: LegendPosition
    /// Class colours; `nil` uses ``CategoricalPalette/standard(count:)``.
    public var palette: CategoricalPalette?
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    /// Creates a ROC chart.
    public init(
        title: String? = "ROC curves (one vs rest)", curves: [ROCCurve], showsChance: Bool = true, aucDecimals: Int = 2,
        legendPosition: LegendPosition = .automatic, palette: CategoricalPalette? = nil, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.curves = curves
        self.showsChance = showsChance
        self.aucDecimals = aucDecimals
        self.legendPosition = legendPosition
        self.palette = palette
        self.theme = theme
    }

    /// The line chart this chart draws.
    public var lineChart: LineChart {
        let palette = self.palette ?? .standard(count: curves.count)
        var series = curves.enumerated().map { k, curve in
            LineSeries(
                name: "\(curve.label) (AUC \(NumberFormat.fixed(curve.area, aucDecimals)))",
                x: curve.falsePositiveRate, y: curve.truePositiveRate, color: palette.color(at: k))
        }
        if showsChance {
            series.append(
                LineSeries(name: "Chance (AUC 0.50)", x: [0, 1], y: [0, 1], color: theme.axisColor, dash: .dashed, width: 1.2))
        }
        return LineChart(
            title: title, series: series, xAxisTitle: "False positive rate", yAxisTitle: "True positive rate",
            xDomain: 0...1, yDomain: 0...1, squarePlot: true, lineWidth: 2, legendPosition: legendPosition, palette: palette,
            theme: theme)
    }

    /// A square plot with the legend beside it.
    public var preferredSize: Size { lineChart.preferredSize }

    public func draw(in renderer: any Renderer, size: Size) throws {
        guard !curves.isEmpty else { throw ChartError.invalidData("a ROC chart needs at least one curve") }
        try lineChart.draw(in: renderer, size: size)
    }
}
