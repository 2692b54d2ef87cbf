import Foundation

/// Where the parts of a chart with one category axis and one numeric axis go (bar charts,
/// box plots), computed from measured labels before anything is drawn.
///
/// Vertical: category labels under the plot stay horizontal when they fit their slot,
/// otherwise slant 45° or turn 90°, and the plot moves right when slanted labels would hang
/// off the left edge. Horizontal: category labels sit right-aligned left of the plot and the
/// value tick labels go underneath.
struct CategoryPlotLayout {
    var orientation: ChartOrientation
    /// The area inside the axes.
    var plot: Rect
    /// The numeric axis (vertical: from `plot.maxY` up to `plot.minY`; horizontal: from
    /// `plot.minX` to `plot.maxX`).
    var axis: ValueAxis
    /// One band per category along the category axis.
    var bands: BandScale
    /// Category labels, shortened to `maxLabelWidth`.
    var labels: [String]
    /// Rotation of vertical charts' category labels: 0, 45 or 90.
    var angle: Double
    /// How far the category labels reach below the plot (vertical charts).
    var depth: Double
    var valueAxisTitle: String?
    var categoryAxisTitle: String?
    var theme: ChartTheme

    static let labelGap = 6.0
    static let axisTitleGap = 8.0

    /// Lays out `categories` against a value axis covering `lo...hi` in the part of a canvas
    /// of `size` below `top`.
    ///
    /// - Parameters:
    ///   - trailingRoom: for horizontal charts, how far marks reach right of the axis end
    ///     (e.g. value labels), given a trial axis.
    ///   - what: names the marks in the error thrown when nothing fits.
    init(
        orientation: ChartOrientation, categories: [String], lo: Double, hi: Double, includeZero: Bool,
        valueAxisTitle: String?, categoryAxisTitle: String?, tickFormat: (@Sendable (Double) -> String)?,
        maxLabelWidth: Double, size: Size, top: Double, theme: ChartTheme, renderer: any Renderer,
        bandPadding: (inner: Double, outer: Double) = (0.2, 0.1),
        trailingRoom: ((ValueAxis) throws -> Double)? = nil, what: String
    ) throws {
        self.orientation = orientation
        self.valueAxisTitle = valueAxisTitle
        self.categoryAxisTitle = categoryAxisTitle
        self.theme = theme
        let pad = theme.padding
        let font = theme.labelFont
        labels = try categories.map { try renderer.truncate($0, font: font, maxWidth: maxLabelWidth) }
        let axisLine = try renderer.fontMetrics(theme.axisTitleFont).lineHeight
        switch orientation {
        case .vertical:
            let metrics = try renderer.fontMetrics(font)
            let widths = try labels.map { try renderer.measureText($0, font: font).width }
            let yTitleBlock = valueAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
            let xTitleBlock = categoryAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
            let plotTop = top + metrics.lineHeight / 2  // room for the top tick label
            var angle = 0.0, depth = 0.0, left = 0.0
            var axis = ValueAxis(lo: lo, hi: hi, includeZero: includeZero, start: size.height, end: plotTop, format: tickFormat)
            let right = size.width - pad
            for candidate in CategoryLabels.angles {
                depth = CategoryLabels.depth(widths: widths, metrics: metrics, angle: candidate)
                let plotBottom = size.height - pad - xTitleBlock - depth - Self.labelGap
                axis = ValueAxis(lo: lo, hi: hi, includeZero: includeZero, start: plotBottom, end: plotTop, format: tickFormat)
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
                throw ChartError.canvasTooSmall(width: size.width, height: size.height, reason: "no room for the \(what)")
            }
            plot = Rect(x: left, y: plotTop, width: right - left, height: plotBottom - plotTop)
            bands = BandScale(
                count: categories.count, range: (plot.minX, plot.maxX), paddingInner: bandPadding.inner,
                paddingOuter: bandPadding.outer)
            self.axis = axis
            self.angle = angle
            self.depth = depth
        case .horizontal:
            let labelWidth = try labels.map { try renderer.measureText($0, font: font).width }.max() ?? 0
            let tickLine = try renderer.fontMetrics(theme.tickFont).lineHeight
            let categoryTitleBlock = categoryAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
            let valueTitleBlock = valueAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
            let left = pad + categoryTitleBlock + labelWidth + Self.labelGap
            let plotBottom = size.height - pad - valueTitleBlock - tickLine - Self.labelGap
            var right = size.width - pad
            var axis = ValueAxis(lo: lo, hi: hi, includeZero: includeZero, start: left, end: right, format: tickFormat)
            for _ in 0..<2 {
                // Keep the last tick label and anything beyond the marks inside the canvas.
                let lastTick = try renderer.measureText(axis.labels.last ?? "", font: theme.tickFont).width / 2
                let trailing = try trailingRoom?(axis) ?? 0
                right = size.width - pad - max(lastTick, trailing)
                axis = ValueAxis(lo: lo, hi: hi, includeZero: includeZero, start: left, end: right, format: tickFormat)
            }
            guard right - left > 10, plotBottom - top > 10 else {
                throw ChartError.canvasTooSmall(width: size.width, height: size.height, reason: "no room for the \(what)")
            }
            plot = Rect(x: left, y: top, width: right - left, height: plotBottom - top)
            bands = BandScale(
                count: categories.count, range: (plot.minY, plot.maxY), paddingInner: bandPadding.inner,
                paddingOuter: bandPadding.outer)
            self.axis = axis
            angle = 0
            depth = 0
        }
    }

