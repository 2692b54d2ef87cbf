import Testing
@testable import ReportCharts

@Suite struct HeatmapLayoutTests {
    /// Draws `chart` on a recording renderer.
    func record(_ chart: HeatmapChart, size: Size? = nil) throws -> (RecordingRenderer, Size) {
        try LayoutChecks.record(chart, size: size)
    }

    /// Cell rectangles: the fills that are not colour-bar slices (those are 14 wide, ≤ 2 tall).
    func cells(_ r: RecordingRenderer) -> [Rect] {
        r.filledRects.map(\.rect).filter { $0.width > 14 || $0.height > 2 && $0.width != 14 }
    }

    /// Texts drawn inside cells (the annotations).
    func annotations(_ r: RecordingRenderer) -> [RecordingRenderer.DrawnText] {
        let cellRects = cells(r)
        return r.texts.filter { t in cellRects.contains { $0.contains(Rect(origin: t.point, size: .zero)) } }
    }

    func expectNothingClippedOrOverlapping(
        _ renderer: RecordingRenderer, canvas: Size, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas, sourceLocation: sourceLocation)
    }

    @Test func correlationMatrixFitsItsPreferredSize() throws {
        let chart = HeatmapSamples.correlation
        let (renderer, canvas) = try record(chart)
        expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        let texts = renderer.texts.map(\.text)
        #expect(texts.contains("Correlation of audio features"))
        #expect(texts.contains("instrumentalness"))
        #expect(texts.filter { $0 == "1.00" }.count == 14)
    }

    @Test func preferredSizeGrowsWithRowsAndLabels() {
        let small = HeatmapSamples.small.preferredSize
        let big = HeatmapSamples.correlation.preferredSize
        #expect(big.width > small.width && big.height > small.height)
        var longer = HeatmapSamples.small
        longer.rowLabels = ["a much longer row label", "b"]
        #expect(longer.preferredSize.width > small.width)
    }

    @Test func cellsAreSquareAndTileTheMatrix() throws {
        let (renderer, _) = try record(HeatmapSamples.correlation)
        let cellRects = cells(renderer)
        #expect(cellRects.count == 14 * 14)
        let first = try #require(cellRects.first)
        for rect in cellRects {
            #expect(rect.width == rect.height)
            #expect(rect.width == first.width)
        }
        #expect(first.width >= 30)
    }

    @Test func longColumnLabelsAreRotatedAndShortOnesAreNot() throws {
        let (rotated, _) = try record(HeatmapSamples.correlation)
        let label = try #require(rotated.texts.first { $0.text == "instrumentalness" && $0.angle != 0 })
        #expect(label.angle == 45)

        let (flat, _) = try record(HeatmapSamples.small)
        let yes = try #require(flat.texts.first { $0.text == "yes" })
        #expect(yes.angle == 0)

        let (vertical, canvas) = try record(HeatmapSamples.wide, size: Size(width: 800, height: 600))
        #expect(vertical.texts.first { $0.text.hasPrefix("a rather") }?.angle == 90)
        expectNothingClippedOrOverlapping(vertical, canvas: canvas)
    }

    @Test func longGenreNamesNeverOverlapOrLeaveTheCanvas() throws {
        let chart = HeatmapSamples.confusion
        for size in [chart.preferredSize, Size(width: 520, height: 420), Size(width: 1400, height: 500)] {
            let (renderer, canvas) = try record(chart, size: size)
            expectNothingClippedOrOverlapping(renderer, canvas: canvas)
            #expect(renderer.texts.contains { $0.text == "Predicted genre" })
            #expect(renderer.texts.contains { $0.text == "True genre" && $0.angle == 90 })
        }
    }

    @Test func labelsWiderThanTheLimitAreShortened() throws {
        var chart = HeatmapSamples.small
        chart.rowLabels = [String(repeating: "very long label ", count: 6), "b"]
        chart.maxLabelWidth = 120
        let (renderer, canvas) = try record(chart)
        let label = try #require(renderer.texts.first { $0.text.hasPrefix("very long") })
        #expect(label.text.hasSuffix("…"))
        #expect(label.placement.bounds.width <= 120)
        expectNothingClippedOrOverlapping(renderer, canvas: canvas)
    }

    @Test func rowLabelsAreRightAlignedAgainstTheMatrix() throws {
        let (renderer, _) = try record(HeatmapSamples.correlation)
        let rows = renderer.texts.filter { HeatmapSamples.features.contains($0.text) && $0.angle == 0 }
        #expect(rows.count == 14)
        let rightEdges = Set(rows.map { $0.placement.bounds.maxX })
        #expect(rightEdges.count == 1)
        let matrixLeft = try #require(cells(renderer).map(\.minX).min())
        #expect(try #require(rightEdges.first) < matrixLeft)
    }

    @Test func annotationInkFollowsCellBrightness() throws {
        let (renderer, _) = try record(HeatmapSamples.confusion)
        let theme = ChartTheme.standard
        // Low counts are dark purple: light ink. The largest count is yellow-green: dark ink.
        let low = try #require(annotations(renderer).first { $0.text == "3" })
        #expect(low.color == theme.lightInk)
        let high = try #require(annotations(renderer).first { $0.text == "250" })
        #expect(high.color == theme.darkInk)
    }

    @Test func emptyCellsAreLeftBlank() throws {
        let (renderer, canvas) = try record(HeatmapSamples.small)
        #expect(cells(renderer).count == 3)
        #expect(annotations(renderer).map(\.text) == ["1", "2", "3"])
        expectNothingClippedOrOverlapping(renderer, canvas: canvas)
    }

    @Test func crampedCanvasesShrinkLabelsButKeepThemApart() throws {
        var chart = HeatmapSamples.correlation
        chart.rowLabels = (0..<14).map { "feature_\($0)" }
        let (renderer, canvas) = try record(chart, size: Size(width: 420, height: 380))
        expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        // Annotations are dropped rather than drawn unreadably small.
        #expect(!renderer.texts.contains { $0.text == "1.00" && $0.font.size < 7 })
    }

    @Test func colorbarShowsTheDomainEnds() throws {
        let (renderer, _) = try record(HeatmapSamples.correlation)
        let labels = renderer.texts.map(\.text)
        #expect(labels.contains("1.0"))
        #expect(labels.contains("\u{2212}1.0"))
        #expect(labels.contains("0.0"))
        #expect(renderer.texts.contains { $0.text == "Pearson r" && $0.angle == 90 })
    }

    @Test func mismatchedDataIsAnError() {
        var chart = HeatmapSamples.small
        chart.values = [[1, 2, 3], [4, 5, 6]]
        #expect(throws: ChartError.self) { try chart.draw(in: RecordingRenderer(), size: Size(width: 300, height: 300)) }
        chart.values = [[1, 2]]
        #expect(throws: ChartError.self) { try chart.draw(in: RecordingRenderer(), size: Size(width: 300, height: 300)) }
    }

    @Test func tinyCanvasIsAnError() {
        #expect(throws: ChartError.self) {
            try HeatmapSamples.correlation.draw(in: RecordingRenderer(), size: Size(width: 60, height: 40))
        }
    }
}
