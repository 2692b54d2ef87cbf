import Foundation

/// Density curves with translucent fills, one colour per class, as a grid of small
/// multiples (one panel per feature) with one shared legend.
///
/// Each panel has its own x axis (features have different units) and its own y range from 0
/// to its highest curve; densities are compared by shape within a panel, so y tick labels
/// are left out.
public struct DensityChart: Chart {
    /// Title drawn above the grid.
    public var title: String?
    /// The panels, in reading order (left to right, then down).
    public var panels: [DensityPanel]
    /// Panels per row; `nil` picks up to 3 (4 from 10 panels on).
    public var columns: Int?
    /// Class colours, in order of first appearance.
    public var palette: CategoricalPalette?
    /// Opacity of the fills under the curves.
    public var fillOpacity: Double
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    private static let titleGap = 10.0
    private static let panelGap = 22.0

    /// Creates a grid of density panels.
    public init(
        title: String?, panels: [DensityPanel], columns: Int? = nil, palette: CategoricalPalette? = nil,
        fillOpacity: Double = 0.22, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.panels = panels
        self.columns = columns
        self.palette = palette
        self.fillOpacity = fillOpacity
        self.theme = theme
    }

    /// Class names in order of first appearance across panels.
    public var classes: [String] {
        var seen = Set<String>(), ordered = [String]()
        for panel in panels {
            for curve in panel.curves where seen.insert(curve.label).inserted { ordered.append(curve.label) }
        }
        return ordered
    }

    /// The number of panels per row.
    public var columnCount: Int {
        if let columns { return max(1, min(columns, max(1, panels.count))) }
        return max(1, min(panels.count, panels.count >= 10 ? 4 : 3))
    }

    /// 280 × 190 pixels per panel plus title and legend.
    public var preferredSize: Size {
        let columns = columnCount
        let rows = (panels.count + columns - 1) / max(1, columns)
        let titleHeight = title == nil ? 0 : theme.titleFont.size * 1.2 + Self.titleGap
        let legendHeight = classes.count > 1 ? theme.labelFont.size * 1.2 * Double(1 + classes.count / 7) + Self.titleGap : 0
        let w = 2 * theme.padding + Double(columns) * 280 + Double(columns - 1) * Self.panelGap
        let h = 2 * theme.padding + titleHeight + legendHeight + Double(max(1, rows)) * 190 + Double(max(0, rows - 1)) * Self.panelGap
        return Size(width: w.rounded(.up), height: h.rounded(.up))
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        for panel in panels {
            for curve in panel.curves where curve.x.count != curve.density.count {
                throw ChartError.invalidData("curve \"\(curve.label)\" in \"\(panel.title)\" has \(curve.x.count) x values and \(curve.density.count) densities")
            }
        }
        guard !panels.isEmpty else { throw ChartError.invalidData("a density chart needs at least one panel") }
        let pad = theme.padding
        var top = pad
        if let title {
            let fitted = try renderer.truncate(title, font: theme.titleFont, maxWidth: size.width - 2 * pad)
            try renderer.drawText(fitted, at: Point(x: size.width / 2, y: top), font: theme.titleFont, color: theme.titleColor, anchor: .top)
            top += try renderer.fontMetrics(theme.titleFont).lineHeight + Self.titleGap
        }
        let classes = self.classes
        let palette = self.palette ?? .standard(count: classes.count)
        var colors = [String: Color]()
        for (i, name) in classes.enumerated() { colors[name] = palette.color(at: i) }
        if classes.count > 1 {
            let legend = Legend(entries: classes.map { Legend.Entry(label: $0, color: colors[$0] ?? .black) }, theme: theme)
            let height = try legend.height(maxWidth: size.width - 2 * pad, renderer: renderer)
            try legend.draw(in: renderer, frame: Rect(x: pad, y: top, width: size.width - 2 * pad, height: height))
            top += height + Self.titleGap
        }
        let columns = columnCount
        let rows = (panels.count + columns - 1) / columns
        let cellWidth = (size.width - 2 * pad - Double(columns - 1) * Self.panelGap) / Double(columns)
        let cellHeight = (size.height - pad - top - Double(rows - 1) * Self.panelGap) / Double(rows)
        guard cellWidth > 40, cellHeight > 40 else {
            throw ChartError.canvasTooSmall(width: size.width, height: size.height, reason: "no room for \(panels.count) panels")
        }
        for (index, panel) in panels.enumerated() {
            let frame = Rect(
                x: pad + Double(index % columns) * (cellWidth + Self.panelGap),
                y: top + Double(index / columns) * (cellHeight + Self.panelGap),
                width: cellWidth, height: cellHeight)
            try drawPanel(panel, in: frame, colors: colors, renderer: renderer)
        }
    }

