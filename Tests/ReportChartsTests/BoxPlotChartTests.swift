import Testing
@testable import ReportCharts

@Suite struct BoxPlotChartTests {
    @Test func boxesLabelsAndOutliersFit() throws {
        let chart = ChartSamples.boxPlot
        for size in [chart.preferredSize, Size(width: 460, height: 400)] {
            let (renderer, canvas) = try LayoutChecks.record(chart, size: size)
            LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
            // Long genre names under narrow boxes are slanted.
            #expect((renderer.texts.first { $0.text == ChartSamples.genres[0] }?.angle ?? 0) > 0)
        }
        let (renderer, _) = try LayoutChecks.record(chart)
        let stats = chart.statistics.compactMap { $0 }
        #expect(renderer.circles.count == stats.map(\.outliers.count).reduce(0, +))
    }

    @Test func boxSpansTheQuartilesOnTheValueScale() throws {
        let chart = BoxPlotChart(title: nil, boxes: [BoxPlotBox(label: "a", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 30])])
        let (renderer, _) = try LayoutChecks.record(chart)
        let stats = try #require(chart.statistics[0])
        let fill = try #require(renderer.filledRects.first { $0.rect.width > 20 && $0.color != .white && $0.color.alpha == 1 && $0.rect.height > 5 })
        // Heights in pixels are proportional to value differences: box vs whisker reach.
        let whisker = try #require(renderer.operations.compactMap { op -> (Point, Point)? in
            if case .line(let a, let b, let w, _) = op, a.x == b.x, w == 1 { return (a, b) }
            return nil
        }.first)
        let pixelsPerUnit = fill.rect.height / (stats.upperQuartile - stats.lowerQuartile)
        #expect(abs(abs(whisker.1.y - whisker.0.y) - pixelsPerUnit * (stats.upperWhisker - stats.upperQuartile)) < 1e-6)
        #expect(stats.outliers == [30])
        #expect(renderer.circles.count == 1)
    }

    @Test func outliersAreDownSampled() throws {
        let values = (0..<2000).map(Double.init) + (0..<100).map { 10_000 + Double($0) }
        var chart = BoxPlotChart(title: nil, boxes: [BoxPlotBox(label: "a", values: values)], maxOutliers: 40)
        #expect(try LayoutChecks.record(chart).0.circles.count == 40)
        chart.maxOutliers = nil
        #expect(try LayoutChecks.record(chart).0.circles.count == 100)
    }

    @Test func crossValidationShowsEveryFoldAndGroupsByColour() throws {
        let chart = ChartSamples.crossValidation
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        #expect(renderer.circles.count == 5 * ChartSamples.candidates.count)
        LayoutChecks.expectLegendBetweenTitleAndPlot(renderer, legend: ["Trees", "Linear", "Kernel", "Bayes"])
        // Candidate names stay horizontal on the left, right-aligned.
        let names = renderer.texts.filter { t in ChartSamples.candidates.contains { $0.0 == t.text } }
        #expect(names.count == ChartSamples.candidates.count)
        #expect(Set(names.map(\.placement.bounds.maxX)).count == 1 && names.allSatisfy { $0.angle == 0 })
        // The two tree models share a colour; the others differ.
        let fills = renderer.filledRects.filter { $0.rect.height > 12 && $0.rect.width > 1 }.map(\.color)
        #expect(fills.count == 5 && fills[0] == fills[1] && Set(fills).count == 4)
    }

    @Test func emptyBoxesAreSkippedAndNoBoxesIsAnError() throws {
        let chart = BoxPlotChart(title: nil, boxes: [BoxPlotBox(label: "a", values: [1, 2, 3]), BoxPlotBox(label: "none", values: [.nan])])
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        #expect(renderer.texts.contains { $0.text == "none" })
        #expect(throws: ChartError.self) {
            try BoxPlotChart(title: nil, boxes: []).draw(in: RecordingRenderer(), size: Size(width: 300, height: 300))
        }
    }
}
