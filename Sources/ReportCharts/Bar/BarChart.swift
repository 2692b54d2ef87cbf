import Foundation

/// Bars for categories: vertical or horizontal, one or several series side by side
/// (grouped), with a legend for several series and optional value labels on the bars.
///
/// The value axis always includes 0 and is widened to round numbers. Category labels that
/// do not fit under vertical bars are slanted 45° or turned 90°; horizontal bars put the
/// labels on the left, which suits long names such as feature importances.
public struct BarChart: Chart {
    /// Direction of the bars.
    public enum Orientation: Hashable, Sendable {
        /// Bars grow upwards from a horizontal category axis.
        case vertical
        /// Bars grow rightwards from a vertical category axis (first category on top).
        case horizontal
    }

    /// Title drawn above the chart.
    public var title: String?
    /// Category names, in order.
    public var categories: [String]
    /// One or more series; each has one value per category.
    public var series: [BarSeries]
    /// Direction of the bars.
    public var orientation: Orientation
    /// Title of the value axis, e.g. "Importance".
    public var valueAxisTitle: String?
    /// Title of the category axis, e.g. "Genre".
    public var categoryAxisTitle: String?
    /// When set, each bar is labelled with its value in this format.
    public var valueLabelFormat: (@Sendable (Double) -> String)?
    /// Formats value-axis tick labels; `nil` uses the tick step's precision.
    public var tickFormat: (@Sendable (Double) -> String)?
    /// Colours for series without their own colour.
    public var palette: CategoricalPalette
    /// Category labels wider than this are shortened with "…".
    public var maxLabelWidth: Double
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    private static let labelGap = 6.0
    private static let axisTitleGap = 8.0
    private static let titleGap = 10.0

