import Testing
@testable import ReportCharts

@Suite struct HistogramChartTests {
    @Test func facetsLegendAndTicksFitWithoutOverlap() throws {
        let chart = ChartSamples.histogramFacets
        #expect(chart.grid.columns == 3 && chart.grid.rows == 2)
        for size in [chart.preferredSize, Size(width: 640, height: 460)] {
            let (renderer, canvas) = try LayoutChecks.record(chart, size: size)
            LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
            let texts = renderer.texts.map(\.text)
            for feature in ChartSamples.features.prefix(6) { #expect(texts.contains(feature)) }
            for genre in ChartSamples.genres.prefix(3) { #expect(texts.contains(genre)) }
            LayoutChecks.expectLegendBetweenTitleAndPlot(renderer, legend: Array(ChartSamples.genres.prefix(3)))
        }
    }

    @Test func seriesShareBinsAndAreTranslucent() throws {
        let chart = ChartSamples.histogramSingle
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        let bars = renderer.filledRects.filter { $0.color.alpha < 1 }
        #expect(bars.allSatisfy { abs($0.color.alpha - 0.35) < 1e-9 })
        // Every bar starts on an edge of the shared bins.
        let bins = chart.panels[0].resolvedBins
        let left = try #require(bars.map(\.rect.minX).min()), right = try #require(bars.map(\.rect.maxX).max())
        let step = (right - left) / Double(bins.count)
        for bar in bars {
            let k = (bar.rect.minX - left) / step
            #expect(abs(k - k.rounded()) < 1e-6)
        }
        // One outline per series.
        var outlines = 0
        for op in renderer.operations { if case .polyline = op { outlines += 1 } }
        #expect(outlines == ChartSamples.genres.count)
        #expect(renderer.texts.contains { $0.text == "Count" && $0.angle == 90 })
        #expect(renderer.texts.contains { $0.text == "tempo (BPM)" })
    }

    @Test func densityHeightsIntegrateToOnePerSeries() {
        var chart = ChartSamples.histogramSingle
        chart.normalization = .density
        let panel = chart.panels[0]
        let bins = panel.resolvedBins
        for heights in chart.heights(panel, bins: bins) {
            let area = heights.indices.map { heights[$0] * (bins.edges[$0 + 1] - bins.edges[$0]) }.reduce(0, +)
            #expect(abs(area - 1) < 1e-9)
        }
    }

    @Test func wholeNumbersGetOneBinPerValue() {
        let panel = HistogramPanel(title: "key", series: [HistogramSeries(label: "a", values: [0, 1, 1, 2, 11, 7])])
        #expect(panel.resolvedBins.count == 12)
        #expect(panel.resolvedBins.edges.first == -0.5)
        let given = HistogramPanel(title: "x", series: panel.series, bins: HistogramBins(edges: [0, 6, 12]))
        #expect(given.resolvedBins.counts(panel.series[0].values) == [4, 2])
    }

    @Test func emptyChartIsAnError() {
        #expect(throws: ChartError.self) {
            try HistogramChart(title: nil, panels: []).draw(in: RecordingRenderer(), size: Size(width: 400, height: 300))
        }
    }
}
