import Foundation

/// Class profiles over several axes: each class a closed polygon with a translucent fill,
/// on concentric rings labelled with their values, axis labels outside the outer ring.
///
/// Values must already be scaled to `0...1` (the chart does not scale: profiles are only
/// comparable when every axis is scaled the same way for all classes, which the caller
/// knows how to do, e.g. min–max over the class means). The first axis points up and the
/// others follow clockwise. Axis labels are set outside the circle, anchored away from it;
/// when neighbours would collide the labels shrink, then are shortened with "…".
public struct RadarChart: Chart {
    /// Title drawn above the chart.
    public var title: String?
    /// Axis names, clockwise from the top (at least 3).
    public var axes: [String]
    /// One profile per class.
    public var series: [RadarSeries]
    /// Number of rings (e.g. 4 → 0.25, 0.5, 0.75, 1).
    public var ringCount: Int
    /// Formats ring labels; `nil` uses the ring step's precision.
    public var ringLabelFormat: (@Sendable (Double) -> String)?
    /// Opacity of the polygon fills.
    public var fillOpacity: Double
    /// Where the legend goes.
    public var legendPosition: LegendPosition
    /// Colours for series without their own; `nil` uses ``CategoricalPalette/standard(count:)``.
    public var palette: CategoricalPalette?
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    private static let labelGap = 8.0
    private static let legendGap = 24.0
    private static let minimumLabelSize = 9.0

    /// Creates a radar chart.
    public init(
        title: String?, axes: [String], series: [RadarSeries], ringCount: Int = 4,
        ringLabelFormat: (@Sendable (Double) -> String)? = nil, fillOpacity: Double = 0.12,
        legendPosition: LegendPosition = .automatic, palette: CategoricalPalette? = nil, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.axes = axes
        self.series = series
        self.ringCount = ringCount
        self.ringLabelFormat = ringLabelFormat
        self.fillOpacity = fillOpacity
        self.legendPosition = legendPosition
        self.palette = palette
        self.theme = theme
    }

    /// The colour of series `index`.
    func color(ofSeries index: Int) -> Color {
        series[index].color ?? (palette ?? .standard(count: series.count)).color(at: index)
    }

    /// A 460-pixel circle plus labels, with the legend at the right.
    public var preferredSize: Size {
        let charWidth = 0.6 * theme.labelFont.size
        let longestAxis = Double(axes.map(\.count).max() ?? 0) * charWidth
        let legendWidth = legendPosition == .top || legendPosition == .hidden
            ? 0 : min(300, Double(series.map(\.name.count).max() ?? 0) * charWidth + 16) + Self.legendGap
        let legendRows = legendPosition == .top ? ChartHeader.estimatedLegendRows(series.map(\.name), width: 600, theme: theme) : 0
        let header = ChartHeader.estimatedHeight(title: title != nil, note: false, legendRows: legendRows, theme: theme)
        let side = 420 + 2 * (Self.labelGap + longestAxis)
        return Size(
            width: (2 * theme.padding + side + legendWidth).rounded(.up),
            height: (2 * theme.padding + header + 420 + 2 * (Self.labelGap + 2 * theme.labelFont.size)).rounded(.up))
    }

    /// Unit direction of axis `k` on screen: the first points up, the rest follow clockwise.
    func direction(_ k: Int) -> (dx: Double, dy: Double) {
        let phi = 2 * Double.pi * Double(k) / Double(axes.count)
        return (sin(phi), -cos(phi))
    }

