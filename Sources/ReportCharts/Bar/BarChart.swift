import Foundation

/// Bars for categories: vertical or horizontal, one or several series side by side
/// (grouped) or stacked (also as shares of each category's total), with a legend for
/// several series and optional value labels on the bars.
///
/// The value axis always includes 0 and is widened to round numbers. Category labels that
/// do not fit under vertical bars are slanted 45° or turned 90°; horizontal bars put the
/// labels on the left, which suits long names such as feature importances.
public struct BarChart: Chart {
    /// Direction of the bars: `.vertical` bars grow upwards from a horizontal category axis,
    /// `.horizontal` bars grow rightwards from a vertical one (first category on top).
    public typealias Orientation = ChartOrientation

    /// How several series share a category's slot.
    public enum Layout: Hashable, Sendable {
        /// Side by side, one bar per series.
        case grouped
        /// One bar per category, the series stacked from the axis outwards in series order
        /// (negative values stack the other way).
        case stacked
        /// Stacked and scaled so each category's bar sums to 1: every value is divided by the
        /// category's sum of absolute values. The axis is labelled in percent unless
        /// `tickFormat` is set; value labels receive the share (0…1).
        case stackedShares
    }

    /// Title drawn above the chart.
    public var title: String?
    /// Category names, in order.
    public var categories: [String]
    /// One or more series; each has one value per category.
    public var series: [BarSeries]
    /// Direction of the bars.
    public var orientation: Orientation
    /// Grouped or stacked series.
    public var layout: Layout
    /// Title of the value axis, e.g. "Importance".
    public var valueAxisTitle: String?
    /// Title of the category axis, e.g. "Genre".
    public var categoryAxisTitle: String?
    /// When set, each bar is labelled with its value in this format.
    public var valueLabelFormat: (@Sendable (Double) -> String)?
    /// Formats value-axis tick labels; `nil` uses the tick step's precision.
    public var tickFormat: (@Sendable (Double) -> String)?
    /// Colours for series without their own colour; `nil` uses
    /// ``CategoricalPalette/standard(count:)`` for the number of series.
    public var palette: CategoricalPalette?
    /// Category labels wider than this are shortened with "…".
    public var maxLabelWidth: Double
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    /// Creates a bar chart of one or more series over `categories`.
    public init(
        title: String?,
        categories: [String],
        series: [BarSeries],
        orientation: Orientation = .vertical,
        layout: Layout = .grouped,
        valueAxisTitle: String? = nil,
        categoryAxisTitle: String? = nil,
        valueLabelFormat: (@Sendable (Double) -> String)? = nil,
        tickFormat: (@Sendable (Double) -> String)? = nil,
        palette: CategoricalPalette? = nil,
        maxLabelWidth: Double = 220,
        theme: ChartTheme = .standard
    ) {
        self.title = title
        self.categories = categories
        self.series = series
        self.orientation = orientation
        self.layout = layout
        self.valueAxisTitle = valueAxisTitle
        self.categoryAxisTitle = categoryAxisTitle
        self.valueLabelFormat = valueLabelFormat
        self.tickFormat = tickFormat
        self.palette = palette
        self.maxLabelWidth = maxLabelWidth
        self.theme = theme
    }

    /// Whether the series are stacked.
    var isStacked: Bool { layout != .grouped }

    /// Creates a single-series bar chart.
    public init(
        title: String?, categories: [String], values: [Double], orientation: Orientation = .vertical,
        valueAxisTitle: String? = nil, categoryAxisTitle: String? = nil,
        valueLabelFormat: (@Sendable (Double) -> String)? = nil, theme: ChartTheme = .standard
    ) {
        self.init(
            title: title, categories: categories, series: [BarSeries(name: valueAxisTitle ?? "", values: values)],
            orientation: orientation, valueAxisTitle: valueAxisTitle, categoryAxisTitle: categoryAxisTitle,
            valueLabelFormat: valueLabelFormat, theme: theme)
    }

