import Foundation

/// Histograms of one or more classes overlaid with translucent fills and a solid outline,
/// in shared bins; one panel, or small multiples with one panel per feature.
///
/// A single panel gets full axes (the panel title names the x axis, counts or densities on
/// the y axis). Several panels are laid out by a ``FacetGrid`` like ``DensityChart``: each
/// with its own x axis and y range, no y labels, one shared legend.
public struct HistogramChart: Chart {
    /// What the bar heights show.
    public enum Normalization: Hashable, Sendable {
        /// Number of values in the bin.
        case count
        /// Count ÷ (the series' total × bin width), so each series' area is 1 and classes
        /// of different sizes compare by shape (numpy's `density=True`, per series).
        case density
    }

    /// Title drawn above the panels.
    public var title: String?
    /// The panels, in reading order.
    public var panels: [HistogramPanel]
    /// Counts or densities.
    public var normalization: Normalization
    /// Panels per row; `nil` uses ``FacetGrid/defaultColumns(for:)``.
    public var columns: Int?
    /// Opacity of the bar fills, so overlapping classes stay visible.
    public var fillOpacity: Double
    /// Title of a single panel's y axis; `nil` gives "Count" or "Density".
    public var valueAxisTitle: String?
    /// Class colours in order of first appearance; `nil` uses ``CategoricalPalette/standard(count:)``.
    public var palette: CategoricalPalette?
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    private static let panelGap = 22.0

    /// Creates histograms over `panels`.
    public init(
        title: String?, panels: [HistogramPanel], normalization: Normalization = .count, columns: Int? = nil,
        fillOpacity: Double = 0.35, valueAxisTitle: String? = nil, palette: CategoricalPalette? = nil,
        theme: ChartTheme = .standard
    ) {
        self.title = title
        self.panels = panels
        self.normalization = normalization
        self.columns = columns
        self.fillOpacity = fillOpacity
        self.valueAxisTitle = valueAxisTitle
        self.palette = palette
        self.theme = theme
    }

    /// Creates a single histogram of `series` over one feature named `feature` (the x axis title).
    public init(
        title: String?, feature: String, series: [HistogramSeries], bins: HistogramBins? = nil,
        normalization: Normalization = .count, fillOpacity: Double = 0.35, palette: CategoricalPalette? = nil,
        theme: ChartTheme = .standard
    ) {
        self.init(
            title: title, panels: [HistogramPanel(title: feature, series: series, bins: bins)],
            normalization: normalization, fillOpacity: fillOpacity, palette: palette, theme: theme)
    }

    /// Class names in order of first appearance across panels.
    public var classes: [String] {
        var seen = Set<String>(), ordered = [String]()
        for panel in panels {
            for s in panel.series where seen.insert(s.label).inserted { ordered.append(s.label) }
        }
        return ordered
    }

    /// The arrangement of the panels.
    var grid: FacetGrid { FacetGrid(count: panels.count, columns: columns, gap: Self.panelGap) }

    /// 640 × 400 for one panel; 280 × 190 per panel for small multiples; plus title and legend.
    public var preferredSize: Size {
        let width = panels.count == 1 ? 640.0 : 2 * theme.padding + grid.size(panel: Size(width: 280, height: 190)).width
        let legendRows = classes.count > 1 ? ChartHeader.estimatedLegendRows(classes, width: width - 2 * theme.padding, theme: theme) : 0
        let header = ChartHeader.estimatedHeight(title: title != nil, note: false, legendRows: legendRows, theme: theme)
        let body = panels.count == 1 ? 360 : grid.size(panel: Size(width: 280, height: 190)).height
        return Size(width: width.rounded(.up), height: (2 * theme.padding + header + body).rounded(.up))
    }