    /// Anchor for a label placed outside the circle in direction `d`, so that its box grows
    /// away from the circle.
    static func anchor(_ d: (dx: Double, dy: Double)) -> TextAnchor {
        let horizontal: TextAnchor.Horizontal = abs(d.dx) < 0.3 ? .center : (d.dx > 0 ? .left : .right)
        let vertical: TextAnchor.Vertical = d.dy < -0.7 ? .bottom : (d.dy > 0.7 ? .top : .middle)
        return TextAnchor(horizontal, vertical)
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        guard axes.count >= 3 else { throw ChartError.invalidData("a radar chart needs at least 3 axes, got \(axes.count)") }
        for s in series where s.values.count != axes.count {
            throw ChartError.invalidData("series \"\(s.name)\" has \(s.values.count) values for \(axes.count) axes")
        }
        let pad = theme.padding
        let legend = Legend(
            entries: series.indices.map { Legend.Entry(label: series[$0].name, color: color(ofSeries: $0)) }, theme: theme)
        let showsLegend = legendPosition != .hidden && !series.isEmpty
        let right: Bool
        switch legendPosition {
        case .right: right = showsLegend
        case .automatic: right = showsLegend && size.width > size.height * 1.15
        case .top, .hidden: right = false
        }
        let top = try ChartHeader(title: title, legend: showsLegend && !right ? legend : nil)
            .draw(in: renderer, size: size, theme: theme)
        var area = Rect(x: pad, y: top, width: size.width - 2 * pad, height: size.height - pad - top)
        var legendSize = Size.zero
        if right {
            legendSize = try legend.columnSize(maxWidth: 0.4 * area.width, renderer: renderer)
            area = Rect(x: area.minX, y: area.minY, width: area.width - legendSize.width - Self.legendGap, height: area.height)
        }
        let (labels, font, radius) = try fitLabels(in: area, renderer: renderer)
        guard radius >= 30 else {
            throw ChartError.canvasTooSmall(width: size.width, height: size.height, reason: "no room for the radar circle and its labels")
        }
        // Centre the circle (with its labels) and the legend together.
        var center = Point(x: area.midX, y: area.midY)
        if right {
            let extent = try labelExtent(labels, font: font, radius: radius, center: center, renderer: renderer)
            let used = extent.maxX - extent.minX + Self.legendGap + legendSize.width
            let left = pad + ((size.width - 2 * pad - used) / 2).rounded(.down)
            center.x += left - extent.minX
        }
        drawGrid(center: center, radius: radius, renderer: renderer)
        let polygons = series.map { s in
            s.values.enumerated().map { i, v -> Point in
                let value = v.isNaN ? 0 : min(1, max(0, v))
                let d = direction(i)
                return Point(x: center.x + d.dx * radius * value, y: center.y + d.dy * radius * value)
            }
        }
        // All fills before any outline, so no fill veils another class's line.
        for (k, points) in polygons.enumerated() {
            renderer.fillPolygon(points, color: color(ofSeries: k).withAlpha(fillOpacity))
        }
        for (k, points) in polygons.enumerated() {
            let color = color(ofSeries: k)
            renderer.strokePolyline(points + [points[0]], width: 2, color: color)
            for p in points { renderer.fillCircle(center: p, radius: 3, color: color) }
        }
        var axisLabels = [(text: String, at: Point, anchor: TextAnchor)]()
        for (k, text) in labels.enumerated() {
            let d = direction(k)
            let at = Point(x: center.x + d.dx * (radius + Self.labelGap), y: center.y + d.dy * (radius + Self.labelGap))
            axisLabels.append((text, at, Self.anchor(d)))
        }
        let outlines = try axisLabels.map { try renderer.placement(of: $0.text, at: $0.at, font: font, anchor: $0.anchor).outline }
        try drawRingLabels(center: center, radius: radius, avoiding: outlines, renderer: renderer)
        for label in axisLabels {
            try renderer.drawText(label.text, at: label.at, font: font, color: theme.textColor, anchor: label.anchor)
        }
        if right {
            let extent = try labelExtent(labels, font: font, radius: radius, center: center, renderer: renderer)
            try legend.drawColumn(
                in: renderer,
                frame: Rect(
                    x: extent.maxX + Self.legendGap, y: center.y - legendSize.height / 2, width: legendSize.width,
                    height: legendSize.height))
        }
    }

    /// Axis labels, their font and the circle's radius: the largest radius at which every
    /// label stays inside `area`, with the font shrunk (down to 9 px) and then the labels
    /// shortened until no two labels overlap.
    private func fitLabels(in area: Rect, renderer: any Renderer) throws -> (labels: [String], font: Font, radius: Double) {
        var font = theme.labelFont
        var maxWidth = Double.infinity
        var best: (labels: [String], font: Font, radius: Double)?
        for _ in 0..<12 {
            let labels = try axes.map { try renderer.truncate($0, font: font, maxWidth: maxWidth) }
            let radius = try largestRadius(labels, font: font, area: area, renderer: renderer)
            best = (labels, font, radius)
            let center = Point(x: area.midX, y: area.midY)
            let outlines = try labels.indices.map { k -> Quad in
                let d = direction(k)
                let at = Point(x: center.x + d.dx * (radius + Self.labelGap), y: center.y + d.dy * (radius + Self.labelGap))
                return try renderer.placement(of: labels[k], at: at, font: font, anchor: Self.anchor(d)).outline
            }
            let n = outlines.count
            let clash = (0..<n).contains { outlines[$0].intersects(outlines[($0 + 1) % n], tolerance: 0.5) }
            if !clash { break }
            if font.size > Self.minimumLabelSize {
                font = font.withSize(max(Self.minimumLabelSize, font.size - 1))
            } else {
                let widest = try labels.map { try renderer.measureText($0, font: font).width }.max() ?? 0
                maxWidth = widest * 0.85
            }
        }
        return best ?? (axes, font, 0)
    }

