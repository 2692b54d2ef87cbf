import Foundation

/// Lines over numeric x and y axes: curves per class, learning curves, ROC curves (see
/// ``ROCChart``), with dashed reference lines, a legend on top or at the right, and an
/// optional square plot area for axes in the same units.
public struct LineChart: Chart {
    /// Title drawn above the chart.
    public var title: String?
    /// The lines, drawn in order (later on top).
    public var series: [LineSeries]
    /// Title of the x axis.
    public var xAxisTitle: String?
    /// Title of the y axis.
    public var yAxisTitle: String?
    /// A fixed x range, used exactly; `nil` covers the data, widened to round numbers.
    public var xDomain: ClosedRange<Double>?
    /// A fixed y range, used exactly; `nil` covers the data, widened to round numbers.
    public var yDomain: ClosedRange<Double>?
    /// Whether the plot area is square (e.g. ROC: both axes are rates from 0 to 1).
    public var squarePlot: Bool
    /// Default line width in logical pixels.
    public var lineWidth: Double
    /// Where the legend goes (it is left out for a single unnamed series).
    public var legendPosition: LegendPosition
    /// Formats x tick labels; `nil` uses the tick step's precision.
    public var xTickFormat: (@Sendable (Double) -> String)?
    /// Formats y tick labels; `nil` uses the tick step's precision.
    public var yTickFormat: (@Sendable (Double) -> String)?
    /// Colours for series without their own; `nil` uses ``CategoricalPalette/standard(count:)``
    /// over the series without a colour.
    public var palette: CategoricalPalette?
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    private static let legendGap = 18.0

    /// Creates a line chart.
    public init(
        title: String?, series: [LineSeries], xAxisTitle: String? = nil, yAxisTitle: String? = nil,
        xDomain: ClosedRange<Double>? = nil, yDomain: ClosedRange<Double>? = nil, squarePlot: Bool = false,
        lineWidth: Double = 2, legendPosition: LegendPosition = .automatic,
        xTickFormat: (@Sendable (Double) -> String)? = nil, yTickFormat: (@Sendable (Double) -> String)? = nil,
        palette: CategoricalPalette? = nil, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.series = series
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.squarePlot = squarePlot
        self.lineWidth = lineWidth
        self.legendPosition = legendPosition
        self.xTickFormat = xTickFormat
        self.yTickFormat = yTickFormat
        self.palette = palette
        self.theme = theme
    }

    /// The colour of every series: its own, or the next palette colour among those without one.
    var colors: [Color] {
        let uncoloured = series.filter { $0.color == nil }.count
        let palette = self.palette ?? .standard(count: uncoloured)
        var next = 0
        return series.map { s in
            if let c = s.color { return c }
            defer { next += 1 }
            return palette.color(at: next)
        }
    }

    private var showsLegend: Bool {
        legendPosition != .hidden && !(series.count == 1 && series[0].name.isEmpty)
    }

