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
    public var columnCount: Int { grid.columns }

    /// The arrangement of the panels.
    var grid: FacetGrid { FacetGrid(count: panels.count, columns: columns, gap: Self.panelGap) }

    /// 280 × 190 pixels per panel plus title and legend.
    public var preferredSize: Size {
        let titleHeight = title == nil ? 0 : theme.titleFont.size * 1.2 + ChartHeader.gap
        let legendHeight = classes.count > 1 ? theme.labelFont.size * 1.2 * Double(1 + classes.count / 7) + ChartHeader.gap : 0
        let panels = grid.size(panel: Size(width: 280, height: 190))
        let w = 2 * theme.padding + panels.width
        let h = 2 * theme.padding + titleHeight + legendHeight + panels.height
        return Size(width: w.rounded(.up), height: h.rounded(.up))
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        for panel in panels {
            for curve in panel.curves where curve.x.count != curve.density.count {
                throw ChartError.invalidData("curve \"\(curve.label)\" in \"\(panel.title)\" has \(curve.x.count) x values and \(curve.density.count) densities")
            }
        }
        guard !panels.isEmpty else { throw ChartError.invalidData("a density chart needs at least one panel") }
        let classes = self.classes
        let palette = self.palette ?? .standard(count: classes.count)
        var colors = [String: Color]()
        for (i, name) in classes.enumerated() { colors[name] = palette.color(at: i) }
        let legend = classes.count > 1
            ? Legend(entries: classes.map { Legend.Entry(label: $0, color: colors[$0] ?? .black) }, theme: theme) : nil
        let top = try ChartHeader(title: title, legend: legend).draw(in: renderer, size: size, theme: theme)
        let pad = theme.padding
        let area = Rect(x: pad, y: top, width: size.width - 2 * pad, height: size.height - pad - top)
        let frames = grid.frames(in: area)
        guard let first = frames.first, first.width > 40, first.height > 40 else {
            throw ChartError.canvasTooSmall(width: size.width, height: size.height, reason: "no room for \(panels.count) panels")
        }
        for (panel, frame) in zip(panels, frames) {
            try drawPanel(panel, in: frame, colors: colors, renderer: renderer)
        }
    }

    private func drawPanel(_ panel: DensityPanel, in frame: Rect, colors: [String: Color], renderer: any Renderer) throws {
        let xs = panel.curves.flatMap(\.x).filter(\.isFinite)
        let peak = panel.curves.flatMap(\.density).filter(\.isFinite).max() ?? 1
        guard let panelFrame = try FacetPanelFrame.draw(
            title: panel.title, frame: frame, xDomain: (xs.min() ?? .nan, xs.max() ?? .nan), renderer: renderer, theme: theme)
        else { return }
        let plot = panelFrame.plot, x = panelFrame.x
        let y = LinearScale(domain: (0, peak > 0 ? peak * 1.05 : 1), range: (plot.maxY, plot.minY))
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
        panelFrame.drawBaseline(in: renderer, theme: theme)
    }
}