    /// The largest radius at which every label, set `labelGap` outside the circle, stays in
    /// `area` with the circle centred in it.
    private func largestRadius(_ labels: [String], font: Font, area: Rect, renderer: any Renderer) throws -> Double {
        var radius = min(area.width, area.height) / 2
        for (k, text) in labels.enumerated() {
            let d = direction(k)
            // The label's box relative to its anchor point.
            let box = try renderer.placement(of: text, at: .zero, font: font, anchor: Self.anchor(d)).bounds
            let reach = { (offset: Double, component: Double, room: Double) -> Double in
                // centre + (r + gap)·component + offset within ±room of the centre.
                component.magnitude < 1e-9 ? .infinity : (room - offset * (component > 0 ? 1 : -1)) / component.magnitude - Self.labelGap
            }
            if d.dx > 1e-9 { radius = min(radius, reach(box.maxX, d.dx, area.width / 2)) }
            if d.dx < -1e-9 { radius = min(radius, reach(box.minX, d.dx, area.width / 2)) }
            if d.dy > 1e-9 { radius = min(radius, reach(box.maxY, d.dy, area.height / 2)) }
            if d.dy < -1e-9 { radius = min(radius, reach(box.minY, d.dy, area.height / 2)) }
            // Labels along an axis reach sideways by their half width / height too.
            if abs(d.dx) <= 1e-9, max(abs(box.minX), abs(box.maxX)) > area.width / 2 { radius = 0 }
        }
        return max(0, radius.rounded(.down))
    }

    /// The box around the circle and its labels.
    private func labelExtent(_ labels: [String], font: Font, radius: Double, center: Point, renderer: any Renderer) throws -> Rect {
        var extent = Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
        for (k, text) in labels.enumerated() {
            let d = direction(k)
            let at = Point(x: center.x + d.dx * (radius + Self.labelGap), y: center.y + d.dy * (radius + Self.labelGap))
            extent = extent.union(try renderer.placement(of: text, at: at, font: font, anchor: Self.anchor(d)).bounds)
        }
        return extent
    }

    /// Rings and spokes.
    private func drawGrid(center: Point, radius: Double, renderer: any Renderer) {
        let rings = max(1, ringCount)
        let segments = 120
        for ring in 1...rings {
            let r = radius * Double(ring) / Double(rings)
            let points = (0...segments).map { i -> Point in
                let phi = 2 * Double.pi * Double(i) / Double(segments)
                return Point(x: center.x + r * sin(phi), y: center.y - r * cos(phi))
            }
            renderer.strokePolyline(points, width: 1, color: ring == rings ? theme.axisColor.withAlpha(1).interpolated(to: .white, fraction: 0.5) : theme.gridColor)
        }
        for k in axes.indices {
            let d = direction(k)
            renderer.strokeLine(
                from: center, to: Point(x: center.x + d.dx * radius, y: center.y + d.dy * radius), width: 1,
                color: theme.gridColor, antialiased: true)
        }
    }

    /// Ring values along the bisector between the first two axes, where no spoke runs; a
    /// value that would touch an axis label (crowded axes) is left out.
    private func drawRingLabels(center: Point, radius: Double, avoiding labels: [Quad], renderer: any Renderer) throws {
        let rings = max(1, ringCount)
        let phi = Double.pi / Double(axes.count)
        let step = 1 / Double(rings)
        // As many decimals as the ring step needs (0.25 needs two).
        let decimals = (0...4).first { d in
            let scaled = step * pow(10, Double(d))
            return abs(scaled - scaled.rounded()) < 1e-9
        } ?? 2
        for ring in 1...rings {
            let value = Double(ring) * step
            let r = radius * value
            let text = ringLabelFormat?(value) ?? NumberFormat.fixed(value, decimals)
            let at = Point(x: center.x + r * sin(phi), y: center.y - r * cos(phi))
            // A veil of background behind the value keeps it legible over lines and fills.
            let box = try renderer.placement(of: text, at: at, font: theme.tickFont, anchor: .center).bounds
            if labels.contains(where: { $0.intersects(Quad(box.insetBy(dx: -2, dy: 0).corners), tolerance: 0) }) { continue }
            renderer.fillRect(box.insetBy(dx: -2, dy: 0), color: theme.background.withAlpha(0.8))
            try renderer.drawText(text, at: at, font: theme.tickFont, color: theme.axisColor, anchor: .center)
        }
    }
}
