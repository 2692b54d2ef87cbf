import Foundation

/// Points coloured by class with transparency, on nice axes with titles; large data is
/// down-sampled deterministically to `maxPoints` (each class keeps its share), and the
/// chart says so under its title.
///
/// Axes cover all the data, not just the sample, and classes are drawn interleaved (by
/// position in their own series) so no class hides under the last one drawn.
public struct ScatterChart: Chart {
    /// Title drawn above the chart.
    public var title: String?
    /// One series per class.
    public var series: [ScatterSeries]
    /// Title of the x axis.
    public var xAxisTitle: String?
    /// Title of the y axis.
    public var yAxisTitle: String?
    /// Points drawn at most, over all series.
    public var maxPoints: Int
    /// Seed of the down-sampling; the same seed picks the same points.
    public var seed: UInt64
    /// Radius of a point in logical pixels.
    public var pointRadius: Double
    /// Opacity of a point, so dense regions read darker.
    public var opacity: Double
    /// Formats x tick labels; `nil` uses the tick step's precision.
    public var xTickFormat: (@Sendable (Double) -> String)?
    /// Formats y tick labels; `nil` uses the tick step's precision.
    public var yTickFormat: (@Sendable (Double) -> String)?
    /// Colours for series without their own; `nil` uses ``CategoricalPalette/standard(count:)``.
    public var palette: CategoricalPalette?
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    /// Creates a scatter chart.
    public init(
        title: String?, series: [ScatterSeries], xAxisTitle: String? = nil, yAxisTitle: String? = nil,
        maxPoints: Int = 5000, seed: UInt64 = 0, pointRadius: Double = 2.5, opacity: Double = 0.55,
        xTickFormat: (@Sendable (Double) -> String)? = nil, yTickFormat: (@Sendable (Double) -> String)? = nil,
        palette: CategoricalPalette? = nil, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.series = series
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.maxPoints = maxPoints
        self.seed = seed
        self.pointRadius = pointRadius
        self.opacity = opacity
        self.xTickFormat = xTickFormat
        self.yTickFormat = yTickFormat
        self.palette = palette
        self.theme = theme
    }

    /// 640 × 480 plus the legend.
    public var preferredSize: Size {
        let legendRows = series.count > 1 ? ChartHeader.estimatedLegendRows(series.map(\.name), width: 612, theme: theme) : 0
        let header = ChartHeader.estimatedHeight(title: title != nil, note: true, legendRows: legendRows, theme: theme)
        return Size(width: 640, height: (2 * theme.padding + header + 440).rounded(.up))
    }

    /// The colour of series `index`.
    func color(ofSeries index: Int) -> Color {
        series[index].color ?? (palette ?? .standard(count: series.count)).color(at: index)
    }

    /// The indices of the points drawn from each series: all finite pairs when there are at
    /// most `maxPoints`, otherwise a seeded random sample that keeps each series' share, plus
    /// the points at the extremes of both axes (so the axes, which cover all the data, are
    /// not stretched by points that are not shown). Ascending within each series.
    public func sampledIndices() -> [[Int]] {
        let finite = series.map { s in s.x.indices.filter { s.x[$0].isFinite && s.y[$0].isFinite } }
        guard finite.map(\.count).reduce(0, +) > maxPoints else { return finite }
        var extremes = [(series: Int, index: Int)]()
        for (keyPath, sign) in [(\ScatterSeries.x, 1.0), (\ScatterSeries.x, -1.0), (\ScatterSeries.y, 1.0), (\ScatterSeries.y, -1.0)] {
            var best: (series: Int, index: Int, value: Double)?
            for (k, indices) in finite.enumerated() {
                let values = series[k][keyPath: keyPath]
                for i in indices {
                    if let b = best, sign * values[i] <= sign * b.value { continue }
                    best = (k, i, values[i])
                }
            }
            if let best, !extremes.contains(where: { $0 == (best.series, best.index) }) { extremes.append((best.series, best.index)) }
        }
        let budget = max(0, maxPoints - extremes.count)
        let quotas = PointSampling.quotas(sizes: finite.map(\.count), total: budget)
        return finite.indices.map { k in
            // One seed per series, so adding a class does not reshuffle the others.
            let picks = PointSampling.indices(count: finite[k].count, keep: quotas[k], seed: seed &+ UInt64(k) &* 0x9E37_79B9)
            var chosen = Set(picks.map { finite[k][$0] })
            for e in extremes where e.series == k { chosen.insert(e.index) }
            return chosen.sorted()
        }
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        for s in series where s.x.count != s.y.count {
            throw ChartError.invalidData("series \"\(s.name)\" has \(s.x.count) x values and \(s.y.count) y values")
        }
        guard !series.isEmpty else { throw ChartError.invalidData("a scatter chart needs at least one series") }
        let picked = sampledIndices()
        let shown = picked.map(\.count).reduce(0, +)
        let total = series.map { s in zip(s.x, s.y).filter { $0.isFinite && $1.isFinite }.count }.reduce(0, +)
        let note = shown < total
            ? "\(NumberFormat.tick(Double(shown), step: 1)) of \(NumberFormat.tick(Double(total), step: 1)) points shown (random sample)"
            : nil
        let legend = series.count > 1
            ? Legend(entries: series.indices.map { Legend.Entry(label: series[$0].name, color: color(ofSeries: $0), marker: .point) }, theme: theme)
            : nil
        let top = try ChartHeader(title: title, note: note, legend: legend).draw(in: renderer, size: size, theme: theme)

        var xLo = Double.infinity, xHi = -Double.infinity, yLo = Double.infinity, yHi = -Double.infinity
        for s in series {
            for (x, y) in zip(s.x, s.y) where x.isFinite && y.isFinite {
                xLo = min(xLo, x); xHi = max(xHi, x); yLo = min(yLo, y); yHi = max(yHi, y)
            }
        }
        if !xLo.isFinite { (xLo, xHi, yLo, yHi) = (0, 1, 0, 1) }
        let pad = theme.padding
        let frame = try CartesianPlot(
            area: Rect(x: pad, y: top, width: size.width - 2 * pad, height: size.height - pad - top),
            x: .init(lo: xLo, hi: xHi, title: xAxisTitle, format: xTickFormat),
            y: .init(lo: yLo, hi: yHi, title: yAxisTitle, format: yTickFormat),
            renderer: renderer, theme: theme)
        try frame.drawGrid(in: renderer)

        // Interleave the classes by relative position in their series.
        var order = [(key: Double, series: Int, index: Int)]()
        order.reserveCapacity(shown)
        for (k, indices) in picked.enumerated() {
            let n = Double(max(1, indices.count))
            for (j, i) in indices.enumerated() { order.append(((Double(j) + 0.5) / n, k, i)) }
        }
        order.sort { ($0.key, $0.series) < ($1.key, $1.series) }
        let colors = series.indices.map { color(ofSeries: $0).withAlpha(opacity) }
        let x = frame.x.scale, y = frame.y.scale
        renderer.setClip(frame.plot)
        for item in order {
            let s = series[item.series]
            renderer.fillCircle(center: Point(x: x(s.x[item.index]), y: y(s.y[item.index])), radius: pointRadius, color: colors[item.series])
        }
        renderer.setClip(nil)
        frame.drawAxisLines(in: renderer)
        try frame.drawTitles(in: renderer)
    }
}
