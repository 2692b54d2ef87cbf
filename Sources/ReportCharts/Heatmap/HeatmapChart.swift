import Foundation

/// A matrix of coloured cells with row and column labels, optional value annotations and a
/// colour bar: correlation matrices, confusion matrices, cluster × class tables.
///
/// Layout measures every label first: column labels stay horizontal when they fit their
/// cell, otherwise turn 45° and then 90°; labels longer than `maxLabelWidth` are shortened
/// with "…"; cells are square and as large as the canvas allows. Cell text is light where
/// light ink reaches a 3:1 contrast ratio with the cell, dark elsewhere.
public struct HeatmapChart: Chart {
    /// Title drawn above the matrix.
    public var title: String?
    /// One label per row, top to bottom.
    public var rowLabels: [String]
    /// One label per column, left to right.
    public var columnLabels: [String]
    /// Values by row then column; NaN leaves a cell empty.
    public var values: [[Double]]
    /// How values map to colours.
    public var colorScale: ColorScale
    /// Whether to write each value in its cell (skipped when cells are too small to read).
    public var annotate: Bool
    /// Formats cell values; the default gives two decimals with a typographic minus.
    public var valueFormat: @Sendable (Double) -> String
    /// Title along the colour bar, e.g. "Pearson r".
    public var colorbarTitle: String?
    /// Formats the colour bar's tick labels; `nil` gives as many decimals as the tick step needs.
    public var colorbarTickFormat: (@Sendable (Double) -> String)?
    /// Title for the rows, written vertically on the left, e.g. "True genre".
    public var rowAxisTitle: String?
    /// Title for the columns, written under the column labels, e.g. "Predicted genre".
    public var columnAxisTitle: String?
    /// Whether to draw the colour bar.
    public var showsColorbar: Bool
    /// White gap between neighbouring cells, in logical pixels (dropped for tiny cells).
    public var cellSpacing: Double
    /// Labels wider than this (logical pixels) are shortened with "…".
    public var maxLabelWidth: Double
    /// Fonts, ink and padding.
    public var theme: ChartTheme

    /// Creates a heatmap of `values` (rows × columns; NaN = empty cell).
    public init(
        title: String?,
        rowLabels: [String],
        columnLabels: [String],
        values: [[Double]],
        colorScale: ColorScale,
        annotate: Bool = true,
        valueFormat: @escaping @Sendable (Double) -> String = { NumberFormat.fixed($0, 2) },
        colorbarTitle: String? = nil,
        colorbarTickFormat: (@Sendable (Double) -> String)? = nil,
        rowAxisTitle: String? = nil,
        columnAxisTitle: String? = nil,
        showsColorbar: Bool = true,
        cellSpacing: Double = 1,
        maxLabelWidth: Double = 220,
        theme: ChartTheme = .standard
    ) {
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.colorScale = colorScale
        self.annotate = annotate
        self.valueFormat = valueFormat
        self.colorbarTitle = colorbarTitle
        self.colorbarTickFormat = colorbarTickFormat
        self.rowAxisTitle = rowAxisTitle
        self.columnAxisTitle = columnAxisTitle
        self.showsColorbar = showsColorbar
        self.cellSpacing = cellSpacing
        self.maxLabelWidth = maxLabelWidth
        self.theme = theme
    }

