import Testing
import ReportCharts
@testable import ReportChartsGD

/// Every new chart kind through libgd: the PNG decodes, has the requested size at scale 1
/// and 2, is not blank, and the same chart gives the same bytes.
@Suite struct ChartKindsPNGTests {
    @Test(arguments: ChartSamples.all.map(\.name))
    func rendersADecodablePNG(_ name: String) throws {
        let chart = try #require(ChartSamples.all.first { $0.name == name }?.chart)
        let size = chart.preferredSize
        let bytes = try PNGExport.render(chart, scale: 1)
        let image = try PNGImage(bytes: bytes)
        #expect(image.width == Int(size.width.rounded(.up)) && image.height == Int(size.height.rounded(.up)))
        let coverage = image.inkCoverage()
        #expect(coverage > 0.015 && coverage < 0.9, "\(name): \(coverage) of the pixels inked")
        #expect(try PNGExport.render(chart, scale: 1) == bytes)
    }

    @Test func scaleTwoDoublesThePixels() throws {
        for (_, chart) in ChartSamples.all.prefix(4) + ChartSamples.all.suffix(4) {
            let bytes = try PNGExport.render(chart, width: 500, height: 420, scale: 2)
            let image = try PNGImage(bytes: bytes)
            #expect(image.width == 1000 && image.height == 840)
        }
    }

    @Test func circlesAndDashesReachThePixels() throws {
        let renderer = try GDRenderer(size: Size(width: 60, height: 40), scale: 2)
        renderer.fillCircle(center: Point(x: 15, y: 20), radius: 5, color: Color(hex: 0x0072B2))
        #expect(renderer.pixel(x: 30, y: 40) == Color(hex: 0x0072B2))
        #expect(renderer.pixel(x: 30, y: 56) == .white)
        // Anti-aliased rim: partly covered pixels are blends.
        let rim = try #require(renderer.pixel(x: 30 + 9, y: 40))
        #expect(rim != .white && rim != Color(hex: 0x0072B2))
        renderer.strokeDashedPolyline(
            [Point(x: 30, y: 10), Point(x: 58, y: 10)], width: 1, color: .black, dash: LineDash(on: 4, off: 4))
        #expect(renderer.pixel(x: 62, y: 20) != .white)  // inside the first dash
        #expect(renderer.pixel(x: 70, y: 20) == .white)  // in the first gap
        #expect(throws: GDError.self) { try PNGImage(bytes: [1, 2, 3]) }
    }
}
