import Testing
import ReportCharts

/// Checks shared by the layout tests of every chart kind.
enum LayoutChecks {
    /// Draws `chart` on a recording renderer at `size` (default: its preferred size).
    static func record(_ chart: some Chart, size: Size? = nil) throws -> (RecordingRenderer, Size) {
        let renderer = RecordingRenderer()
        let canvas = size ?? chart.preferredSize
        try chart.draw(in: renderer, size: canvas)
        return (renderer, canvas)
    }

    /// Every text and fill lies inside the canvas and no two texts overlap.
    static func expectNothingClippedOrOverlapping(
        _ renderer: RecordingRenderer, canvas: Size, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let bounds = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        let texts = renderer.texts
        for t in texts {
            #expect(
                bounds.contains(t.placement.bounds, tolerance: 0.01),
                "\"\(t.text)\" at \(t.placement.bounds) leaves \(canvas)", sourceLocation: sourceLocation)
        }
        for (rect, _) in renderer.filledRects {
            #expect(bounds.contains(rect, tolerance: 0.01), "fill \(rect) leaves the canvas", sourceLocation: sourceLocation)
        }
        for i in texts.indices {
            for j in texts.indices where j > i {
                #expect(
                    !texts[i].placement.outline.intersects(texts[j].placement.outline, tolerance: 0.5),
                    "\"\(texts[i].text)\" overlaps \"\(texts[j].text)\"", sourceLocation: sourceLocation)
            }
        }
    }
}
