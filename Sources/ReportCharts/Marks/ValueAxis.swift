/// A numeric axis: a domain covering the data (widened to round numbers unless told
/// otherwise), its ticks and their labels.
struct ValueAxis {
    /// Data → pixels.
    var scale: LinearScale
    /// Tick values inside the domain.
    var ticks: [Double]
    /// One label per tick.
    var labels: [String]

    /// An axis over `lo...hi` (widened to include 0 when `includeZero`) drawn from pixel
    /// `start` to `end`, with `count` ticks or about one per 70 pixels.
    ///
    /// With `nice` (the default) the domain is widened to the tick step, as d3's
    /// `linear.nice()`; without it the domain is exactly `lo...hi` and ticks fall inside.
    init(
        lo: Double, hi: Double, includeZero: Bool, start: Double, end: Double,
        format: (@Sendable (Double) -> String)? = nil, nice: Bool = true, count: Int? = nil
    ) {
        var lo = lo.isFinite ? lo : 0, hi = hi.isFinite ? hi : 1
        if includeZero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        if lo == hi {
            lo -= lo == 0 ? 0 : abs(lo) * 0.5
            hi += hi == 0 ? 1 : abs(hi) * 0.5
        }
        let count = count ?? max(2, Int(abs(end - start) / 70))
        let linear = LinearScale(domain: (lo, hi), range: (start, end))
        let scale = nice ? linear.nice(count: count) : linear
        self.scale = scale
        ticks = scale.ticks(count: count)
        let step = scale.tickStep(count: count) ?? 1
        labels = ticks.map { format?($0) ?? NumberFormat.tick($0, step: step) }
    }

    /// A horizontal axis with as many ticks as fit (up to one per 70 pixels) while
    /// neighbouring labels in `font` keep at least `minGap` pixels apart.
    static func horizontal(
        lo: Double, hi: Double, includeZero: Bool, start: Double, end: Double,
        format: (@Sendable (Double) -> String)?, nice: Bool, font: Font, renderer: any Renderer, minGap: Double = 10
    ) throws -> ValueAxis {
        var count = max(2, Int(abs(end - start) / 70))
        while true {
            let axis = ValueAxis(
                lo: lo, hi: hi, includeZero: includeZero, start: start, end: end, format: format, nice: nice, count: count)
            let widths = try axis.labels.map { try renderer.measureText($0, font: font).width }
            let positions = axis.ticks.map { axis.scale($0) }
            var clear = true
            for i in positions.indices.dropFirst() where positions[i] - widths[i] / 2 - (positions[i - 1] + widths[i - 1] / 2) < minGap {
                clear = false
            }
            if clear || count <= 1 { return axis }
            count -= 1
        }
    }

    /// The widest tick label.
    func maxLabelWidth(font: Font, renderer: any Renderer) throws -> Double {
        try labels.map { try renderer.measureText($0, font: font).width }.max() ?? 0
    }
}
