import Testing
@testable import ReportCharts

@Suite struct StackedBarTests {
    static func segments(_ renderer: RecordingRenderer) -> [(rect: Rect, color: Color)] {
        let palette = Set(CategoricalPalette.okabeIto.colors)
        return renderer.filledRects.filter { palette.contains($0.color) && $0.rect.width > 11 }
    }

    @Test func stacksSumTheSeries() throws {
        let chart = ChartSamples.stackedBars
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        LayoutChecks.expectLegendBetweenTitleAndPlot(renderer, legend: ChartSamples.genres)
        let segments = Self.segments(renderer)
        #expect(segments.count == 8 * 6)
        // One column per cluster: segments of a cluster share x and width, and touch.
        let columns = Dictionary(grouping: segments, by: { $0.rect.minX })
        #expect(columns.count == 8)
        let totals = (0..<8).map { c in ChartSamples.clusterCounts.map { $0[c] }.reduce(0, +) }
        var pixelsPerTrack: Double?
        for (x, column) in columns {
            let sorted = column.sorted { $0.rect.maxY > $1.rect.maxY }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(abs(a.rect.minY - b.rect.maxY) < 1e-9) }
            let height = column.map(\.rect.height).reduce(0, +)
            let index = columns.keys.sorted().firstIndex(of: x) ?? 0
            let ratio = height / totals[index]
            if let p = pixelsPerTrack { #expect(abs(ratio - p) < 1e-9) } else { pixelsPerTrack = ratio }
            // First series at the bottom.
            #expect(sorted.first?.color == CategoricalPalette.okabeIto.color(at: 0))
        }
        // White hairlines part the segments.
        let seams = renderer.operations.filter { if case .line(_, _, _, let c) = $0 { return c == .white } else { return false } }
        #expect(seams.count == 8 * 5)
    }

    @Test func sharesFillTheAxisAndAreLabelledInPercent() throws {
        let chart = ChartSamples.shareBars
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        let columns = Dictionary(grouping: Self.segments(renderer), by: { $0.rect.minX })
        let tops = Set(columns.values.map { $0.map(\.rect.minY).min() ?? 0 })
        let bottoms = Set(columns.values.map { $0.map(\.rect.maxY).max() ?? 0 })
        #expect(tops.count == 1 && bottoms.count == 1)
        let texts = renderer.texts.map(\.text)
        #expect(texts.contains("100%") && texts.contains("0%"))
        // Value labels inside segments, in light ink on dark segments.
        let labels = renderer.texts.filter { $0.text.hasSuffix("%") && $0.anchor == .center }
        #expect(!labels.isEmpty)
        #expect(labels.contains { $0.color == ChartTheme.standard.lightInk })
        #expect(chart.plottedSeries.indices.allSatisfy { i in
            abs((0..<6).map { chart.plottedSeries[$0][min(i, 7)] }.reduce(0, +) - 1) < 1e-12
        })
    }

    /// Twelve clusters × twelve genres, as the genre-bins report draws them: shares that add up
    /// to 1 only up to rounding keep the axis at 100%, and twelve series get twelve colours.
    @Test func sharesOfTwelveSeriesStopAtOneHundredPercent() throws {
        let names = (1...12).map { "genre \($0)" }
        let series = names.indices.map { s in
            BarSeries(name: names[s], values: (0..<12).map { c in Double((s * 7 + c * 13) % 17 + 1) / 3 })
        }
        let chart = BarChart(title: nil, categories: (1...12).map { "cluster \($0)" }, series: series,
                             orientation: .horizontal, layout: .stackedShares)
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        let ticks = renderer.texts.map(\.text).filter { $0.hasSuffix("%") && $0.first?.isNumber == true }
            .compactMap { Int($0.dropLast()) }
        #expect(ticks.max() == 100, "axis ticks: \(ticks)")
        let colors = Set(names.indices.map { chart.color(ofSeries: $0).hexString })
        #expect(colors.count == 12)
    }

    @Test func horizontalStacksAndNegativeValues() throws {
        var chart = ChartSamples.stackedBars
        chart.orientation = .horizontal
        chart.series[1].values[0] = -40
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        let first = Self.segments(renderer).filter { $0.color == CategoricalPalette.okabeIto.color(at: 1) }
        // The negative segment grows left from the zero line, the others right.
        let zero = try #require(renderer.operations.compactMap { op -> Double? in
            if case .line(let a, let b, _, let c) = op, c == ChartTheme.standard.axisColor, a.x == b.x { return a.x }
            return nil
        }.first)
        #expect(first.contains { abs($0.rect.maxX - zero) < 1e-9 })
        #expect(renderer.texts.contains { $0.text == "\u{2212}50" || $0.text == "\u{2212}40" || $0.text == "\u{2212}100" })
    }
}
