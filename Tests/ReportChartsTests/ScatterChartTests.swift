import Testing
@testable import ReportCharts

@Suite struct ScatterChartTests {
    @Test func downSamplesDeterministicallyAndSaysSo() throws {
        let chart = ChartSamples.scatter
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        // The sample plus one legend dot per class.
        #expect(renderer.circles.count == 3000 + 6)
        #expect(renderer.texts.contains { $0.text == "3000 of 12\u{2009}000 points shown (random sample)" })
        let again = try LayoutChecks.record(chart).0
        #expect(again.transcript == renderer.transcript)
        var reseeded = chart
        reseeded.seed = 43
        #expect(try LayoutChecks.record(reseeded).0.transcript != renderer.transcript)
        // Each class keeps its share.
        let picked = chart.sampledIndices()
        #expect(picked.allSatisfy { abs($0.count - 500) <= 4 })
        #expect(picked.allSatisfy { zip($0, $0.dropFirst()).allSatisfy { $0 < $1 } })
    }

    @Test func extremesAreKeptSoTheAxesFitTheShownPoints() throws {
        let chart = ChartSamples.scatter
        let picked = chart.sampledIndices()
        let xs = chart.series.flatMap(\.x), ys = chart.series.flatMap(\.y)
        let shownX = zip(chart.series, picked).flatMap { s, idx in idx.map { s.x[$0] } }
        let shownY = zip(chart.series, picked).flatMap { s, idx in idx.map { s.y[$0] } }
        #expect(shownX.min() == xs.min() && shownX.max() == xs.max())
        #expect(shownY.min() == ys.min() && shownY.max() == ys.max())
    }

    @Test func smallDataIsDrawnWholeWithALegendOfDots() throws {
        var chart = ChartSamples.scatter
        chart.series = ChartSamples.scatterSeries(perClass: 50)
        chart.series[0].x[3] = .nan
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        LayoutChecks.expectLegendBetweenTitleAndPlot(renderer, legend: ChartSamples.genres)
        // 299 points plus one legend dot per class; the NaN pair is left out.
        #expect(renderer.circles.count == 299 + 6)
        #expect(!renderer.texts.contains { $0.text.contains("points shown") })
        let points = renderer.circles.filter { $0.radius == chart.pointRadius }
        #expect(points.allSatisfy { abs($0.color.alpha - chart.opacity) < 1e-9 })
        #expect(renderer.texts.contains { $0.text == "PC 2" && $0.angle == 90 })
    }

    @Test func classesAreInterleaved() throws {
        let (renderer, _) = try LayoutChecks.record(ChartSamples.scatter)
        let colors = renderer.circles.filter { $0.radius == 2.5 }.map(\.color)
        // Within the first tenth of the drawing every class already appears.
        #expect(Set(colors.prefix(300)).count == 6)
    }

    @Test func samplingPrimitives() {
        let picks = PointSampling.indices(count: 1000, keep: 100, seed: 1)
        #expect(picks.count == 100 && Set(picks).count == 100 && picks == picks.sorted())
        #expect(PointSampling.indices(count: 1000, keep: 100, seed: 1) == picks)
        #expect(PointSampling.indices(count: 1000, keep: 100, seed: 2) != picks)
        #expect(PointSampling.indices(count: 5, keep: 10, seed: 1) == [0, 1, 2, 3, 4])
        #expect(PointSampling.quotas(sizes: [900, 90, 10, 0], total: 100) == [90, 9, 1, 0])
        #expect(PointSampling.quotas(sizes: [1000, 1], total: 10).reduce(0, +) == 10)
        #expect(PointSampling.quotas(sizes: [1000, 1], total: 10)[1] == 1)
        #expect(PointSampling.quotas(sizes: [3, 4], total: 100) == [3, 4])
    }

    @Test func mismatchedSeriesIsAnError() {
        let chart = ScatterChart(title: nil, series: [ScatterSeries(name: "a", x: [1, 2], y: [1])])
        #expect(throws: ChartError.self) { try chart.draw(in: RecordingRenderer(), size: Size(width: 400, height: 300)) }
    }
}