    /// A 440-pixel plot (square when asked) plus axes, title and legend.
    public var preferredSize: Size {
        let header = ChartHeader.estimatedHeight(title: title != nil, note: false, legendRows: 0, theme: theme)
        let charWidth = 0.6 * theme.labelFont.size
        let legendWidth = min(300, Double(series.map(\.name.count).max() ?? 0) * charWidth + 30)
        let axes = 60.0
        if squarePlot {
            let right = legendPosition == .top || legendPosition == .hidden ? 0 : legendWidth + Self.legendGap
            let top = legendPosition == .top ? Double(series.count / 3 + 1) * 20 : 0
            return Size(
                width: (2 * theme.padding + axes + 420 + right).rounded(.up),
                height: (2 * theme.padding + header + top + 420 + axes - 10).rounded(.up))
        }
        let rows = showsLegend && legendPosition != .right
            ? ChartHeader.estimatedLegendRows(series.map(\.name), width: 612, theme: theme) : 0
        let right = legendPosition == .right ? legendWidth + Self.legendGap : 0
        let legend = rows > 0 ? Double(rows) * theme.labelFont.size * 1.2 + Double(rows - 1) * 5 + ChartHeader.gap : 0
        return Size(width: (640 + right).rounded(.up), height: (2 * theme.padding + header + legend + 400).rounded(.up))
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        for s in series where s.x.count != s.y.count {
            throw ChartError.invalidData("series \"\(s.name)\" has \(s.x.count) x values and \(s.y.count) y values")
        }
        let colors = self.colors
        let legend = Legend(
            entries: series.indices.map {
                Legend.Entry(label: series[$0].name, color: colors[$0], marker: series[$0].dash == nil ? .line : .dashedLine)
            }, theme: theme)
        let pad = theme.padding
        let right: Bool
        switch legendPosition {
        case .right: right = showsLegend
        case .automatic: right = showsLegend && squarePlot && size.width > size.height * 1.15
        case .top, .hidden: right = false
        }
        let header = ChartHeader(title: title, legend: showsLegend && !right ? legend : nil)
        let top = try header.draw(in: renderer, size: size, theme: theme)

        var xLo = Double.infinity, xHi = -Double.infinity, yLo = Double.infinity, yHi = -Double.infinity
        for s in series {
            for (x, y) in zip(s.x, s.y) where x.isFinite && y.isFinite {
                xLo = min(xLo, x); xHi = max(xHi, x); yLo = min(yLo, y); yHi = max(yHi, y)
            }
        }
        if let d = xDomain { (xLo, xHi) = (d.lowerBound, d.upperBound) }
        if let d = yDomain { (yLo, yHi) = (d.lowerBound, d.upperBound) }
        if !xLo.isFinite { (xLo, xHi) = (0, 1) }
        if !yLo.isFinite { (yLo, yHi) = (0, 1) }
        let xSpec = CartesianPlot.AxisSpec(lo: xLo, hi: xHi, title: xAxisTitle, nice: xDomain == nil, format: xTickFormat)
        let ySpec = CartesianPlot.AxisSpec(lo: yLo, hi: yHi, title: yAxisTitle, nice: yDomain == nil, format: yTickFormat)

        var area = Rect(x: pad, y: top, width: size.width - 2 * pad, height: size.height - pad - top)
        var legendSize = Size.zero
        if right {
            legendSize = try legend.columnSize(maxWidth: 0.45 * area.width, renderer: renderer)
            area = Rect(x: area.minX, y: area.minY, width: area.width - legendSize.width - Self.legendGap, height: area.height)
        }
        let keepLeft = right && squarePlot
        var frame = try CartesianPlot(
            area: area, x: xSpec, y: ySpec, square: squarePlot, centred: !keepLeft, renderer: renderer, theme: theme)
        if keepLeft {
            // Centre plot and legend together rather than the plot alone.
            let used = frame.plot.maxX - area.minX + Self.legendGap + legendSize.width
            let shift = ((size.width - 2 * pad - used) / 2).rounded(.down)
            if shift > 0 {
                let moved = Rect(x: area.minX + shift, y: area.minY, width: area.width - shift, height: area.height)
                frame = try CartesianPlot(
                    area: moved, x: xSpec, y: ySpec, square: true, centred: false, renderer: renderer, theme: theme)
            }
        }
        try frame.drawGrid(in: renderer)
        let x = frame.x.scale, y = frame.y.scale
        renderer.setClip(frame.plot.insetBy(dx: -lineWidth, dy: -lineWidth))
        // Dashed reference lines first, so the data lines stay on top of them.
        let order = series.indices.filter { series[$0].dash != nil } + series.indices.filter { series[$0].dash == nil }
        for k in order {
            let s = series[k]
            // Non-finite pairs break the line into runs.
            var run = [Point]()
            var runs = [[Point]]()
            for (a, b) in zip(s.x, s.y) {
                if a.isFinite && b.isFinite {
                    run.append(Point(x: x(a), y: y(b)))
                } else if !run.isEmpty {
                    runs.append(run)
                    run = []
                }
            }
            if !run.isEmpty { runs.append(run) }
            for points in runs where points.count >= 2 {
                if let dash = s.dash {
                    renderer.strokeDashedPolyline(points, width: s.width ?? lineWidth * 0.75, color: colors[k], dash: dash)
                } else {
                    renderer.strokePolyline(points, width: s.width ?? lineWidth, color: colors[k])
                }
            }
        }
        renderer.setClip(nil)
        frame.drawAxisLines(in: renderer)
        try frame.drawTitles(in: renderer)
        if right {
            try legend.drawColumn(
                in: renderer,
                frame: Rect(x: frame.plot.maxX + Self.legendGap, y: frame.plot.minY, width: legendSize.width, height: legendSize.height))
        }
    }
}
