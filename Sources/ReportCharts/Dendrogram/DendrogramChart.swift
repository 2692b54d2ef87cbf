import Foundation

/// A dendrogram of hierarchical clustering: U-shaped links over leaf labels, from a SciPy
/// linkage matrix, with an optional colour threshold that colours each cluster below the
/// cut and greys the links above, and a dashed line at the cut.
///
/// `.vertical` puts the leaves along the bottom and the distance axis on the left (links
/// grow upwards); `.horizontal` puts the leaves down the left side, labels horizontal and
/// right-aligned, distance growing rightwards (better for long names and many leaves).
/// Vertical leaf labels slant or turn as bar labels do, shrink to 7 px for many leaves, and
/// are left out when even that does not fit.
public struct DendrogramChart: Chart {
    /// Title drawn above the chart.
    public var title: String?
    /// SciPy linkage matrix: n − 1 rows `[a, b, distance, count]`.
    public var linkage: [[Double]]
    /// One label per original observation (indexed as in the linkage); `nil` numbers them.
    public var labels: [String]?
    /// Which way the tree grows.
    public var orientation: ChartOrientation
    /// Links merging below this distance are coloured by cluster, the rest grey; `nil` draws
    /// every link in one colour. ``DendrogramGeometry/defaultThreshold(linkage:)`` gives
    /// scipy's default.
    public var colorThreshold: Double?
    /// Whether to draw the threshold as a dashed line with its value.
    public var showsCutLine: Bool
    /// Title of the distance axis.
    public var distanceAxisTitle: String?
    /// Cluster colours.
    public var palette: CategoricalPalette
    /// Leaf labels wider than this are shortened with "…".
    public var maxLabelWidth: Double
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    private static let minimumLabelSize = 7.0

    /// Creates a dendrogram.
    public init(
        title: String?, linkage: [[Double]], labels: [String]? = nil, orientation: ChartOrientation = .vertical,
        colorThreshold: Double? = nil, showsCutLine: Bool = true, distanceAxisTitle: String? = "Distance",
        palette: CategoricalPalette = .okabeIto, maxLabelWidth: Double = 180, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.linkage = linkage
        self.labels = labels
        self.orientation = orientation
        self.colorThreshold = colorThreshold
        self.showsCutLine = showsCutLine
        self.distanceAxisTitle = distanceAxisTitle
        self.palette = palette
        self.maxLabelWidth = maxLabelWidth
        self.theme = theme
    }

    /// Links above the threshold, or all links without one.
    var neutralColor: Color {
        colorThreshold == nil ? theme.titleColor.interpolated(to: .white, fraction: 0.2) : Color(hex: 0x9A9A9A)
    }

    /// 18 pixels per leaf along the leaf axis, 380 along the distance axis, plus labels.
    public var preferredSize: Size {
        let n = Double(linkage.count + 1)
        let charWidth = 0.6 * theme.labelFont.size
        let names = labels ?? (0..<(linkage.count + 1)).map(String.init)
        let longest = min(maxLabelWidth, Double(names.map(\.count).max() ?? 0) * charWidth)
        let header = ChartHeader.estimatedHeight(title: title != nil, note: false, legendRows: 0, theme: theme)
        switch orientation {
        case .vertical:
            let slot = 22.0
            let depth = longest + 6 <= slot ? theme.labelFont.size : (longest + theme.labelFont.size) * 0.7072
            let w = 2 * theme.padding + 70 + n * slot + max(0, longest * 0.7072 - slot / 2)
            return Size(width: max(480, w).rounded(.up), height: (2 * theme.padding + header + 360 + depth + 30).rounded(.up))
        case .horizontal:
            let w = 2 * theme.padding + longest + 8 + 460
            return Size(width: w.rounded(.up), height: max(260, 2 * theme.padding + header + n * 20 + 60).rounded(.up))
        }
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        let geometry = try DendrogramGeometry(linkage: linkage, colorThreshold: colorThreshold)
        let n = geometry.leafCount
        if let labels, labels.count != n {
            throw ChartError.invalidData("\(labels.count) labels for a linkage of \(n) leaves")
        }
        let names = labels ?? (0..<n).map(String.init)
        let top = try ChartHeader(title: title).draw(in: renderer, size: size, theme: theme)
        var theme = self.theme
        var ordered = geometry.leaves.map { names[$0] }
        // Shrink the leaf labels until one line fits each leaf's slot; drop them if not even 7 px does.
        let room = orientation == .vertical ? size.width - 2 * theme.padding - 60 : size.height - top - theme.padding - 50
        let slot = room / Double(n)
        let line = try renderer.fontMetrics(theme.labelFont).lineHeight
        if line * 1.05 > slot {
            let shrunk = theme.labelFont.size * slot / (line * 1.05)
            if shrunk >= Self.minimumLabelSize {
                theme.labelFont = theme.labelFont.withSize(shrunk)
            } else {
                ordered = ordered.map { _ in "" }
            }
        }
        var hi = geometry.maxDistance
        if let t = colorThreshold, showsCutLine { hi = max(hi, t) }
        let layout = try CategoryPlotLayout(
            orientation: orientation, categories: ordered, lo: 0, hi: hi > 0 ? hi : 1, includeZero: true,
            valueAxisTitle: distanceAxisTitle, categoryAxisTitle: nil, tickFormat: nil, maxLabelWidth: maxLabelWidth,
            size: size, top: top, theme: theme, renderer: renderer, bandPadding: (0, 0), what: "dendrogram")
        try layout.drawValueGrid(in: renderer)
        let bands = layout.bands, axis = layout.axis
        // scipy's leaf coordinate 5 + 10 i is the centre of band i.
        func point(_ position: Double, _ height: Double) -> Point {
            let c = bands.rangeStart + bands.step * position / 10
            let v = axis.scale(height)
            return orientation == .vertical ? Point(x: c, y: v) : Point(x: v, y: c)
        }
        let neutral = neutralColor
        // Grey links first, so cluster colours stay continuous where they meet.
        let ordering = geometry.links.filter { $0.cluster == nil } + geometry.links.filter { $0.cluster != nil }
        for link in ordering {
            let points = zip(link.positions, link.heights).map { point($0, $1) }
            let color = link.cluster.map { palette.color(at: $0) } ?? neutral
            renderer.strokePolyline(points, width: 1.5, color: color)
        }
        layout.drawValueLine(at: 0, in: renderer)
        if let t = colorThreshold, showsCutLine {
            let a = point(0, t), b = point(10 * Double(n), t)
            renderer.strokeDashedPolyline([a, b], width: 1.2, color: theme.axisColor, dash: .dashed)
            let tickStep = axis.ticks.count > 1 ? abs(axis.ticks[1] - axis.ticks[0]) : max(t, 1)
            let label = "cut at \(NumberFormat.tick(t, step: tickStep / 10))"
            let at = orientation == .vertical ? Point(x: layout.plot.maxX - 2, y: a.y - 3) : Point(x: a.x + 4, y: layout.plot.minY + 2)
            try renderer.drawText(
                label, at: at, font: theme.tickFont, color: theme.textColor,
                anchor: orientation == .vertical ? TextAnchor(.right, .bottom) : TextAnchor(.left, .top))
        }
        try layout.drawLabelsAndTitles(in: renderer)
    }
}
