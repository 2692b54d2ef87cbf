import ReportCharts

/// Draws charts to PNG through libgd.
public enum PNGExport {
    /// Renders a chart at width×height logical pixels, multiplied by scale (2 = sharp on
    /// HiDPI), to PNG bytes.
    ///
    /// The same chart, size and scale always give the same bytes: the font is fixed (DejaVu
    /// Sans) and the PNG carries no timestamp.
    ///
    /// - Throws: ``GDError`` when libgd, FreeType or the font files fail, and the chart's own
    ///   errors (such as ``ChartError``) when its data cannot be drawn.
    public static func render(_ chart: some Chart, width: Int, height: Int, scale: Double = 1) throws -> [UInt8] {
        guard width > 0, height > 0 else {
            throw GDError.invalidSize(width: Double(width), height: Double(height), scale: scale)
        }
        let size = Size(width: Double(width), height: Double(height))
        let renderer = try GDRenderer(size: size, scale: scale)
        try chart.draw(in: renderer, size: size)
        return try renderer.pngBytes()
    }

    /// Renders a chart at its ``Chart/preferredSize``.
    public static func render(_ chart: some Chart, scale: Double = 1) throws -> [UInt8] {
        let size = chart.preferredSize
        return try render(chart, width: Int(size.width.rounded(.up)), height: Int(size.height.rounded(.up)), scale: scale)
    }
}
