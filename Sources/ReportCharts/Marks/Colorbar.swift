import Foundation

/// A vertical colour bar: a gradient strip with tick marks, tick labels on its right and an
/// optional title rotated along its right side.
public struct Colorbar: Sendable {
    /// The scale whose colours and domain are shown.
    public var scale: ColorScale
    /// Title written along the bar, e.g. "Pearson r".
    public var title: String?
    /// Formats tick labels; `nil` uses ``NumberFormat/tick(_:step:)``.
    public var tickFormat: (@Sendable (Double) -> String)?
    /// Fonts and ink.
    public var theme: ChartTheme
    /// Width of the gradient strip.
    public var barWidth: Double = 14
    /// Length of tick marks.
    public var tickLength: Double = 4

    private let tickGap = 3.0
    private let titleGap = 10.0

    /// Creates a colour bar for `scale`.
    public init(
        scale: ColorScale, title: String? = nil, tickFormat: (@Sendable (Double) -> String)? = nil,
        theme: ChartTheme = .standard
    ) {
        self.scale = scale
        self.title = title
        self.tickFormat = tickFormat
        self.theme = theme
    }

    /// Tick values and labels for a bar `height` pixels tall: about one per 40 pixels, 3 to 6.
    public func ticks(height: Double) -> [(value: Double, label: String)] {
        let lo = scale.lowerBound, hi = scale.upperBound
        let format = tickFormat
        guard hi > lo else { return [(lo, format?(lo) ?? NumberFormat.tick(lo, step: max(abs(lo), 1)))] }
        let count = min(6, max(3, Int(height / 40)))
        let step = NiceTicks.tickStep(lo, hi, count: count) ?? (hi - lo)
        return NiceTicks.ticks(lo, hi, count: count).map { ($0, format?($0) ?? NumberFormat.tick($0, step: step)) }
    }

    /// The total width the bar, its tick labels and title take for a bar `height` tall.
    public func width(height: Double, renderer: any Renderer) throws -> Double {
        var widest = 0.0
        for tick in ticks(height: height) {
            widest = max(widest, try renderer.measureText(tick.label, font: theme.tickFont).width)
        }
        var total = barWidth + tickLength + tickGap + widest
        if title != nil {
            total += titleGap + (try renderer.fontMetrics(theme.labelFont).lineHeight)
        }
        return total
    }

    /// Draws the bar with its gradient strip filling `strip` (labels and title go to its right).
    public func draw(in renderer: any Renderer, strip: Rect) throws {
        let slices = max(1, Int(strip.height.rounded(.up)))
        let lo = scale.lowerBound, hi = scale.upperBound
        let value = LinearScale(domain: (lo, hi), range: (strip.maxY, strip.minY))
        for i in 0..<slices {
            let y0 = strip.minY + strip.height * Double(i) / Double(slices)
            let y1 = strip.minY + strip.height * Double(i + 1) / Double(slices)
            let color = scale.color(for: value.invert((y0 + y1) / 2)) ?? theme.background
            renderer.fillRect(Rect(x: strip.minX, y: y0, width: strip.width, height: y1 - y0), color: color)
        }
        var labelsRight = strip.maxX + tickLength + tickGap
        for tick in ticks(height: strip.height) {
            let y = hi > lo ? value(tick.value) : strip.midY
            renderer.strokeLine(
                from: Point(x: strip.maxX, y: y), to: Point(x: strip.maxX + tickLength, y: y),
                width: 1, color: theme.axisColor, antialiased: false)
            let at = Point(x: strip.maxX + tickLength + tickGap, y: y)
            try renderer.drawText(tick.label, at: at, font: theme.tickFont, color: theme.textColor, anchor: .left)
            labelsRight = max(labelsRight, at.x + (try renderer.measureText(tick.label, font: theme.tickFont).width))
        }
        if let title {
            // Rotated 90°, the top of the text box faces left, towards the tick labels.
            try renderer.drawText(
                title, at: Point(x: labelsRight + titleGap, y: strip.midY), font: theme.labelFont,
                color: theme.textColor, anchor: .top, angle: 90)
        }
    }
}
