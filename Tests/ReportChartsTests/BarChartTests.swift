import Testing
@testable import ReportCharts

@Suite struct BarChartTests {
    static let genres = HeatmapSamples.genres

    static var grouped: BarChart {
        BarChart(
            title: "Per-class scores", categories: genres,
            series: [
                BarSeries(name: "Precision", values: [0.82, 0.74, 0.91, 0.66, 0.95, 0.79]),
                BarSeries(name: "Recall", values: [0.78, 0.81, 0.85, 0.71, 0.93, 0.74]),
            ],
            valueAxisTitle: "Score", categoryAxisTitle: "Genre")
    }

    static var importance: BarChart {
        BarChart(
            title: "Feature importance", categories: HeatmapSamples.features,
            values: HeatmapSamples.features.indices.map { 0.2 / Double($0 + 1) }, orientation: .horizontal,
            valueAxisTitle: "Importance", valueLabelFormat: { NumberFormat.fixed($0, 3) })
    }

    @Test func groupedVerticalBarsFitAndHaveALegend() throws {
        let chart = Self.grouped
        for size in [chart.preferredSize, Size(width: 420, height: 360)] {
            let (renderer, canvas) = try LayoutChecks.record(chart, size: size)
            LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
            let texts = renderer.texts.map(\.text)
            #expect(texts.contains("Precision") && texts.contains("Recall"))
            // Long genre names under narrow bars are slanted.
            #expect(renderer.texts.first { $0.text == Self.genres[0] }?.angle ?? 0 > 0)
        }
    }

    @Test func barHeightsAreProportionalToValues() throws {
        let chart = BarChart(title: nil, categories: ["a", "b", "c"], values: [1, 2, 4])
        let (renderer, _) = try LayoutChecks.record(chart)
        let bars = renderer.filledRects.filter { $0.color == CategoricalPalette.okabeIto.color(at: 0) }.map(\.rect)
        #expect(bars.count == 3)
        #expect(abs(bars[1].height / bars[0].height - 2) < 1e-9)
        #expect(abs(bars[2].height / bars[0].height - 4) < 1e-9)
        // Bars stand on a common baseline.
        #expect(Set(bars.map(\.maxY)).count == 1)
        #expect(renderer.texts.map(\.text).contains("0"))
    }

    @Test func horizontalBarsKeepLabelsAndValuesInside() throws {
        let (renderer, canvas) = try LayoutChecks.record(Self.importance)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        #expect(renderer.texts.contains { $0.text == "0.200" })
        let labels = renderer.texts.filter { HeatmapSamples.features.contains($0.text) }
        #expect(labels.count == 14)
        #expect(Set(labels.map { $0.placement.bounds.maxX }).count == 1)
        // First category on top.
        let first = try #require(labels.first { $0.text == "danceability" })
        #expect(labels.allSatisfy { $0.point.y >= first.point.y })
    }

    @Test func negativeValuesGrowFromZero() throws {
        let chart = BarChart(
            title: "Coefficients", categories: ["a", "b"], values: [1.5, -0.5], orientation: .horizontal,
            valueLabelFormat: { NumberFormat.fixed($0, 1) })
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        let bars = renderer.filledRects.filter { $0.color == CategoricalPalette.okabeIto.color(at: 0) }.map(\.rect)
        #expect(bars.count == 2)
        #expect(abs(bars[0].minX - bars[1].maxX) < 1e-9)
        #expect(abs(bars[0].width / bars[1].width - 3) < 1e-9)
    }

    @Test func mismatchedSeriesIsAnError() {
        let chart = BarChart(title: nil, categories: ["a", "b"], series: [BarSeries(name: "s", values: [1])])
        #expect(throws: ChartError.self) { try chart.draw(in: RecordingRenderer(), size: Size(width: 400, height: 300)) }
    }
}