    /// Square cells of 36–72 pixels (16–48 without annotations), sized so the matrix is about
    /// 600 pixels across, plus room for labels estimated at 0.6 × font size per character.
    public var preferredSize: Size {
        let rows = max(1, rowLabels.count), columns = max(1, columnLabels.count)
        let n = Double(max(rows, columns))
        let cell = (annotate ? min(72, max(36, 600 / n)) : min(48, max(16, 480 / n))).rounded()
        let charWidth = 0.6 * theme.labelFont.size
        func width(_ label: String) -> Double { min(maxLabelWidth, Double(label.count) * charWidth) }
        let rowWidth = rowLabels.map(width).max() ?? 0
        let columnWidth = columnLabels.map(width).max() ?? 0
        let lineHeight = FontMetrics.approximate(size: theme.labelFont.size).lineHeight
        let columnDepth: Double
        if columnWidth + 6 <= cell {
            columnDepth = lineHeight
        } else {
            columnDepth = (columnWidth + lineHeight) * 0.7072
        }
        // The first rotated column label hangs left of the matrix.
        let overhang = columnWidth + 6 > cell ? max(0, columnWidth * 0.7072 - cell / 2) : 0
        let left = max(rowWidth + 8 + (rowAxisTitle == nil ? 0 : lineHeight + 8), overhang)
        let colorbar = showsColorbar ? 18 + 14 + 7 + 6 * 0.6 * theme.tickFont.size + (colorbarTitle == nil ? 0 : 10 + lineHeight) : 0
        let titleHeight = title == nil ? 0 : theme.titleFont.size * 1.2 + 12
        let axisTitle = columnAxisTitle == nil ? 0 : lineHeight + 8
        let w = 2 * theme.padding + left + Double(columns) * cell + colorbar
        let h = 2 * theme.padding + titleHeight + Double(rows) * cell + 6 + columnDepth + axisTitle
        return Size(width: w.rounded(.up), height: h.rounded(.up))
    }

    public func draw(in renderer: any Renderer, size: Size) throws {
        try validate()
        let layout = try HeatmapLayout(chart: self, renderer: renderer, size: size)
        try drawCells(layout, renderer)
        try drawLabels(layout, renderer)
        if showsColorbar {
            try colorbar.draw(in: renderer, strip: layout.colorbarStrip)
        }
    }

    /// The colour bar this chart draws.
    var colorbar: Colorbar {
        Colorbar(scale: colorScale, title: colorbarTitle, tickFormat: colorbarTickFormat, theme: theme)
    }

    private func validate() throws {
        guard !rowLabels.isEmpty, !columnLabels.isEmpty else {
            throw ChartError.invalidData("a heatmap needs at least one row and one column")
        }
        guard values.count == rowLabels.count else {
            throw ChartError.invalidData("\(values.count) rows of values for \(rowLabels.count) row labels")
        }
        for (i, row) in values.enumerated() where row.count != columnLabels.count {
            throw ChartError.invalidData("row \(i) has \(row.count) values for \(columnLabels.count) column labels")
        }
    }

    private func drawCells(_ layout: HeatmapLayout, _ renderer: any Renderer) throws {
        let gap = layout.cell >= 12 ? cellSpacing : 0
        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() {
                guard let color = colorScale.color(for: value) else { continue }
                let rect = layout.cellRect(row: r, column: c)
                renderer.fillRect(Rect(x: rect.minX, y: rect.minY, width: rect.width - gap, height: rect.height - gap), color: color)
                guard let font = layout.annotationFont else { continue }
                // Light ink reads better on saturated mid-tones than WCAG's strict maximum suggests,
                // so it wins wherever it reaches 3:1 contrast.
                let ink = color.contrastRatio(with: theme.lightInk) >= 3 ? theme.lightInk : theme.darkInk
                let center = Point(x: rect.midX - gap / 2, y: rect.midY - gap / 2)
                try renderer.drawText(valueFormat(value), at: center, font: font, color: ink, anchor: .center)
            }
        }
    }

    private func drawLabels(_ layout: HeatmapLayout, _ renderer: any Renderer) throws {
        if let title = layout.title {
            try renderer.drawText(
                title.text, at: title.point, font: theme.titleFont, color: theme.titleColor, anchor: title.anchor)
        }
        for label in layout.rowLabels {
            try renderer.drawText(
                label.text, at: label.point, font: layout.rowFont, color: theme.textColor, anchor: label.anchor)
        }
        for label in layout.columnLabels {
            try renderer.drawText(
                label.text, at: label.point, font: layout.columnFont, color: theme.textColor,
                anchor: label.anchor, angle: layout.columnAngle)
        }
        if let t = layout.rowAxisTitle {
            try renderer.drawText(
                t.text, at: t.point, font: theme.axisTitleFont, color: theme.titleColor, anchor: t.anchor, angle: 90)
        }
        if let t = layout.columnAxisTitle {
            try renderer.drawText(
                t.text, at: t.point, font: theme.axisTitleFont, color: theme.titleColor, anchor: t.anchor)
        }
    }
}
