/// A numeric axis: a nice domain covering the data, its ticks and their labels.
struct ValueAxis {
    /// Data → pixels, with the domain widened to round numbers.
    var scale: LinearScale
    /// Tick values inside the domain.
    var ticks: [Double]
    /// One label per tick.
    var labels: [String]

    /// An axis over `lo...hi` (widened to include 0 when `includeZero`) drawn from pixel
    /// `start` to `end`, with about one tick per 70 pixels.
    init(lo: Double, hi: Double, includeZero: Bool, start: Double, end: Double, format: (@Sendable (Double) -> String)? = nil) {
        var lo = lo.isFinite ? lo : 0, hi = hi.isFinite ? hi : 1
        if includeZero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        if lo == hi {
            lo -= lo == 0 ? 0 : abs(lo) * 0.5
            hi += hi == 0 ? 1 : abs(hi) * 0.5
        }
        let count = max(2, Int(abs(end - start) / 70))
        let nice = LinearScale(domain: (lo, hi), range: (start, end)).nice(count: count)
        scale = nice
        ticks = nice.ticks(count: count)
        let step = nice.tickStep(count: count) ?? 1
        labels = ticks.map { format?($0) ?? NumberFormat.tick($0, step: step) }
    }

    /// The widest tick label.
    func maxLabelWidth(font: Font, renderer: any Renderer) throws -> Double {
        try labels.map { try renderer.measureText($0, font: font).width }.max() ?? 0
    }
}