    /// About 18 pixels per bar plus gaps along the category axis, 360 pixels along the value
    /// axis, plus room for labels estimated at 0.6 × font size per character.
    public var preferredSize: Size {
        let n = Double(max(1, categories.count))
        let slot = isStacked
            ? (orientation == .vertical ? 64 : 30) : max(orientation == .vertical ? 40 : 26, 18 * Double(max(1, series.count)) + 12)
        let charWidth = 0.6 * theme.labelFont.size
        let longest = min(maxLabelWidth, Double(categories.map(\.count).max() ?? 0) * charWidth)
        let titleHeight = title == nil ? 0 : theme.titleFont.size * 1.2 + ChartHeader.gap
        let legendRows = series.count > 1 ? ChartHeader.estimatedLegendRows(series.map(\.name), width: 560, theme: theme) : 0
        let legendHeight = legendRows > 0 ? theme.labelFont.size * 1.2 * Double(legendRows) + ChartHeader.gap : 0
        switch orientation {
        case .vertical:
            let depth = longest + 6 <= slot ? theme.labelFont.size : (longest + theme.labelFont.size) * 0.7072
            let w = 2 * theme.padding + 60 + n * slot + max(0, longest * 0.7072 - slot / 2) * (longest + 6 > slot ? 1 : 0)
            let h = 2 * theme.padding + titleHeight + legendHeight + 340 + depth + (categoryAxisTitle == nil ? 0 : 24)
            // Stacks have a legend of many series: leave it room to spread.
            return Size(width: max(isStacked ? 520 : 360, w).rounded(.up), height: h.rounded(.up))
        case .horizontal:
            let w = 2 * theme.padding + longest + 8 + 440 + (valueLabelFormat == nil ? 20 : 60)
            let h = 2 * theme.padding + titleHeight + legendHeight + n * slot + 40 + (valueAxisTitle == nil ? 0 : 24)
            return Size(width: w.rounded(.up), height: max(200, h).rounded(.up))
        }
    }

    /// The colour of series `index`.
    func color(ofSeries index: Int) -> Color {
        series[index].color ?? (palette ?? .standard(count: series.count)).color(at: index)
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        try validate()
        let legend = series.count > 1
            ? Legend(entries: series.indices.map { Legend.Entry(label: series[$0].name, color: color(ofSeries: $0)) }, theme: theme)
            : nil
        let top = try ChartHeader(title: title, legend: legend).draw(in: renderer, size: size, theme: theme)
        let plotted = plottedSeries
        var lo: Double, hi: Double
        if isStacked {
            lo = 0
            hi = 0
            for i in categories.indices {
                lo = min(lo, plotted.map { $0[i] }.filter { $0.isFinite && $0 < 0 }.reduce(0, +))
                hi = max(hi, plotted.map { $0[i] }.filter { $0.isFinite && $0 > 0 }.reduce(0, +))
            }
            // Shares sum to 1 up to rounding; a sum of 1.0000000001 must not stretch the axis to 120%.
            if layout == .stackedShares, hi > 0 { hi = hi < 1 + 1e-9 ? 1 : hi }
        } else {
            let values = plotted.flatMap { $0 }.filter(\.isFinite)
            lo = values.min() ?? 0
            hi = values.max() ?? 1
            if valueLabelFormat != nil {
                // Headroom so labels beyond the bar ends stay inside the plot.
                let span = max(hi - lo, abs(hi), abs(lo), 1e-12)
                if hi > 0 { hi += 0.08 * span }
                if lo < 0 { lo -= 0.08 * span }
            }
        }
        let percent: @Sendable (Double) -> String = { NumberFormat.fixed($0 * 100, 0) + "%" }
        let format = tickFormat ?? (layout == .stackedShares ? percent : nil)
        let valueLabelsOutside = valueLabelFormat.map { format in
            { (axis: ValueAxis) throws -> Double in
                let positives = plotted.flatMap { $0 }.filter { $0.isFinite && $0 >= 0 }.map(format)
                let widest = try positives.map { try renderer.measureText($0, font: self.theme.tickFont).width }.max() ?? 0
                return max(0, widest + 4 - (axis.scale.rangeEnd - axis.scale(hi)))
            }
        }
        let layout = try CategoryPlotLayout(
            orientation: orientation, categories: categories, lo: lo, hi: hi, includeZero: true,
            valueAxisTitle: valueAxisTitle, categoryAxisTitle: categoryAxisTitle, tickFormat: format,
            maxLabelWidth: maxLabelWidth, size: size, top: top, theme: theme, renderer: renderer,
            trailingRoom: isStacked ? nil : valueLabelsOutside, what: "bars")
        try layout.drawValueGrid(in: renderer)
        if isStacked {
            try drawStacks(plotted, layout: layout, renderer: renderer)
        } else {
            try drawGroups(plotted, layout: layout, renderer: renderer)
        }
        layout.drawValueLine(at: 0, in: renderer)
        try layout.drawLabelsAndTitles(in: renderer)
    }

