import Foundation

/// Box plots, one box per category: the box spans the quartiles with a line at the median,
/// whiskers reach the most extreme values within 1.5 IQR, and values beyond are drawn as
/// small dots. Also suits cross-validation fold scores per candidate, with `showsPoints`
/// to show every fold.
///
/// Boxes are laid out like ``BarChart``'s bars (vertical or horizontal, long labels slanted
/// or set on the left). The value axis covers the data, not 0, and is widened to round
/// numbers.
public struct BoxPlotChart: Chart {
    /// Title drawn above the chart.
    public var title: String?
    /// One box per category, in order.
    public var boxes: [BoxPlotBox]
    /// `.vertical`: boxes stand on a category axis at the bottom; `.horizontal`: categories
    /// down the left.
    public var orientation: ChartOrientation
    /// Title of the value axis, e.g. "Accuracy".
    public var valueAxisTitle: String?
    /// Title of the category axis, e.g. "Genre".
    public var categoryAxisTitle: String?
    /// How many IQRs the whiskers may reach beyond the box.
    public var whisker: Double
    /// Outliers drawn per box at most (evenly spaced by rank, extremes kept); `nil` draws all.
    public var maxOutliers: Int?
    /// Whether to draw every value as a dot over its box (for few values, e.g. CV folds);
    /// dots are spread across the box width by a fixed pattern, so the image is reproducible.
    public var showsPoints: Bool
    /// Whether to mark the mean with a small diamond.
    public var showsMean: Bool
    /// Formats value-axis tick labels; `nil` uses the tick step's precision.
    public var tickFormat: (@Sendable (Double) -> String)?
    /// Box colours: the first colour for all boxes, or one per group.
    public var palette: CategoricalPalette?
    /// Category labels wider than this are shortened with "…".
    public var maxLabelWidth: Double
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    /// Creates a box plot.
    public init(
        title: String?, boxes: [BoxPlotBox], orientation: ChartOrientation = .vertical, valueAxisTitle: String? = nil,
        categoryAxisTitle: String? = nil, whisker: Double = 1.5, maxOutliers: Int? = 200, showsPoints: Bool = false,
        showsMean: Bool = false, tickFormat: (@Sendable (Double) -> String)? = nil, palette: CategoricalPalette? = nil,
        maxLabelWidth: Double = 220, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.boxes = boxes
        self.orientation = orientation
        self.valueAxisTitle = valueAxisTitle
        self.categoryAxisTitle = categoryAxisTitle
        self.whisker = whisker
        self.maxOutliers = maxOutliers
        self.showsPoints = showsPoints
        self.showsMean = showsMean
        self.tickFormat = tickFormat
        self.palette = palette
        self.maxLabelWidth = maxLabelWidth
        self.theme = theme
    }

    /// Group names in order of first appearance; empty when no box has a group.
    public var groups: [String] {
        var seen = Set<String>(), ordered = [String]()
        for box in boxes { if let g = box.group, seen.insert(g).inserted { ordered.append(g) } }
        return ordered
    }

    /// The summary of every box (`nil` for a box without finite values).
    public var statistics: [BoxStatistics?] {
        boxes.map { BoxStatistics(values: $0.values, whisker: whisker) }
    }

    /// About 56 pixels per box along the category axis and 360 along the value axis, plus
    /// room for labels estimated at 0.6 × font size per character.
    public var preferredSize: Size {
        let n = Double(max(1, boxes.count))
        let charWidth = 0.6 * theme.labelFont.size
        let longest = min(maxLabelWidth, Double(boxes.map(\.label.count).max() ?? 0) * charWidth)
        let legendRows = groups.count > 1 ? ChartHeader.estimatedLegendRows(groups, width: 560, theme: theme) : 0
        let header = ChartHeader.estimatedHeight(title: title != nil, note: false, legendRows: legendRows, theme: theme)
        switch orientation {
        case .vertical:
            let slot = 56.0
            let slanted = longest + 6 > slot
            let depth = slanted ? (longest + theme.labelFont.size) * 0.7072 : theme.labelFont.size
            let w = 2 * theme.padding + 70 + n * slot + (slanted ? max(0, longest * 0.7072 - slot / 2) : 0)
            let h = 2 * theme.padding + header + 340 + depth + (categoryAxisTitle == nil ? 0 : 24)
            return Size(width: max(400, w).rounded(.up), height: h.rounded(.up))
        case .horizontal:
            let w = 2 * theme.padding + longest + 8 + 480 + (categoryAxisTitle == nil ? 0 : 24)
            let h = 2 * theme.padding + header + n * 40 + 40 + (valueAxisTitle == nil ? 0 : 24)
            return Size(width: w.rounded(.up), height: max(220, h).rounded(.up))
        }
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        guard !boxes.isEmpty else { throw ChartError.invalidData("a box plot needs at least one box") }
        let stats = statistics
        let groups = self.groups
        let palette = self.palette ?? .standard(count: max(1, groups.count))
        let legend = groups.count > 1
            ? Legend(entries: groups.enumerated().map { Legend.Entry(label: $1, color: palette.color(at: $0)) }, theme: theme)
            : nil
        let top = try ChartHeader(title: title, legend: legend).draw(in: renderer, size: size, theme: theme)

        var lo = Double.infinity, hi = -Double.infinity
        for (box, stat) in zip(boxes, stats) {
            guard let stat else { continue }
            let shown = showsPoints ? box.values.filter(\.isFinite) : stat.outliers
            lo = min(lo, stat.lowerWhisker, shown.min() ?? lo)
            hi = max(hi, stat.upperWhisker, shown.max() ?? hi)
        }
        if !lo.isFinite { (lo, hi) = (0, 1) }
        // A little air so extreme dots do not sit on the plot's edge.
        let span = hi - lo
        lo -= 0.03 * span
        hi += 0.03 * span
        let layout = try CategoryPlotLayout(
            orientation: orientation, categories: boxes.map(\.label), lo: lo, hi: hi, includeZero: false,
            valueAxisTitle: valueAxisTitle, categoryAxisTitle: categoryAxisTitle, tickFormat: tickFormat,
            maxLabelWidth: maxLabelWidth, size: size, top: top, theme: theme, renderer: renderer,
            bandPadding: (0.3, 0.15), what: "boxes")
        try layout.drawValueGrid(in: renderer)
        let groupIndex = Dictionary(groups.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, (box, stat)) in zip(boxes, stats).enumerated() {
            guard let stat else { continue }
            let color = palette.color(at: box.group.flatMap { groupIndex[$0] } ?? 0)
            try drawBox(i, box: box, stat: stat, color: color, layout: layout, renderer: renderer)
        }
        try layout.drawLabelsAndTitles(in: renderer)
    }