    private func drawPanel(_ panel: DensityPanel, in frame: Rect, colors: [String: Color], renderer: any Renderer) throws {
        let panelFont = Font(size: theme.labelFont.size, bold: true)
        let title = try renderer.truncate(panel.title, font: panelFont, maxWidth: frame.width)
        try renderer.drawText(title, at: Point(x: frame.minX, y: frame.minY), font: panelFont, color: theme.titleColor, anchor: TextAnchor(.left, .top))
        let titleHeight = try renderer.fontMetrics(panelFont).lineHeight + 6
        let tickLine = try renderer.fontMetrics(theme.tickFont).lineHeight
        let xs = panel.curves.flatMap(\.x).filter(\.isFinite)
        let peak = panel.curves.flatMap(\.density).filter(\.isFinite).max() ?? 1
        let plot = Rect(
            x: frame.minX, y: frame.minY + titleHeight,
            width: frame.width, height: frame.height - titleHeight - tickLine - 5)
        guard plot.height > 10, let lo = xs.min(), let hi = xs.max() else { return }
        // The data's own range: a nice domain would leave empty margins inside the panel.
        let x = LinearScale(domain: (lo, hi > lo ? hi : lo + 1), range: (plot.minX, plot.maxX))
        let y = LinearScale(domain: (0, peak > 0 ? peak * 1.05 : 1), range: (plot.maxY, plot.minY))
        for tick in try xTicks(x, width: plot.width, renderer: renderer) {
            renderer.strokeLine(
                from: Point(x: tick.x, y: plot.minY), to: Point(x: tick.x, y: plot.maxY), width: 1,
                color: theme.gridColor, antialiased: false)
            try renderer.drawText(
                tick.label, at: Point(x: tick.labelX, y: plot.maxY + 4), font: theme.tickFont,
                color: theme.textColor, anchor: .top)
        }
        renderer.setClip(plot)
        var outlines = [([Point], Color)]()
        for curve in panel.curves {
            let points = zip(curve.x, curve.density).compactMap { value, d -> Point? in
                guard value.isFinite, d.isFinite else { return nil }
                return Point(x: x(value), y: y(d))
            }
            guard let first = points.first, let last = points.last else { continue }
            let color = colors[curve.label] ?? theme.textColor
            renderer.fillPolygon(
                points + [Point(x: last.x, y: plot.maxY), Point(x: first.x, y: plot.maxY)], color: color.withAlpha(fillOpacity))
            outlines.append((points, color))
        }
        for (points, color) in outlines {
            renderer.strokePolyline(points, width: 1.6, color: color)
        }
        renderer.setClip(nil)
        renderer.strokeLine(from: Point(x: plot.minX, y: plot.maxY), to: Point(x: plot.maxX, y: plot.maxY), width: 1, color: theme.axisColor, antialiased: false)
    }

    /// Tick positions and labels for a panel's x axis: the most ticks (up to one per 70
    /// pixels) whose labels keep 10 pixels apart; end labels are pulled inside the panel, and
    /// dropped if that makes them collide with their neighbour.
    private func xTicks(_ scale: LinearScale, width: Double, renderer: any Renderer) throws
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
