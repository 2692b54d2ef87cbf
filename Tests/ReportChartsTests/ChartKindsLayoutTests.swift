import Testing
import ReportCharts

/// Every new chart kind at its preferred size, a small canvas and a large one: all text and
/// fills inside the canvas, no two labels overlapping.
@Suite struct ChartKindsLayoutTests {
    @Test(arguments: ChartSamples.all.map(\.name))
    func fitsAtManySizes(_ name: String) throws {
        let chart = try #require(ChartSamples.all.first { $0.name == name }?.chart)
        for size in [chart.preferredSize, Size(width: 480, height: 400), Size(width: 1000, height: 720)] {
            let (renderer, canvas) = try LayoutChecks.record(chart, size: size)
            LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        }
    }

    @Test(arguments: ChartSamples.all.map(\.name))
    func tinyCanvasesFailCleanly(_ name: String) throws {
        let chart = try #require(ChartSamples.all.first { $0.name == name }?.chart)
        for size in [Size(width: 60, height: 40), Size(width: 150, height: 120)] {
            do {
                let (renderer, canvas) = try LayoutChecks.record(chart, size: size)
                // Drawn after all: then it must still fit.
                LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
            } catch let error as ChartError {
                guard case .canvasTooSmall = error else {
                    Issue.record("\(name) at \(size): \(error)")
                    continue
                }
            }
        }
    }
}
