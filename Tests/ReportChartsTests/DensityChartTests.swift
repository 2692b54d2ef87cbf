import Foundation
import Testing
@testable import ReportCharts

@Suite struct DensityChartTests {
    static func curve(_ label: String, center: Double, lo: Double, hi: Double) -> DensityCurve {
        let xs = (0..<100).map { lo + (hi - lo) * Double($0) / 99 }
        let sd = (hi - lo) / 10
        return DensityCurve(label: label, x: xs, density: xs.map { exp(-0.5 * pow(($0 - center) / sd, 2)) / sd })
    }

    static var chart: DensityChart {
        let features: [(String, Double, Double)] = [
            ("danceability", 0, 1), ("loudness", -30, 0), ("duration_ms", 100_000, 600_000), ("tempo", 60, 200),
        ]
        let panels = features.map { name, lo, hi in
            DensityPanel(title: name, curves: HeatmapSamples.genres.prefix(3).enumerated().map { i, genre in
                curve(genre, center: lo + (hi - lo) * (0.3 + 0.2 * Double(i)), lo: lo, hi: hi)
            })
        }
        return DensityChart(title: "Distributions by genre", panels: panels)
    }

    @Test func panelsLegendAndTicksFitWithoutOverlap() throws {
        let chart = Self.chart
        #expect(chart.columnCount == 3)
        for size in [chart.preferredSize, Size(width: 600, height: 400)] {
            let (renderer, canvas) = try LayoutChecks.record(chart, size: size)
            LayoutChecks.expectNothingClippedOrOverlapping(renderer, canvas: canvas)
            let texts = renderer.texts.map(\.text)
            #expect(texts.contains("duration_ms"))
            for genre in HeatmapSamples.genres.prefix(3) { #expect(texts.contains(genre)) }
        }
    }

    @Test func classesShareColoursAcrossPanels() throws {
        let (renderer, _) = try LayoutChecks.record(Self.chart)
        var fills = [RecordingRenderer.Operation]()
        for op in renderer.operations { if case .polygon = op { fills.append(op) } }
        #expect(fills.count == 12)
        var lines = [Color]()
        for op in renderer.operations { if case .polyline(_, _, let color) = op { lines.append(color) } }
        #expect(lines.count == 12)
        #expect(Array(lines[0..<3]) == Array(lines[3..<6]))
        #expect(Set(lines).count == 3)
    }

    @Test func mismatchedCurveIsAnError() {
        let bad = DensityChart(title: nil, panels: [DensityPanel(title: "x", curves: [DensityCurve(label: "a", x: [0, 1], density: [1])])])
        #expect(throws: ChartError.self) { try bad.draw(in: RecordingRenderer(), size: Size(width: 400, height: 300)) }
    }
}
