import Foundation
import Testing
@testable import ReportCharts

@Suite struct LineChartTests {
    @Test func linesAxesAndLegendFit() throws {
        let chart = ChartSamples.learningCurve
        for size in [chart.preferredSize, Size(width: 400, height: 300)] {
            let (renderer, canvas) = try LayoutChecks.record(chart, size: size)
            LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
            LayoutChecks.expectLegendBetweenTitleAndPlot(renderer, legend: ["Training", "Validation"])
            #expect(renderer.texts.contains { $0.text == "Accuracy" && $0.angle == 90 })
        }
    }

    @Test func gapsBreakTheLineAndDashedLinesGoUnderneath() throws {
        let chart = LineChart(
            title: nil,
            series: [
                LineSeries(name: "data", x: [0, 1, 2, 3, 4], y: [1, 2, .nan, 3, 4]),
                LineSeries(name: "reference", x: [0, 4], y: [0, 4], dash: .dashed),
            ])
        let (renderer, _) = try LayoutChecks.record(chart)
        var kinds = [String]()
        for op in renderer.operations {
            // Legend keys are horizontal; the data and the reference are not.
            switch op {
            case .polyline(let points, _, _) where points[0].y != points[1].y: kinds.append("solid \(points.count)")
            case .dashedPolyline(let points, _, _, _) where points[0].y != points[1].y: kinds.append("dashed")
            default: break
            }
        }
        // The dashed reference first, then the data in two runs.
        #expect(kinds == ["dashed", "solid 2", "solid 2"])
    }

    @Test func fixedDomainsAreExact() throws {
        let chart = LineChart(title: nil, series: [LineSeries(name: "", x: [0.1, 0.9], y: [0.2, 0.8])], xDomain: 0...1, yDomain: 0...1)
        let (renderer, _) = try LayoutChecks.record(chart)
        let labels = renderer.texts.map(\.text)
        #expect(labels.contains("0.0") && labels.contains("1.0"))
        // A single unnamed series has no legend.
        #expect(!renderer.operations.contains { if case .polyline(let p, _, _) = $0 { return p.count == 2 && p[0].y == p[1].y } else { return false } })
    }

    @Test func dashPatternRunsAcrossCorners() {
        let dash = LineDash(on: 4, off: 2)
        let pieces = dash.segments(along: [Point(x: 0, y: 0), Point(x: 5, y: 0), Point(x: 5, y: 7)])
        // 0–4 on, 4–6 off (turning the corner at 5), 6–10 on, 10–12 off.
        #expect(pieces.count == 2)
        #expect(pieces[0] == [Point(x: 0, y: 0), Point(x: 4, y: 0)])
        #expect(pieces[1] == [Point(x: 5, y: 1), Point(x: 5, y: 5)])
        let solid = LineDash(on: 3, off: 0).segments(along: [Point(x: 0, y: 0), Point(x: 10, y: 0)])
        #expect(solid == [[Point(x: 0, y: 0), Point(x: 10, y: 0)]])
        let long = LineDash.dashed.segments(along: [Point(x: 0, y: 0), Point(x: 100, y: 0)])
        #expect(long.count == 10)
        let drawn = long.map { $0[1].x - $0[0].x }.reduce(0, +)
        #expect(abs(drawn - 60) < 1e-9)
    }

    @Test func facetGridTilesItsArea() {
        let grid = FacetGrid(count: 7)
        #expect(grid.columns == 3 && grid.rows == 3)
        let frames = grid.frames(in: Rect(x: 10, y: 20, width: 344, height: 244))
        #expect(frames.count == 7)
        #expect(frames[0] == Rect(x: 10, y: 20, width: 100, height: 66.66666666666667))
        #expect(frames[4].minX == 132 && abs(frames[6].maxY - 264) < 1e-9)
        #expect(FacetGrid(count: 12).columns == 4 && FacetGrid(count: 2).columns == 2 && FacetGrid(count: 5, columns: 9).columns == 5)
        #expect(FacetGrid(count: 6, gap: 10).size(panel: Size(width: 100, height: 50)) == Size(width: 320, height: 110))
    }

    @Test func legendColumnAndMarkers() throws {
        let legend = Legend(entries: [
            Legend.Entry(label: "curve", color: .black, marker: .line),
            Legend.Entry(label: "reference", color: .black, marker: .dashedLine),
            Legend.Entry(label: "points", color: .black, marker: .point),
            Legend.Entry(label: "bars", color: .black),
        ])
        let renderer = RecordingRenderer()
        let size = try legend.columnSize(maxWidth: 300, renderer: renderer)
        try legend.drawColumn(in: renderer, frame: Rect(origin: .zero, size: size))
        let texts = renderer.texts
        #expect(texts.count == 4 && Set(texts.map(\.placement.bounds.minX)).count == 2)
        #expect(texts.allSatisfy { $0.placement.bounds.maxX <= size.width + 1e-9 && $0.placement.bounds.maxY <= size.height + 2 })
        #expect(renderer.circles.count == 1 && renderer.filledRects.count == 1)
    }
}
