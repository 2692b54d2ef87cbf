import Foundation
import Testing
@testable import ReportCharts

@Suite struct RadarChartTests {
    /// The centre and outer radius, from the spokes (lines from the centre).
    static func circle(_ renderer: RecordingRenderer) throws -> (center: Point, radius: Double) {
        let spokes = renderer.operations.compactMap { op -> (Point, Point)? in
            if case .line(let a, let b, _, _) = op { return (a, b) }
            return nil
        }
        let first = try #require(spokes.first)
        return (first.0, hypot(first.1.x - first.0.x, first.1.y - first.0.y))
    }

    @Test func labelsSitOutsideTheCircleWithoutOverlap() throws {
        let chart = ChartSamples.radar
        for size in [chart.preferredSize, Size(width: 520, height: 560), Size(width: 420, height: 380)] {
            let (renderer, canvas) = try LayoutChecks.record(chart, size: size)
            LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
            let (center, radius) = try Self.circle(renderer)
            let labels = renderer.texts.filter { t in chart.axes.contains { LayoutChecks.matches(t.text, $0) } }
            #expect(labels.count == chart.axes.count)
            for label in labels {
                // Every corner of every label lies outside the outer ring.
                for corner in label.placement.outline.corners {
                    #expect(hypot(corner.x - center.x, corner.y - center.y) > radius, "\(label.text) reaches into the circle")
                }
            }
        }
    }

    @Test func legendGoesBesideOrAbove() throws {
        let chart = ChartSamples.radar
        let (wide, _) = try LayoutChecks.record(chart, size: Size(width: 900, height: 540))
        LayoutChecks.expectLegendRightOfPlot(wide, legend: ChartSamples.genres)
        let (tall, _) = try LayoutChecks.record(chart, size: Size(width: 560, height: 640))
        LayoutChecks.expectLegendBetweenTitleAndPlot(tall, legend: ChartSamples.genres)
    }

    @Test func polygonsFollowTheValues() throws {
        let chart = RadarChart(
            title: nil, axes: ["a", "b", "c", "d"], series: [RadarSeries(name: "x", values: [1, 0.5, 2, .nan])],
            legendPosition: .hidden)
        let (renderer, _) = try LayoutChecks.record(chart, size: Size(width: 400, height: 400))
        let (center, radius) = try Self.circle(renderer)
        let polygon = try #require(renderer.operations.compactMap { op -> [Point]? in
            if case .polygon(let points, _) = op { return points }
            return nil
        }.first)
        // Up, right (half way), down (clamped to 1), left (NaN at the centre).
        #expect(abs(polygon[0].x - center.x) < 1e-9 && abs(polygon[0].y - (center.y - radius)) < 1e-9)
        #expect(abs(polygon[1].x - (center.x + radius / 2)) < 1e-9)
        #expect(abs(polygon[2].y - (center.y + radius)) < 1e-9)
        #expect(abs(polygon[3].x - center.x) < 1e-9 && abs(polygon[3].y - center.y) < 1e-9)
        #expect(renderer.texts.map(\.text).contains("0.25") && renderer.texts.map(\.text).contains("1.00"))
    }

    @Test func crowdedLabelsShrinkOrShorten() throws {
        let axes = (0..<24).map { "a long feature name \($0)" }
        let chart = RadarChart(
            title: nil, axes: axes, series: [RadarSeries(name: "x", values: axes.map { _ in 0.5 })], legendPosition: .hidden)
        let (renderer, canvas) = try LayoutChecks.record(chart, size: Size(width: 600, height: 500))
        LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
    }

    @Test func badShapesAreErrors() {
        let two = RadarChart(title: nil, axes: ["a", "b"], series: [])
        #expect(throws: ChartError.self) { try two.draw(in: RecordingRenderer(), size: Size(width: 400, height: 400)) }
        let short = RadarChart(title: nil, axes: ["a", "b", "c"], series: [RadarSeries(name: "x", values: [1])])
        #expect(throws: ChartError.self) { try short.draw(in: RecordingRenderer(), size: Size(width: 400, height: 400)) }
    }
}