    /// Creates a bar chart of one or more series over `categories`.
    public init(
        title: String?,
        categories: [String],
        series: [BarSeries],
        orientation: Orientation = .vertical,
        valueAxisTitle: String? = nil,
        categoryAxisTitle: String? = nil,
        valueLabelFormat: (@Sendable (Double) -> String)? = nil,
        tickFormat: (@Sendable (Double) -> String)? = nil,
        palette: CategoricalPalette = .okabeIto,
        maxLabelWidth: Double = 220,
        theme: ChartTheme = .standard
    ) {
        self.title = title
        self.categories = categories
        self.series = series
        self.orientation = orientation
        self.valueAxisTitle = valueAxisTitle
        self.categoryAxisTitle = categoryAxisTitle
        self.valueLabelFormat = valueLabelFormat
        self.tickFormat = tickFormat
        self.palette = palette
        self.maxLabelWidth = maxLabelWidth
        self.theme = theme
    }

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
        let slot = max(orientation == .vertical ? 40 : 26, 18 * Double(max(1, series.count)) + 12)
        let charWidth = 0.6 * theme.labelFont.size
        let longest = min(maxLabelWidth, Double(categories.map(\.count).max() ?? 0) * charWidth)
        let titleHeight = title == nil ? 0 : theme.titleFont.size * 1.2 + Self.titleGap
        let legendHeight = series.count > 1 ? theme.labelFont.size * 1.2 + Self.titleGap : 0
        switch orientation {
        case .vertical:
            let depth = longest + 6 <= slot ? theme.labelFont.size : (longest + theme.labelFont.size) * 0.7072
            let w = 2 * theme.padding + 60 + n * slot + max(0, longest * 0.7072 - slot / 2) * (longest + 6 > slot ? 1 : 0)
            let h = 2 * theme.padding + titleHeight + legendHeight + 340 + depth + (categoryAxisTitle == nil ? 0 : 24)
            return Size(width: max(360, w).rounded(.up), height: h.rounded(.up))
        case .horizontal:
            let w = 2 * theme.padding + longest + 8 + 440 + (valueLabelFormat == nil ? 20 : 60)
            let h = 2 * theme.padding + titleHeight + legendHeight + n * slot + 40 + (valueAxisTitle == nil ? 0 : 24)
            return Size(width: w.rounded(.up), height: max(200, h).rounded(.up))
        }
    }

    /// The colour of series `index`.
    func color(ofSeries index: Int) -> Color {
        series[index].color ?? palette.color(at: index)
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        try validate()
        let pad = theme.padding
        var top = pad
        if let title {
            let fitted = try renderer.truncate(title, font: theme.titleFont, maxWidth: size.width - 2 * pad)
            try renderer.drawText(
                fitted, at: Point(x: size.width / 2, y: top), font: theme.titleFont, color: theme.titleColor,
                anchor: .top)
            top += try renderer.fontMetrics(theme.titleFont).lineHeight + Self.titleGap
        }
        if series.count > 1 {
            let legend = Legend(
                entries: series.indices.map { Legend.Entry(label: series[$0].name, color: color(ofSeries: $0)) },
                theme: theme)
            let height = try legend.height(maxWidth: size.width - 2 * pad, renderer: renderer)
            try legend.draw(in: renderer, frame: Rect(x: pad, y: top, width: size.width - 2 * pad, height: height))
            top += height + Self.titleGap
        }
        let values = series.flatMap(\.values).filter(\.isFinite)
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if valueLabelFormat != nil {
            // Headroom so labels beyond the bar ends stay inside the plot.
            let span = max(hi - lo, abs(hi), abs(lo), 1e-12)
            if hi > 0 { hi += 0.08 * span }
            if lo < 0 { lo -= 0.08 * span }
        }
        switch orientation {
        case .vertical: try drawVertical(renderer, size: size, top: top, lo: lo, hi: hi)
        case .horizontal: try drawHorizontal(renderer, size: size, top: top, lo: lo, hi: hi)
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

    private func drawVertical(_ renderer: any Renderer, size: Size, top: Double, lo: Double, hi: Double) throws {
        let pad = theme.padding
        let font = theme.labelFont
        let metrics = try renderer.fontMetrics(font)
        let labels = try categories.map { try renderer.truncate($0, font: font, maxWidth: maxLabelWidth) }
        let widths = try labels.map { try renderer.measureText($0, font: font).width }
        let axisLine = try renderer.fontMetrics(theme.axisTitleFont).lineHeight
        let yTitleBlock = valueAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
        let xTitleBlock = categoryAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
        let plotTop = top + metrics.lineHeight / 2  // room for the top tick label

        var angle = 0.0, depth = 0.0, left = 0.0
        var axis = ValueAxis(lo: lo, hi: hi, includeZero: true, start: size.height, end: plotTop, format: tickFormat)
        let right = size.width - pad
        for candidate in CategoryLabels.angles {
            depth = CategoryLabels.depth(widths: widths, metrics: metrics, angle: candidate)
            let plotBottom = size.height - pad - xTitleBlock - depth - Self.labelGap
            axis = ValueAxis(lo: lo, hi: hi, includeZero: true, start: plotBottom, end: plotTop, format: tickFormat)
            left = pad + yTitleBlock + (try axis.maxLabelWidth(font: theme.tickFont, renderer: renderer)) + Self.labelGap
            var step = (right - left) / Double(categories.count)
            let overhang = CategoryLabels.leftOverhang(widths: widths, metrics: metrics, angle: candidate, step: step)
            if pad + overhang > left {
                left = pad + overhang
                step = (right - left) / Double(categories.count)
            }
            angle = candidate
            if CategoryLabels.fit(widths: widths, metrics: metrics, angle: candidate, step: step) { break }
        }
        let plotBottom = axis.scale.rangeStart
        guard right - left > 10, plotBottom - plotTop > 10 else {
            throw ChartError.canvasTooSmall(width: size.width, height: size.height, reason: "no room for the bars")
        }
        let plot = Rect(x: left, y: plotTop, width: right - left, height: plotBottom - plotTop)
        let bands = BandScale(count: categories.count, range: (plot.minX, plot.maxX), paddingInner: 0.2, paddingOuter: 0.1)

        for (tick, label) in zip(axis.ticks, axis.labels) {
            let y = axis.scale(tick)
            renderer.strokeLine(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y), width: 1, color: theme.gridColor, antialiased: false)
            try renderer.drawText(label, at: Point(x: plot.minX - Self.labelGap, y: y), font: theme.tickFont, color: theme.textColor, anchor: .right)
        }
        let zero = axis.scale(0)
        let barWidth = bands.bandwidth / Double(series.count)
        for (s, item) in series.enumerated() {
            for (i, value) in item.values.enumerated() where value.isFinite {
                let x = bands.start(of: i) + Double(s) * barWidth
                let y = axis.scale(value)
                let inset = series.count > 1 ? min(1.5, barWidth * 0.06) : 0
                renderer.fillRect(
                    Rect(x: x + inset, y: min(y, zero), width: barWidth - 2 * inset, height: abs(zero - y)), color: color(ofSeries: s))
                if let format = valueLabelFormat {
                    let anchor = value >= 0 ? TextAnchor.bottom : TextAnchor.top
                    try renderer.drawText(
                        format(value), at: Point(x: x + barWidth / 2, y: value >= 0 ? y - 3 : y + 3),
                        font: theme.tickFont, color: theme.textColor, anchor: anchor)
                }
            }
        }
        renderer.strokeLine(from: Point(x: plot.minX, y: zero), to: Point(x: plot.maxX, y: zero), width: 1, color: theme.axisColor, antialiased: false)

        let labelY = CategoryLabels.anchorY(top: plot.maxY + Self.labelGap, metrics: metrics, angle: angle)
        for (i, label) in labels.enumerated() {
            try renderer.drawText(
                label, at: Point(x: bands.center(of: i), y: labelY), font: font, color: theme.textColor,
                anchor: CategoryLabels.anchor(angle: angle), angle: angle)
        }
        if let text = valueAxisTitle {
            // Beside the tick labels, however far slanted category labels pushed the plot right.
            let tickWidth = try axis.maxLabelWidth(font: theme.tickFont, renderer: renderer)
            let x = plot.minX - Self.labelGap - tickWidth - Self.axisTitleGap - axisLine
            try renderer.drawText(
                text, at: Point(x: x, y: plot.midY), font: theme.axisTitleFont, color: theme.titleColor, anchor: .top, angle: 90)
        }
        if let text = categoryAxisTitle {
            try renderer.drawText(
                text, at: Point(x: plot.midX, y: plot.maxY + Self.labelGap + depth + Self.axisTitleGap),
                font: theme.axisTitleFont, color: theme.titleColor, anchor: .top)
        }
    }

    private func drawHorizontal(_ renderer: any Renderer, size: Size, top: Double, lo: Double, hi: Double) throws {
        let pad = theme.padding
        let font = theme.labelFont
        let labels = try categories.map { try renderer.truncate($0, font: font, maxWidth: maxLabelWidth) }
        let labelWidth = try labels.map { try renderer.measureText($0, font: font).width }.max() ?? 0
        let axisLine = try renderer.fontMetrics(theme.axisTitleFont).lineHeight
        let tickLine = try renderer.fontMetrics(theme.tickFont).lineHeight
        let categoryTitleBlock = categoryAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
        let valueTitleBlock = valueAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
        let left = pad + categoryTitleBlock + labelWidth + Self.labelGap
        let plotBottom = size.height - pad - valueTitleBlock - tickLine - Self.labelGap
        var right = size.width - pad
        var axis = ValueAxis(lo: lo, hi: hi, includeZero: true, start: left, end: right, format: tickFormat)
        for _ in 0..<2 {
            // Keep the last tick label and the value labels inside the canvas.
            let lastTick = try renderer.measureText(axis.labels.last ?? "", font: theme.tickFont).width / 2
            var valueLabels = 0.0
            if let format = valueLabelFormat {
                let positives = series.flatMap(\.values).filter { $0.isFinite && $0 >= 0 }.map(format)
                let widest = try positives.map { try renderer.measureText($0, font: theme.tickFont).width }.max() ?? 0
                valueLabels = max(0, widest + 4 - (axis.scale.rangeEnd - axis.scale(hi)))
            }
            right = size.width - pad - max(lastTick, valueLabels)
            axis = ValueAxis(lo: lo, hi: hi, includeZero: true, start: left, end: right, format: tickFormat)
        }
        guard right - left > 10, plotBottom - top > 10 else {
            throw ChartError.canvasTooSmall(width: size.width, height: size.height, reason: "no room for the bars")
        }
        let plot = Rect(x: left, y: top, width: right - left, height: plotBottom - top)
        let bands = BandScale(count: categories.count, range: (plot.minY, plot.maxY), paddingInner: 0.2, paddingOuter: 0.1)

        for (tick, label) in zip(axis.ticks, axis.labels) {
            let x = axis.scale(tick)
            renderer.strokeLine(from: Point(x: x, y: plot.minY), to: Point(x: x, y: plot.maxY), width: 1, color: theme.gridColor, antialiased: false)
            try renderer.drawText(label, at: Point(x: x, y: plot.maxY + Self.labelGap), font: theme.tickFont, color: theme.textColor, anchor: .top)
        }
        let zero = axis.scale(0)
        let barHeight = bands.bandwidth / Double(series.count)
        for (s, item) in series.enumerated() {
            for (i, value) in item.values.enumerated() where value.isFinite {
                let y = bands.start(of: i) + Double(s) * barHeight
                let x = axis.scale(value)
                let inset = series.count > 1 ? min(1.5, barHeight * 0.06) : 0
                renderer.fillRect(
                    Rect(x: min(x, zero), y: y + inset, width: abs(x - zero), height: barHeight - 2 * inset), color: color(ofSeries: s))
                if let format = valueLabelFormat {
                    try renderer.drawText(
                        format(value), at: Point(x: value >= 0 ? x + 4 : x - 4, y: y + barHeight / 2),
                        font: theme.tickFont, color: theme.textColor, anchor: value >= 0 ? .left : .right)
                }
            }
        }
        renderer.strokeLine(from: Point(x: zero, y: plot.minY), to: Point(x: zero, y: plot.maxY), width: 1, color: theme.axisColor, antialiased: false)
        for (i, label) in labels.enumerated() {
            try renderer.drawText(
                label, at: Point(x: plot.minX - Self.labelGap, y: bands.center(of: i)), font: font,
                color: theme.textColor, anchor: .right)
        }
        if let text = categoryAxisTitle {
            try renderer.drawText(
                text, at: Point(x: pad, y: plot.midY), font: theme.axisTitleFont, color: theme.titleColor, anchor: .top, angle: 90)
        }
        if let text = valueAxisTitle {
            try renderer.drawText(
                text, at: Point(x: plot.midX, y: plot.maxY + Self.labelGap + tickLine + Self.axisTitleGap),
                font: theme.axisTitleFont, color: theme.titleColor, anchor: .top)
        }
    }
}
