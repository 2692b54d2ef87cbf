/// The block at the top of a figure: a centred title, an optional note under it in small
/// type (e.g. "5 000 of 120 000 points shown") and a legend wrapped into centred rows.
struct ChartHeader {
    /// Bold title, shortened with "…" when wider than the canvas.
    var title: String?
    /// A line of secondary text under the title.
    var note: String?
    /// A legend drawn in rows under the title; `nil` for none.
    var legend: Legend?

    /// Space between the header's parts and between the header and the plot.
    static let gap = 10.0
    private static let noteGap = 3.0

    /// Draws the header across a canvas of `size` inside the theme's padding and returns the
    /// y at which the rest of the figure starts.
    func draw(in renderer: any Renderer, size: Size, theme: ChartTheme) throws -> Double {
        let pad = theme.padding
        var top = pad
        if let title {
            let fitted = try renderer.truncate(title, font: theme.titleFont, maxWidth: size.width - 2 * pad)
            try renderer.drawText(
                fitted, at: Point(x: size.width / 2, y: top), font: theme.titleFont, color: theme.titleColor,
                anchor: .top)
            top += try renderer.fontMetrics(theme.titleFont).lineHeight
            if note == nil { top += Self.gap }
        }
        if let note {
            if title != nil { top += Self.noteGap }
            let fitted = try renderer.truncate(note, font: theme.tickFont, maxWidth: size.width - 2 * pad)
            try renderer.drawText(
                fitted, at: Point(x: size.width / 2, y: top), font: theme.tickFont, color: theme.textColor, anchor: .top)
            top += try renderer.fontMetrics(theme.tickFont).lineHeight + Self.gap
        }
        if let legend, !legend.entries.isEmpty {
            let height = try legend.height(maxWidth: size.width - 2 * pad, renderer: renderer)
            try legend.draw(in: renderer, frame: Rect(x: pad, y: top, width: size.width - 2 * pad, height: height))
            top += height + Self.gap
        }
        return top
    }

    /// An estimate of the header's height without a renderer, for preferred sizes: one
    /// title line, one note line and `legendRows` rows of legend.
    static func estimatedHeight(title: Bool, note: Bool, legendRows: Int, theme: ChartTheme) -> Double {
        var h = 0.0
        if title { h += theme.titleFont.size * 1.2 + gap }
        if note { h += theme.tickFont.size * 1.2 + noteGap }
        if legendRows > 0 { h += Double(legendRows) * theme.labelFont.size * 1.2 + Double(legendRows - 1) * 5 + gap }
        return h
    }

    /// About how many rows a legend of `labels` takes in `width` pixels (0.6 × font size per
    /// character), for preferred sizes.
    static func estimatedLegendRows(_ labels: [String], width: Double, theme: ChartTheme) -> Int {
        guard !labels.isEmpty else { return 0 }
        let charWidth = 0.6 * theme.labelFont.size
        var rows = 1, used = 0.0
        for label in labels {
            let w = 16 + Double(label.count) * charWidth
            if used > 0, used + 18 + w > width {
                rows += 1
                used = w
            } else {
                used += (used > 0 ? 18 : 0) + w
            }
        }
        return rows
    }
}
