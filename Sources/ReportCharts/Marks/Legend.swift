/// A row of colour swatches with labels, wrapped onto more rows when it is too wide.
public struct Legend: Sendable {
    /// One swatch and its label.
    public struct Entry: Hashable, Sendable {
        /// The text beside the swatch.
        public var label: String
        /// The swatch colour.
        public var color: Color

        /// Creates an entry.
        public init(label: String, color: Color) {
            self.label = label
            self.color = color
        }
    }

    /// The entries, in reading order.
    public var entries: [Entry]
    /// Fonts and ink.
    public var theme: ChartTheme

    private let swatch = 11.0
    private let swatchGap = 5.0
    private let entryGap = 18.0
    private let rowGap = 5.0

    /// Creates a legend.
    public init(entries: [Entry], theme: ChartTheme = .standard) {
        self.entries = entries
        self.theme = theme
    }

    /// Entries grouped into rows no wider than `maxWidth`, each with its width.
    func rows(maxWidth: Double, renderer: any Renderer) throws -> [[(entry: Entry, width: Double)]] {
        var rows: [[(entry: Entry, width: Double)]] = [[]]
        var used = 0.0
        for entry in entries {
            let label = try renderer.truncate(entry.label, font: theme.labelFont, maxWidth: max(20, maxWidth - swatch - swatchGap))
            let width = swatch + swatchGap + (try renderer.measureText(label, font: theme.labelFont).width)
            let needed = (rows[rows.count - 1].isEmpty ? 0 : entryGap) + width
            if used + needed > maxWidth, !rows[rows.count - 1].isEmpty {
                rows.append([])
                used = 0
            }
            used += rows[rows.count - 1].isEmpty ? width : entryGap + width
            rows[rows.count - 1].append((Entry(label: label, color: entry.color), width))
        }
        return rows.filter { !$0.isEmpty }
    }

    /// Height of the legend when wrapped to `maxWidth`; 0 without entries.
    public func height(maxWidth: Double, renderer: any Renderer) throws -> Double {
        let rows = try rows(maxWidth: maxWidth, renderer: renderer)
        guard !rows.isEmpty else { return 0 }
        let line = try renderer.fontMetrics(theme.labelFont).lineHeight
        return Double(rows.count) * line + Double(rows.count - 1) * rowGap
    }

    /// Draws the legend centred in `frame` (which should be `height(maxWidth:)` tall).
    public func draw(in renderer: any Renderer, frame: Rect) throws {
        let line = try renderer.fontMetrics(theme.labelFont).lineHeight
        var y = frame.minY
        for row in try rows(maxWidth: frame.width, renderer: renderer) {
            let total = row.map(\.width).reduce(0, +) + entryGap * Double(row.count - 1)
            var x = frame.midX - total / 2
            for item in row {
                let mid = y + line / 2
                renderer.fillRect(Rect(x: x, y: mid - swatch / 2, width: swatch, height: swatch), color: item.entry.color)
                try renderer.drawText(
                    item.entry.label, at: Point(x: x + swatch + swatchGap, y: mid), font: theme.labelFont,
                    color: theme.textColor, anchor: .left)
                x += item.width + entryGap
            }
            y += line + rowGap
        }
    }
}
