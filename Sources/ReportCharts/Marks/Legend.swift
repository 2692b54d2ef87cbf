/// Colour keys with labels: centred rows wrapped to a width (above a plot), or one entry per
/// line (beside a plot).
public struct Legend: Sendable {
    /// How an entry's key is drawn.
    public enum Marker: Hashable, Sendable {
        /// A filled square: bars, areas.
        case swatch
        /// A short solid line: curves.
        case line
        /// A short dashed line: reference lines.
        case dashedLine
        /// A dot: scatter points.
        case point
    }

    /// One key and its label.
    public struct Entry: Hashable, Sendable {
        /// The text beside the key.
        public var label: String
        /// The key's colour.
        public var color: Color
        /// The key's shape.
        public var marker: Marker

        /// Creates an entry; the key is a square swatch unless `marker` says otherwise.
        public init(label: String, color: Color, marker: Marker = .swatch) {
            self.label = label
            self.color = color
            self.marker = marker
        }
    }

    /// The entries, in reading order.
    public var entries: [Entry]
    /// Fonts and ink.
    public var theme: ChartTheme

    private let swatch = 11.0
    private let lineKey = 20.0
    private let swatchGap = 5.0
    private let entryGap = 18.0
    private let rowGap = 5.0

    /// Creates a legend.
    public init(entries: [Entry], theme: ChartTheme = .standard) {
        self.entries = entries
        self.theme = theme
    }

    private func keyWidth(_ marker: Marker) -> Double {
        switch marker {
        case .swatch, .point: return swatch
        case .line, .dashedLine: return lineKey
        }
    }

    /// Entries grouped into rows no wider than `maxWidth`, each with its width.
    func rows(maxWidth: Double, renderer: any Renderer) throws -> [[(entry: Entry, width: Double)]] {
        var rows: [[(entry: Entry, width: Double)]] = [[]]
        var used = 0.0
        for entry in entries {
            let key = keyWidth(entry.marker) + swatchGap
            let label = try renderer.truncate(entry.label, font: theme.labelFont, maxWidth: max(20, maxWidth - key))
            let width = key + (try renderer.measureText(label, font: theme.labelFont).width)
            let needed = (rows[rows.count - 1].isEmpty ? 0 : entryGap) + width
            if used + needed > maxWidth, !rows[rows.count - 1].isEmpty {
                rows.append([])
                used = 0
            }
            used += rows[rows.count - 1].isEmpty ? width : entryGap + width
            rows[rows.count - 1].append((Entry(label: label, color: entry.color, marker: entry.marker), width))
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
                try drawEntry(item.entry, x: x, middle: y + line / 2, renderer: renderer)
                x += item.width + entryGap
            }
            y += line + rowGap
        }
    }

    /// Width and height of the legend set one entry per line, labels shortened to fit
    /// `maxWidth`.
    public func columnSize(maxWidth: Double, renderer: any Renderer) throws -> Size {
        guard !entries.isEmpty else { return .zero }
        let lines = try columnLines(maxWidth: maxWidth, renderer: renderer)
        let line = try renderer.fontMetrics(theme.labelFont).lineHeight
        let width = lines.map(\.width).max() ?? 0
        return Size(width: width, height: Double(lines.count) * line + Double(lines.count - 1) * rowGap)
    }

    /// Draws the legend one entry per line from the top-left of `frame` (labels shortened to
    /// its width).
    public func drawColumn(in renderer: any Renderer, frame: Rect) throws {
        let line = try renderer.fontMetrics(theme.labelFont).lineHeight
        var y = frame.minY
        for item in try columnLines(maxWidth: frame.width, renderer: renderer) {
            try drawEntry(item.entry, x: frame.minX, middle: y + line / 2, renderer: renderer)
            y += line + rowGap
        }
    }

    private func columnLines(maxWidth: Double, renderer: any Renderer) throws -> [(entry: Entry, width: Double)] {
        try entries.map { entry in
            let key = keyWidth(entry.marker) + swatchGap
            let label = try renderer.truncate(entry.label, font: theme.labelFont, maxWidth: max(20, maxWidth - key))
            let width = key + (try renderer.measureText(label, font: theme.labelFont).width)
            return (Entry(label: label, color: entry.color, marker: entry.marker), width)
        }
    }

    private func drawEntry(_ entry: Entry, x: Double, middle: Double, renderer: any Renderer) throws {
        let key = keyWidth(entry.marker)
        switch entry.marker {
        case .swatch:
            renderer.fillRect(Rect(x: x, y: middle - swatch / 2, width: swatch, height: swatch), color: entry.color)
        case .line:
            renderer.strokePolyline(
                [Point(x: x, y: middle), Point(x: x + key, y: middle)], width: 2, color: entry.color)
        case .dashedLine:
            renderer.strokeDashedPolyline(
                [Point(x: x, y: middle), Point(x: x + key, y: middle)], width: 1.5, color: entry.color,
                dash: LineDash(on: 4, off: 3))
        case .point:
            renderer.fillCircle(center: Point(x: x + swatch / 2, y: middle), radius: 4, color: entry.color)
        }
        try renderer.drawText(
            entry.label, at: Point(x: x + key + swatchGap, y: middle), font: theme.labelFont,
            color: theme.textColor, anchor: .left)
    }
}
