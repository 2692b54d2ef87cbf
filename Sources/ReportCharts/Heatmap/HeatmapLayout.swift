import Foundation

/// Where every part of a ``HeatmapChart`` goes on a canvas: computed from measured text
/// before anything is drawn.
struct HeatmapLayout {
    /// A label with its anchor point.
    struct Label {
        var text: String
        var point: Point
        var anchor: TextAnchor
    }

    /// Side of a (square) cell, a whole number of pixels so cells tile without seams.
    var cell: Double
    /// Top-left corner of the cell matrix, on whole pixels.
    var matrixOrigin: Point
    var rows: Int
    var columns: Int
    var title: Label?
    var rowLabels: [Label]
    var columnLabels: [Label]
    var rowFont: Font
    var columnFont: Font
    /// Rotation of the column labels in degrees: 0, 45 or 90.
    var columnAngle: Double
    /// Font for the cell values, or `nil` when they are not drawn.
    var annotationFont: Font?
    var colorbarStrip: Rect
    var rowAxisTitle: Label?
    var columnAxisTitle: Label?

    /// The square of cell (`row`, `column`), gap included.
    func cellRect(row: Int, column: Int) -> Rect {
        Rect(x: matrixOrigin.x + Double(column) * cell, y: matrixOrigin.y + Double(row) * cell, width: cell, height: cell)
    }

    /// The whole matrix.
    var matrixRect: Rect {
        Rect(x: matrixOrigin.x, y: matrixOrigin.y, width: Double(columns) * cell, height: Double(rows) * cell)
    }

    private static let labelGap = 6.0
    private static let axisTitleGap = 8.0
    private static let titleGap = 12.0
    private static let colorbarGap = 18.0
    private static let minimumLabelSize = 7.0

