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

extension LayoutChecks {
    /// Whether drawn `text` is `label`, possibly shortened with "…".
    static func matches(_ text: String, _ label: String) -> Bool {
        text == label || (text.hasSuffix("…") && label.hasPrefix(String(text.dropLast())))
    }

    /// The legend's labels sit in rows under the title (when there is one) and above every
    /// other text.
    static func expectLegendBetweenTitleAndPlot(
        _ renderer: RecordingRenderer, legend labels: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let texts = renderer.texts
        let entries = texts.filter { labels.contains($0.text) }
        #expect(entries.count == labels.count, "legend has \(entries.map(\.text))", sourceLocation: sourceLocation)
        guard let legendBottom = entries.map(\.placement.bounds.maxY).max() else { return }
        if let title = texts.first(where: { $0.font.bold && $0.font.size >= 14 }) {
            #expect(entries.allSatisfy { $0.placement.bounds.minY >= title.placement.bounds.maxY }, sourceLocation: sourceLocation)
        }
        for t in texts where !labels.contains(t.text) && !(t.font.bold && t.font.size >= 14) && t.font.size < 12 {
            #expect(t.placement.bounds.minY >= legendBottom, "\"\(t.text)\" above the legend", sourceLocation: sourceLocation)
        }
    }

    /// The texts in `labels` form a column right of every tick label.
    static func expectLegendRightOfPlot(
        _ renderer: RecordingRenderer, legend labels: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let entries = renderer.texts.filter { t in labels.contains { matches(t.text, $0) } }
        #expect(entries.count == labels.count, sourceLocation: sourceLocation)
        let left = entries.map(\.placement.bounds.minX).min() ?? 0
        #expect(Set(entries.map(\.placement.bounds.minX)).count == 1, "legend labels are left-aligned", sourceLocation: sourceLocation)
        let ticks = renderer.texts.filter { $0.font.size < 12 }
        #expect(ticks.allSatisfy { $0.placement.bounds.maxX < left }, sourceLocation: sourceLocation)
    }
}