    /// Heights of every series' bars in `panel`, in series order.
    func heights(_ panel: HistogramPanel, bins: HistogramBins) -> [[Double]] {
        panel.series.map { s in
            switch normalization {
            case .count: return bins.counts(s.values).map(Double.init)
            case .density: return bins.densities(s.values)
            }
        }
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        guard !panels.isEmpty else { throw ChartError.invalidData("a histogram needs at least one panel") }
        let classes = self.classes
        let palette = self.palette ?? .standard(count: classes.count)
        var colors = [String: Color]()
        for (i, name) in classes.enumerated() { colors[name] = palette.color(at: i) }
        let legend = classes.count > 1
            ? Legend(entries: classes.map { Legend.Entry(label: $0, color: colors[$0] ?? .black) }, theme: theme) : nil
        let top = try ChartHeader(title: title, legend: legend).draw(in: renderer, size: size, theme: theme)
        let pad = theme.padding
        let area = Rect(x: pad, y: top, width: size.width - 2 * pad, height: size.height - pad - top)
        if panels.count == 1 {
            try drawSingle(panels[0], area: area, colors: colors, renderer: renderer)
            return
        }
        let frames = grid.frames(in: area)
        guard let first = frames.first, first.width > 40, first.height > 40 else {
            throw ChartError.canvasTooSmall(width: size.width, height: size.height, reason: "no room for \(panels.count) panels")
        }
        for (panel, frame) in zip(panels, frames) {
            let bins = panel.resolvedBins
            let heights = heights(panel, bins: bins)
            guard let panelFrame = try FacetPanelFrame.draw(
                title: panel.title, frame: frame, xDomain: (bins.edges[0], bins.edges[bins.count]), renderer: renderer,
                theme: theme)
            else { continue }
            let peak = heights.flatMap { $0 }.max() ?? 0
            let plot = panelFrame.plot
            let y = LinearScale(domain: (0, peak > 0 ? peak * 1.05 : 1), range: (plot.maxY, plot.minY))
            drawBars(panel, bins: bins, heights: heights, x: panelFrame.x, y: y, plot: plot, colors: colors, renderer: renderer)
            panelFrame.drawBaseline(in: renderer, theme: theme)
        }
    }

    private func drawSingle(_ panel: HistogramPanel, area: Rect, colors: [String: Color], renderer: any Renderer) throws {
        let bins = panel.resolvedBins
        let heights = heights(panel, bins: bins)
        let peak = heights.flatMap { $0 }.max() ?? 0
        let yTitle = valueAxisTitle ?? (normalization == .count ? "Count" : "Density")
        let frame = try CartesianPlot(
            area: area,
            x: .init(lo: bins.edges[0], hi: bins.edges[bins.count], title: panel.title, nice: false),
            y: .init(lo: 0, hi: peak > 0 ? peak * 1.05 : 1, title: yTitle, includeZero: true),
            renderer: renderer, theme: theme)
        try frame.drawGrid(in: renderer)
        drawBars(panel, bins: bins, heights: heights, x: frame.x.scale, y: frame.y.scale, plot: frame.plot, colors: colors, renderer: renderer)
        frame.drawAxisLines(in: renderer)
        try frame.drawTitles(in: renderer)
    }

    /// Translucent bars of every series, then every series' outline on top.
    private func drawBars(
        _ panel: HistogramPanel, bins: HistogramBins, heights: [[Double]], x: LinearScale, y: LinearScale, plot: Rect,
        colors: [String: Color], renderer: any Renderer
    ) {
        renderer.setClip(plot)
        let base = y(0)
        for (s, series) in panel.series.enumerated() {
            let color = (colors[series.label] ?? theme.textColor).withAlpha(fillOpacity)
            for (i, h) in heights[s].enumerated() where h > 0 {
                let x0 = x(bins.edges[i]), x1 = x(bins.edges[i + 1]), top = y(h)
                renderer.fillRect(Rect(x: x0, y: top, width: x1 - x0, height: base - top), color: color)
            }
        }
        for (s, series) in panel.series.enumerated() {
            // A step line along the bar tops, down to the baseline at both ends.
            var points = [Point(x: x(bins.edges[0]), y: base)]
            for (i, h) in heights[s].enumerated() {
                let top = y(h)
                points.append(Point(x: x(bins.edges[i]), y: top))
                points.append(Point(x: x(bins.edges[i + 1]), y: top))
            }
            points.append(Point(x: x(bins.edges[bins.count]), y: base))
            renderer.strokePolyline(Self.withoutRepeats(points), width: 1.4, color: colors[series.label] ?? theme.textColor)
        }
        renderer.setClip(nil)
    }

    /// `points` without consecutive duplicates and without middle points of straight runs.
    static func withoutRepeats(_ points: [Point]) -> [Point] {
        var out = [Point]()
        for p in points {
            if let last = out.last, last == p { continue }
            if out.count >= 2 {
                let a = out[out.count - 2], b = out[out.count - 1]
                if (a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y) {
                    out[out.count - 1] = p
                    continue
                }
            }
            out.append(p)
        }
        return out
    }
}