    /// The values as drawn: as given, or as shares of each category's total.
    var plottedSeries: [[Double]] {
        guard layout == .stackedShares else { return series.map(\.values) }
        var totals = [Double](repeating: 0, count: categories.count)
        for s in series {
            for (i, v) in s.values.enumerated() where v.isFinite && i < totals.count { totals[i] += abs(v) }
        }
        return series.map { s in
            s.values.enumerated().map { i, v in i < totals.count && totals[i] > 0 ? v / totals[i] : .nan }
        }
    }

    private func validate() throws {
        guard !categories.isEmpty, !series.isEmpty else {
            throw ChartError.invalidData("a bar chart needs at least one category and one series")
        }
        for s in series where s.values.count != categories.count {
            throw ChartError.invalidData("series \"\(s.name)\" has \(s.values.count) values for \(categories.count) categories")
        }
    }

    /// One bar per series in each category's band.
    private func drawGroups(_ values: [[Double]], layout: CategoryPlotLayout, renderer: any Renderer) throws {
        let axis = layout.axis, bands = layout.bands
        let zero = axis.scale(0)
        let thickness = bands.bandwidth / Double(series.count)
        for (s, row) in values.enumerated() {
            for (i, value) in row.enumerated() where value.isFinite {
                let start = bands.start(of: i) + Double(s) * thickness
                let end = axis.scale(value)
                let inset = series.count > 1 ? min(1.5, thickness * 0.06) : 0
                switch orientation {
                case .vertical:
                    renderer.fillRect(
                        Rect(x: start + inset, y: min(end, zero), width: thickness - 2 * inset, height: abs(zero - end)),
                        color: color(ofSeries: s))
                    if let format = valueLabelFormat {
                        try renderer.drawText(
                            format(value), at: Point(x: start + thickness / 2, y: value >= 0 ? end - 3 : end + 3),
                            font: theme.tickFont, color: theme.textColor, anchor: value >= 0 ? .bottom : .top)
                    }
                case .horizontal:
                    renderer.fillRect(
                        Rect(x: min(end, zero), y: start + inset, width: abs(end - zero), height: thickness - 2 * inset),
                        color: color(ofSeries: s))
                    if let format = valueLabelFormat {
                        try renderer.drawText(
                            format(value), at: Point(x: value >= 0 ? end + 4 : end - 4, y: start + thickness / 2),
                            font: theme.tickFont, color: theme.textColor, anchor: value >= 0 ? .left : .right)
                    }
                }
            }
        }
    }

    /// One bar per category with the series stacked outwards from 0; segments are parted by
    /// a hairline of background colour, and value labels go inside segments large enough.
    private func drawStacks(_ values: [[Double]], layout: CategoryPlotLayout, renderer: any Renderer) throws {
        let axis = layout.axis, bands = layout.bands
        let metrics = try renderer.fontMetrics(theme.tickFont)
        for i in categories.indices {
            var positive = 0.0, negative = 0.0
            let start = bands.start(of: i), thickness = bands.bandwidth
            var seams = [Double]()
            for s in series.indices {
                let value = values[s][i]
                guard value.isFinite, value != 0 else { continue }
                let base = value > 0 ? positive : negative
                let a = axis.scale(base), b = axis.scale(base + value)
                if value > 0 { positive += value } else { negative += value }
                let color = color(ofSeries: s)
                let rect: Rect
                switch orientation {
                case .vertical: rect = Rect(x: start, y: min(a, b), width: thickness, height: abs(b - a))
                case .horizontal: rect = Rect(x: min(a, b), y: start, width: abs(b - a), height: thickness)
                }
                renderer.fillRect(rect, color: color)
                if base != 0 { seams.append(a) }
                guard let format = valueLabelFormat else { continue }
                let text = format(value)
                let width = try renderer.measureText(text, font: theme.tickFont).width
                let fits = orientation == .vertical
                    ? rect.height >= metrics.lineHeight + 2 && width + 4 <= rect.width
                    : rect.width >= width + 6 && metrics.lineHeight + 2 <= rect.height
                guard fits else { continue }
                let ink = color.contrastRatio(with: theme.lightInk) >= 3 ? theme.lightInk : theme.darkInk
                try renderer.drawText(text, at: rect.center, font: theme.tickFont, color: ink, anchor: .center)
            }
            for seam in seams {
                switch orientation {
                case .vertical:
                    renderer.strokeLine(
                        from: Point(x: start, y: seam), to: Point(x: start + thickness, y: seam), width: 1,
                        color: theme.background, antialiased: false)
                case .horizontal:
                    renderer.strokeLine(
                        from: Point(x: seam, y: start), to: Point(x: seam, y: start + thickness), width: 1,
                        color: theme.background, antialiased: false)
                }
            }
        }
    }
}
