import Foundation

/// The frame of one small multiple in a ``FacetGrid``: a bold title at the top left, an x
/// axis over the data's own range with grid lines and labels kept inside the panel, and a
/// baseline. No y labels: within a panel, distributions are compared by shape.
struct FacetPanelFrame {
    /// The area for the marks.
    var plot: Rect
    /// Data → horizontal pixels.
    var x: LinearScale

    /// Draws the title, grid and x tick labels of a panel occupying `frame`, and returns where
    /// the marks go; `nil` when the panel is too small for marks (the title is still drawn).
    static func draw(
        title: String, frame: Rect, xDomain: (lo: Double, hi: Double), renderer: any Renderer, theme: ChartTheme
    ) throws -> FacetPanelFrame? {
        let panelFont = Font(size: theme.labelFont.size, bold: true)
        let fitted = try renderer.truncate(title, font: panelFont, maxWidth: frame.width)
        try renderer.drawText(
            fitted, at: Point(x: frame.minX, y: frame.minY), font: panelFont, color: theme.titleColor,
            anchor: TextAnchor(.left, .top))
        let titleHeight = try renderer.fontMetrics(panelFont).lineHeight + 6
        let tickLine = try renderer.fontMetrics(theme.tickFont).lineHeight
        let plot = Rect(
            x: frame.minX, y: frame.minY + titleHeight,
            width: frame.width, height: frame.height - titleHeight - tickLine - 5)
        let (lo, hi) = xDomain
        guard plot.height > 10, lo.isFinite, hi.isFinite else { return nil }
        // The data's own range: a nice domain would leave empty margins inside the panel.
        let x = LinearScale(domain: (lo, hi > lo ? hi : lo + 1), range: (plot.minX, plot.maxX))
        for tick in try xTicks(x, width: plot.width, renderer: renderer, theme: theme) {
            renderer.strokeLine(
                from: Point(x: tick.x, y: plot.minY), to: Point(x: tick.x, y: plot.maxY), width: 1,
                color: theme.gridColor, antialiased: false)
            try renderer.drawText(
                tick.label, at: Point(x: tick.labelX, y: plot.maxY + 4), font: theme.tickFont,
                color: theme.textColor, anchor: .top)
        }
        return FacetPanelFrame(plot: plot, x: x)
    }

    /// Draws the panel's baseline (after the marks, so it stays on top of them).
    func drawBaseline(in renderer: any Renderer, theme: ChartTheme) {
        renderer.strokeLine(
            from: Point(x: plot.minX, y: plot.maxY), to: Point(x: plot.maxX, y: plot.maxY), width: 1,
            color: theme.axisColor, antialiased: false)
    }

    /// Tick positions and labels for a panel's x axis: the most ticks (up to one per 70
    /// pixels) whose labels keep 10 pixels apart; end labels are pulled inside the panel, and
    /// dropped if that makes them collide with their neighbour.
    static func xTicks(_ scale: LinearScale, width: Double, renderer: any Renderer, theme: ChartTheme) throws
        -> [(x: Double, labelX: Double, label: String)]
    {
        var count = max(2, Int(width / 70))
        while true {
            let values = scale.ticks(count: count)
            let step = scale.tickStep(count: count) ?? 1
            var ticks = [(x: Double, labelX: Double, label: String, width: Double)]()
            for value in values {
                let label = NumberFormat.tick(value, step: step)
                let w = try renderer.measureText(label, font: theme.tickFont).width
                let x = scale(value)
                let lo = min(scale.rangeStart, scale.rangeEnd), hi = max(scale.rangeStart, scale.rangeEnd)
                ticks.append((x, min(max(x, lo + w / 2), hi - w / 2), label, w))
            }
            let clear = zip(ticks, ticks.dropFirst()).allSatisfy { a, b in
                b.labelX - b.width / 2 - (a.labelX + a.width / 2) >= 10
            }
            if clear || count <= 2 {
                if !clear, ticks.count > 2 { ticks.removeLast() }
                return ticks.map { ($0.x, $0.labelX, $0.label) }
            }
            count -= 1
        }
    }
}