    init(chart: HeatmapChart, renderer: any Renderer, size: Size) throws {
        let theme = chart.theme
        let pad = theme.padding
        rows = chart.rowLabels.count
        columns = chart.columnLabels.count

        var rowFont = theme.labelFont
        var columnFont = theme.labelFont
        var rowTexts = try chart.rowLabels.map { try renderer.truncate($0, font: rowFont, maxWidth: chart.maxLabelWidth) }
        var columnTexts = try chart.columnLabels.map { try renderer.truncate($0, font: columnFont, maxWidth: chart.maxLabelWidth) }

        let titleBlock = chart.title == nil ? 0 : try renderer.fontMetrics(theme.titleFont).lineHeight + Self.titleGap
        let axisLine = try renderer.fontMetrics(theme.axisTitleFont).lineHeight
        let rowAxisBlock = chart.rowAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
        let columnAxisBlock = chart.columnAxisTitle == nil ? 0 : axisLine + Self.axisTitleGap
        let colorbar = chart.colorbar

        // Cell size depends on how much room the labels take, and the labels' rotation and
        // size depend on the cell size: settle both in a few rounds.
        var cell = 0.0, angle = 0.0, columnDepth = 0.0, leftSpace = 0.0, colorbarBlock = 0.0
        for _ in 0..<4 {
            let rowWidth = try rowTexts.map { try renderer.measureText($0, font: rowFont).width }.max() ?? 0
            let columnWidths = try columnTexts.map { try renderer.measureText($0, font: columnFont).width }
            let columnMetrics = try renderer.fontMetrics(columnFont)
            let leftOfMatrix = rowAxisBlock + rowWidth + Self.labelGap
            var chosen: (cell: Double, angle: Double, depth: Double, left: Double, colorbar: Double)?
            for candidate in CategoryLabels.angles {
                let depth = CategoryLabels.depth(widths: columnWidths, metrics: columnMetrics, angle: candidate)
                let availableHeight = size.height - 2 * pad - titleBlock - Self.labelGap - depth - columnAxisBlock
                var left = leftOfMatrix
                var fitted = 0.0, barBlock = 0.0
                for _ in 0..<3 {
                    barBlock = chart.showsColorbar
                        ? Self.colorbarGap + (try colorbar.width(height: max(fitted * Double(rows), 100), renderer: renderer)) : 0
                    let availableWidth = size.width - 2 * pad - left - barBlock
                    fitted = max(0, min(availableWidth / Double(columns), availableHeight / Double(rows)).rounded(.down))
                    let overhang = CategoryLabels.leftOverhang(widths: columnWidths, metrics: columnMetrics, angle: candidate, step: fitted)
                    if overhang <= left { break }
                    left = overhang
                }
                let fits = CategoryLabels.fit(widths: columnWidths, metrics: columnMetrics, angle: candidate, step: fitted)
                chosen = (fitted, candidate, depth, left, barBlock)
                if fits { break }
            }
            guard let chosen else { break }
            (cell, angle, columnDepth, leftSpace, colorbarBlock) = chosen

            // Labels taller than a cell would collide with their neighbours: shrink them.
            let rowLine = try renderer.fontMetrics(rowFont).lineHeight
            let columnLine = columnMetrics.lineHeight
            var changed = false
            if cell > 0, rowLine * 1.05 > cell, rowFont.size > Self.minimumLabelSize {
                rowFont = rowFont.withSize(max(Self.minimumLabelSize, rowFont.size * cell / (rowLine * 1.05)))
                changed = true
            }
            if cell > 0, columnLine * 1.05 > cell, columnFont.size > Self.minimumLabelSize {
                columnFont = columnFont.withSize(max(Self.minimumLabelSize, columnFont.size * cell / (columnLine * 1.05)))
                changed = true
            }
            if !changed { break }
            rowTexts = try chart.rowLabels.map { try renderer.truncate($0, font: rowFont, maxWidth: chart.maxLabelWidth) }
            columnTexts = try chart.columnLabels.map { try renderer.truncate($0, font: columnFont, maxWidth: chart.maxLabelWidth) }
        }
        guard cell >= 2 else {
            throw ChartError.canvasTooSmall(
                width: size.width, height: size.height,
                reason: "no room for \(rows)×\(columns) heatmap cells beside the labels")
        }
        self.cell = cell
        self.rowFont = rowFont
        self.columnFont = columnFont
        self.columnAngle = angle

        // Centre the composition in whatever room is left over.
        let matrixWidth = Double(columns) * cell, matrixHeight = Double(rows) * cell
        let compositionWidth = leftSpace + matrixWidth + colorbarBlock
        let compositionHeight = titleBlock + matrixHeight + Self.labelGap + columnDepth + columnAxisBlock
        let x0 = (pad + leftSpace + max(0, (size.width - 2 * pad - compositionWidth) / 2)).rounded()
        let y0 = (pad + titleBlock + max(0, (size.height - 2 * pad - compositionHeight) / 2)).rounded()
        matrixOrigin = Point(x: x0, y: y0)
        let matrix = Rect(x: x0, y: y0, width: matrixWidth, height: matrixHeight)

        // Title: centred over the matrix, pulled back inside the canvas if it is wider.
        if let text = chart.title {
            let fitted = try renderer.truncate(text, font: theme.titleFont, maxWidth: size.width - 2 * pad)
            let width = try renderer.measureText(fitted, font: theme.titleFont).width
            let center = min(max(matrix.midX, pad + width / 2), size.width - pad - width / 2)
            title = Label(text: fitted, point: Point(x: center, y: matrix.minY - Self.titleGap), anchor: .bottom)
        }

        rowLabels = rowTexts.enumerated().map { i, text in
            Label(text: text, point: Point(x: matrix.minX - Self.labelGap, y: matrix.minY + (Double(i) + 0.5) * cell), anchor: .right)
        }

        let columnMetrics = try renderer.fontMetrics(columnFont)
        let columnAnchor = CategoryLabels.anchor(angle: angle)
        let labelTop = CategoryLabels.anchorY(top: matrix.maxY + Self.labelGap, metrics: columnMetrics, angle: angle)
        columnLabels = columnTexts.enumerated().map { j, text in
            Label(text: text, point: Point(x: matrix.minX + (Double(j) + 0.5) * cell, y: labelTop), anchor: columnAnchor)
        }

        colorbarStrip = Rect(x: matrix.maxX + Self.colorbarGap, y: matrix.minY, width: colorbar.barWidth, height: matrixHeight)

        if let text = chart.rowAxisTitle {
            let rowWidth = try rowTexts.map { try renderer.measureText($0, font: rowFont).width }.max() ?? 0
            let x = matrix.minX - Self.labelGap - rowWidth - Self.axisTitleGap
            // Rotated 90°, the bottom of the text box faces right, towards the row labels.
            rowAxisTitle = Label(text: text, point: Point(x: x, y: matrix.midY), anchor: .bottom)
        }
        if let text = chart.columnAxisTitle {
            let y = matrix.maxY + Self.labelGap + columnDepth + Self.axisTitleGap
            columnAxisTitle = Label(text: text, point: Point(x: matrix.midX, y: y), anchor: .top)
        }

        annotationFont = chart.annotate ? try Self.annotationFont(chart: chart, cell: cell, renderer: renderer) : nil
    }

    /// The largest font up to 13 px (and 28 % of the cell) at which every cell's text fits
    /// with some margin, or `nil` below 7 px.
    private static func annotationFont(chart: HeatmapChart, cell: Double, renderer: any Renderer) throws -> Font? {
        var font = Font(size: min(13, cell * 0.28))
        var texts = Set<String>()
        for row in chart.values {
            for value in row where !value.isNaN { texts.insert(chart.valueFormat(value)) }
        }
        // Measuring every distinct value costs a FreeType call each; the widest is almost
        // always among the longest strings, so measure only those.
        let longest = texts.sorted { ($0.count, $0) > ($1.count, $1) }.prefix(12)
        var widest = 0.0
        for text in longest {
            widest = max(widest, try renderer.measureText(text, font: font).width)
        }
        let room = cell - max(8, cell * 0.24)
        if widest > room, widest > 0 {
            font = font.withSize(font.size * room / widest)
        }
        let line = try renderer.fontMetrics(font).lineHeight
        if line > cell * 0.8 { font = font.withSize(font.size * cell * 0.8 / line) }
        return font.size >= minimumLabelSize ? font : nil
    }
}