    /// Draws box `index`: whiskers and caps, the filled box with its outline, the median,
    /// outliers (or all points) and the mean.
    private func drawBox(
        _ index: Int, box: BoxPlotBox, stat: BoxStatistics, color: Color, layout: CategoryPlotLayout, renderer: any Renderer
    ) throws {
        let v = layout.axis.scale
        let center = layout.bands.center(of: index)
        let width = min(layout.bands.bandwidth, 72)
        let ink = color.interpolated(to: .black, fraction: 0.35)
        let fill = color.interpolated(to: .white, fraction: 0.55)
        let vertical = orientation == .vertical
        // Points along the category axis (c) and the value axis (value → pixel).
        func point(_ c: Double, _ value: Double) -> Point {
            vertical ? Point(x: c, y: v(value)) : Point(x: v(value), y: c)
        }
        func line(_ a: Point, _ b: Point, width: Double) {
            renderer.strokeLine(from: a, to: b, width: width, color: ink, antialiased: false)
        }
        let capHalf = width * 0.25
        line(point(center, stat.upperQuartile), point(center, stat.upperWhisker), width: 1)
        line(point(center, stat.lowerQuartile), point(center, stat.lowerWhisker), width: 1)
        line(point(center - capHalf, stat.upperWhisker), point(center + capHalf, stat.upperWhisker), width: 1)
        line(point(center - capHalf, stat.lowerWhisker), point(center + capHalf, stat.lowerWhisker), width: 1)
        let q1 = point(center - width / 2, stat.lowerQuartile), q3 = point(center + width / 2, stat.upperQuartile)
        if let rect = Rect(bounding: [q1, q3]) {
            let body = Rect(x: rect.minX, y: rect.minY, width: max(rect.width, 1), height: max(rect.height, 1))
            renderer.fillRect(body, color: fill)
            renderer.strokeRect(body, width: 1, color: ink)
        }
        line(point(center - width / 2, stat.median), point(center + width / 2, stat.median), width: 2)
        if showsPoints {
            let values = box.values.filter(\.isFinite)
            for (k, value) in values.enumerated() {
                // A fixed low-discrepancy spread (golden-ratio sequence) across 60 % of the box.
                let offset = ((Double(k) * 0.618_033_988_75).truncatingRemainder(dividingBy: 1) - 0.5) * width * 0.6
                renderer.fillCircle(center: point(center + offset, value), radius: 3, color: ink.withAlpha(0.75))
            }
        } else {
            for value in stat.outliers(limit: maxOutliers) {
                renderer.fillCircle(center: point(center, value), radius: 2.5, color: ink.withAlpha(0.6))
            }
        }
        if showsMean {
            let m = point(center, stat.mean), r = 4.0
            renderer.fillPolygon(
                [Point(x: m.x, y: m.y - r), Point(x: m.x + r, y: m.y), Point(x: m.x, y: m.y + r), Point(x: m.x - r, y: m.y)],
                color: theme.background)
            renderer.fillPolygon(
                [Point(x: m.x, y: m.y - r + 1.5), Point(x: m.x + r - 1.5, y: m.y), Point(x: m.x, y: m.y + r - 1.5),
                 Point(x: m.x - r + 1.5, y: m.y)],
                color: ink)
        }
    }
}
