import Testing
@testable import ReportCharts

@Suite struct ROCChartTests {
    /// The plot area, from the axis lines (the left and bottom lines in the axis colour).
    static func plot(_ renderer: RecordingRenderer) throws -> Rect {
        let axis = ChartTheme.standard.axisColor
        let lines = renderer.operations.compactMap { op -> (Point, Point)? in
            if case .line(let a, let b, _, let c) = op, c == axis { return (a, b) }
            return nil
        }
        let bottom = try #require(lines.first { $0.0.y == $0.1.y })
        let left = try #require(lines.first { $0.0.x == $0.1.x })
        return Rect(x: left.0.x, y: left.0.y, width: bottom.1.x - bottom.0.x, height: left.1.y - left.0.y)
    }

    @Test func squarePlotWithChanceDiagonalAndAUCLegend() throws {
        let chart = ChartSamples.roc
        let (renderer, canvas) = try LayoutChecks.record(chart)
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        let plot = try Self.plot(renderer)
        #expect(abs(plot.width - plot.height) < 1e-9)
        // The dashed diagonal runs from (0, 0) to (1, 1), under the curves.
        let dashed = renderer.operations.enumerated().compactMap { i, op -> (Int, [Point])? in
            if case .dashedPolyline(let points, _, _, _) = op, points.count == 2, points[0].x == plot.minX { return (i, points) }
            return nil
        }
        let diagonal = try #require(dashed.first)
        #expect(diagonal.1[0] == Point(x: plot.minX, y: plot.maxY) && diagonal.1[1] == Point(x: plot.maxX, y: plot.minY))
        let firstCurve = renderer.operations.firstIndex { if case .polyline(let p, _, _) = $0 { return p.count > 10 } else { return false } }
        #expect(diagonal.0 < (firstCurve ?? 0))
        // Legend beside the plot, AUCs from the trapezoid rule.
        let labels = chart.curves.map { "\($0.label) (AUC \(NumberFormat.fixed($0.area, 2)))" } + ["Chance (AUC 0.50)"]
        LayoutChecks.expectLegendRightOfPlot(renderer, legend: labels)
        #expect(renderer.texts.contains { $0.text == "False positive rate" })
        #expect(renderer.texts.map(\.text).contains("1.0") && renderer.texts.map(\.text).contains("0.0"))
    }

    @Test func narrowCanvasPutsTheLegendOnTop() throws {
        let (renderer, canvas) = try LayoutChecks.record(ChartSamples.roc, size: Size(width: 480, height: 640))
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
        let plot = try Self.plot(renderer)
        #expect(abs(plot.width - plot.height) < 1e-9)
        let legend = renderer.texts.filter { $0.text.contains("(AUC") }
        #expect(legend.count == 7 && legend.allSatisfy { $0.placement.bounds.maxY < plot.minY })
    }

    @Test func aucIsTheTrapezoidUnlessGiven() {
        let diagonal = ROCCurve(label: "x", falsePositiveRate: [0, 0.5, 1], truePositiveRate: [0, 0.5, 1])
        #expect(abs(diagonal.area - 0.5) < 1e-12)
        let perfect = ROCCurve(label: "x", falsePositiveRate: [0, 0, 1], truePositiveRate: [0, 1, 1])
        #expect(perfect.area == 1)
        #expect(ROCCurve(label: "x", falsePositiveRate: [0, 1], truePositiveRate: [0, 1], auc: 0.87).area == 0.87)
        #expect(ChartSamples.roc.lineChart.series[0].name.hasSuffix("(AUC \(NumberFormat.fixed(ChartSamples.roc.curves[0].area, 2)))"))
    }
}
