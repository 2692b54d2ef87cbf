import ReportCharts
import ReportChartsGD
import ReportEngine

/// Draws a chart to PNG at the size given by `:width:`/`:height:` (default: the chart's
/// preferred size) and wraps it as a figure output.
///
/// The size is in CSS pixels; the PNG has `:scale:` times as many (default 2), so charts stay
/// sharp on high-density screens and legible when a phone shrinks an 880-pixel chart to its
/// 360-pixel column. `:scale: 1` halves the files' pixels where that matters more.
enum FigureRendering {
    static func figure(_ chart: some Chart, id: String, caption: String?, alt: String,
                       context: StepContext) throws -> FigureOutput {
        let preferred = chart.preferredSize
        let width = try context.options.int("width", min: 100) ?? Int(preferred.width.rounded())
        let height = try context.options.int("height", min: 100) ?? Int(preferred.height.rounded())
        let scale = try context.options.double("scale") ?? OptionSpec.defaultFigureScale
        guard scale >= 0.5, scale <= 4 else {
            throw ReportError("option 'scale' must be between 0.5 and 4, found \(scale)",
                              at: context.options.location(of: "scale"))
        }
        let png: [UInt8]
        do {
            png = try PNGExport.render(chart, width: width, height: height, scale: scale)
        } catch {
            throw context.error("could not draw the figure: \(error)")
        }
        return FigureOutput(id: id, caption: caption, alt: alt, png: png, width: width, height: height)
    }
}