    /// Grid lines across the plot at every value tick, with the tick labels.
    func drawValueGrid(in renderer: any Renderer) throws {
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let v = axis.scale(tick)
            switch orientation {
            case .vertical:
                renderer.strokeLine(
                    from: Point(x: plot.minX, y: v), to: Point(x: plot.maxX, y: v), width: 1, color: theme.gridColor,
                    antialiased: false)
                try renderer.drawText(
                    label, at: Point(x: plot.minX - Self.labelGap, y: v), font: theme.tickFont, color: theme.textColor,
                    anchor: .right)
            case .horizontal:
                renderer.strokeLine(
                    from: Point(x: v, y: plot.minY), to: Point(x: v, y: plot.maxY), width: 1, color: theme.gridColor,
                    antialiased: false)
                try renderer.drawText(
                    label, at: Point(x: v, y: plot.maxY + Self.labelGap), font: theme.tickFont, color: theme.textColor,
                    anchor: .top)
            }
        }
    }

    /// A line across the plot at `value` (e.g. the bars' zero line), in the axis colour.
    func drawValueLine(at value: Double, in renderer: any Renderer) {
        let v = axis.scale(value)
        switch orientation {
        case .vertical:
            renderer.strokeLine(
                from: Point(x: plot.minX, y: v), to: Point(x: plot.maxX, y: v), width: 1, color: theme.axisColor,
                antialiased: false)
        case .horizontal:
            renderer.strokeLine(
                from: Point(x: v, y: plot.minY), to: Point(x: v, y: plot.maxY), width: 1, color: theme.axisColor,
                antialiased: false)
        }
    }

    /// The category labels, then the axis titles.
    func drawLabelsAndTitles(in renderer: any Renderer) throws {
        let font = theme.labelFont
        let axisLine = try renderer.fontMetrics(theme.axisTitleFont).lineHeight
        switch orientation {
        case .vertical:
            let metrics = try renderer.fontMetrics(font)
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
                    text, at: Point(x: x, y: plot.midY), font: theme.axisTitleFont, color: theme.titleColor, anchor: .top,
                    angle: 90)
            }
            if let text = categoryAxisTitle {
                try renderer.drawText(
                    text, at: Point(x: plot.midX, y: plot.maxY + Self.labelGap + depth + Self.axisTitleGap),
                    font: theme.axisTitleFont, color: theme.titleColor, anchor: .top)
            }
        case .horizontal:
            for (i, label) in labels.enumerated() {
                try renderer.drawText(
                    label, at: Point(x: plot.minX - Self.labelGap, y: bands.center(of: i)), font: font,
                    color: theme.textColor, anchor: .right)
            }
            if let text = categoryAxisTitle {
                try renderer.drawText(
                    text, at: Point(x: theme.padding, y: plot.midY), font: theme.axisTitleFont, color: theme.titleColor,
                    anchor: .top, angle: 90)
            }
            if let text = valueAxisTitle {
                let tickLine = try renderer.fontMetrics(theme.tickFont).lineHeight
                try renderer.drawText(
                    text, at: Point(x: plot.midX, y: plot.maxY + Self.labelGap + tickLine + Self.axisTitleGap),
                    font: theme.axisTitleFont, color: theme.titleColor, anchor: .top)
            }
        }
    }
}
