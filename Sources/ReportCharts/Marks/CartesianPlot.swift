/// The frame of an x–y plot: a numeric axis on the left and at the bottom, with grid lines,
/// tick labels and axis titles, laid out from measured labels. Scatter, line, ROC and
/// single-panel histogram charts draw inside it.
struct CartesianPlot {
    /// What one axis shows.
    struct AxisSpec {
        /// Lowest data value to cover.
        var lo: Double
        /// Highest data value to cover.
        var hi: Double
        /// Axis title, e.g. "False positive rate".
        var title: String?
        /// Whether the domain must reach 0.
        var includeZero = false
        /// Whether to widen the domain to round numbers (otherwise exactly `lo...hi`).
        var nice = true
        /// Tick label format; `nil` uses the tick step's precision.
        var format: (@Sendable (Double) -> String)? = nil
    }

    /// The area inside the axes.
    var plot: Rect
    /// The horizontal axis (scale from `plot.minX` to `plot.maxX`).
    var x: ValueAxis
    /// The vertical axis (scale from `plot.maxY` to `plot.minY`).
    var y: ValueAxis
    var xTitle: String?
    var yTitle: String?
    var theme: ChartTheme

    static let labelGap = 7.0
    static let axisTitleGap = 8.0

    /// Lays out axes whose labels and titles all fit in `area`; with `square` the plot area
    /// is the largest square that fits, centred in the room left by the labels unless
    /// `centred` is false (then it keeps to the left, for a legend to follow).
    init(
        area: Rect, x xSpec: AxisSpec, y ySpec: AxisSpec, square: Bool = false, centred: Bool = true,
        renderer: any Renderer, theme: ChartTheme
    ) throws {
        self.theme = theme
        xTitle = xSpec.title
        yTitle = ySpec.title
        let tickLine = try renderer.fontMetrics(theme.tickFont).lineHeight
        let axisLine = try renderer.fontMetrics(theme.axisTitleFont).lineHeight
        let yTitleBlock = ySpec.title == nil ? 0 : axisLine + Self.axisTitleGap
        let xTitleBlock = xSpec.title == nil ? 0 : axisLine + Self.axisTitleGap
        var top = area.minY + tickLine / 2  // room for the top tick label
        var bottom = area.maxY - xTitleBlock - tickLine - Self.labelGap
        var left = area.minX, right = area.maxX

        func yAxis() -> ValueAxis {
            ValueAxis(
                lo: ySpec.lo, hi: ySpec.hi, includeZero: ySpec.includeZero, start: bottom, end: top,
                format: ySpec.format, nice: ySpec.nice)
        }
        func xAxis() throws -> ValueAxis {
            try ValueAxis.horizontal(
                lo: xSpec.lo, hi: xSpec.hi, includeZero: xSpec.includeZero, start: left, end: right,
                format: xSpec.format, nice: xSpec.nice, font: theme.tickFont, renderer: renderer)
        }
        var y = yAxis()
        left = area.minX + yTitleBlock + (try y.maxLabelWidth(font: theme.tickFont, renderer: renderer)) + Self.labelGap
        var x = try xAxis()
        // Pull the plot in where the outermost x labels would leave the area.
        for _ in 0..<2 {
            guard let firstTick = x.ticks.first, let lastTick = x.ticks.last else { break }
            let firstWidth = try renderer.measureText(x.labels.first ?? "", font: theme.tickFont).width
            let lastWidth = try renderer.measureText(x.labels.last ?? "", font: theme.tickFont).width
            let overLeft = area.minX - (x.scale(firstTick) - firstWidth / 2)
            let overRight = x.scale(lastTick) + lastWidth / 2 - area.maxX
            guard overLeft > 0 || overRight > 0 else { break }
            left += max(0, overLeft)
            right -= max(0, overRight)
            x = try xAxis()
        }
        if square {
            let side = min(right - left, bottom - top)
            if right - left > side {
                if centred { left += ((right - left - side) / 2).rounded(.down) }
                right = left + side
            } else {
                top += ((bottom - top - side) / 2).rounded(.down)
                bottom = top + side
            }
            y = yAxis()
            x = try xAxis()
        }
        guard right - left > 20, bottom - top > 20 else {
            throw ChartError.canvasTooSmall(
                width: area.width, height: area.height, reason: "no room for the plot beside its axis labels")
        }
        plot = Rect(x: left, y: top, width: right - left, height: bottom - top)
        self.x = x
        self.y = y
    }

    /// Grid lines and tick labels on both axes.
    func drawGrid(in renderer: any Renderer) throws {
        for (tick, label) in zip(y.ticks, y.labels) {
            let py = y.scale(tick)
            renderer.strokeLine(
                from: Point(x: plot.minX, y: py), to: Point(x: plot.maxX, y: py), width: 1, color: theme.gridColor,
                antialiased: false)
            try renderer.drawText(
                label, at: Point(x: plot.minX - Self.labelGap, y: py), font: theme.tickFont, color: theme.textColor,
                anchor: .right)
        }
        for (tick, label) in zip(x.ticks, x.labels) {
            let px = x.scale(tick)
            renderer.strokeLine(
                from: Point(x: px, y: plot.minY), to: Point(x: px, y: plot.maxY), width: 1, color: theme.gridColor,
                antialiased: false)
            try renderer.drawText(
                label, at: Point(x: px, y: plot.maxY + Self.labelGap), font: theme.tickFont, color: theme.textColor,
                anchor: .top)
        }
    }

    /// The left and bottom axis lines (drawn after the marks so they stay on top).
    func drawAxisLines(in renderer: any Renderer) {
        renderer.strokeLine(
            from: Point(x: plot.minX, y: plot.maxY), to: Point(x: plot.maxX, y: plot.maxY), width: 1,
            color: theme.axisColor, antialiased: false)
        renderer.strokeLine(
            from: Point(x: plot.minX, y: plot.minY), to: Point(x: plot.minX, y: plot.maxY), width: 1,
            color: theme.axisColor, antialiased: false)
    }

    /// The axis titles: the y title reads bottom to top left of the tick labels.
    func drawTitles(in renderer: any Renderer) throws {
        if let text = yTitle {
            let axisLine = try renderer.fontMetrics(theme.axisTitleFont).lineHeight
            let tickWidth = try y.maxLabelWidth(font: theme.tickFont, renderer: renderer)
            let x = plot.minX - Self.labelGap - tickWidth - Self.axisTitleGap - axisLine
            let fitted = try renderer.truncate(text, font: theme.axisTitleFont, maxWidth: plot.height)
            try renderer.drawText(
                fitted, at: Point(x: x, y: plot.midY), font: theme.axisTitleFont, color: theme.titleColor, anchor: .top,
                angle: 90)
        }
        if let text = xTitle {
            let tickLine = try renderer.fontMetrics(theme.tickFont).lineHeight
            let fitted = try renderer.truncate(text, font: theme.axisTitleFont, maxWidth: plot.width)
            try renderer.drawText(
                fitted, at: Point(x: plot.midX, y: plot.maxY + Self.labelGap + tickLine + Self.axisTitleGap),
                font: theme.axisTitleFont, color: theme.titleColor, anchor: .top)
        }
    }
}
