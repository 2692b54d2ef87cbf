import Testing
import ReportCharts

/// One digest per chart kind of what the chart draws (via ``RecordingRenderer/transcript``),
/// so unintended layout changes show. After an intended change, check the PNGs by eye and
/// update the digest printed in the failure message.
@Suite struct GoldenLayoutTests {
    /// FNV-1a, 64 bit.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    static func transcriptDigest(_ chart: some Chart) throws -> String {
        let (renderer, _) = try LayoutChecks.record(chart)
        return digest(renderer.transcript)
    }

    @Test func correlationHeatmap() throws {
        let digest = try Self.transcriptDigest(HeatmapSamples.correlation)
        #expect(digest == "a8573cc13c83c01")
    }

    @Test func confusionHeatmap() throws {
        let digest = try Self.transcriptDigest(HeatmapSamples.confusion)
        #expect(digest == "d738405238bb9bb4")
    }

    @Test func groupedBars() throws {
        let digest = try Self.transcriptDigest(BarChartTests.grouped)
        #expect(digest == "100fb21fa8ff958b")
    }

    @Test func horizontalBars() throws {
        let digest = try Self.transcriptDigest(BarChartTests.importance)
        #expect(digest == "d78dc945848b096")
    }

    @Test func densityGrid() throws {
        let digest = try Self.transcriptDigest(DensityChartTests.chart)
        #expect(digest == "11bbb8ac4974fc29")
    }

    /// The chart kinds added with histograms; digests printed on failure.
    static let newKinds: [String: String] = [
        "histogram facets": "9e588881d11a65ad",
        "histogram": "38869a30cf9f7fad",
        "stacked bars": "84e36eb06df9e62",
        "share bars": "5b395c2abefb8c27",
        "box plot": "6e681d277d579beb",
        "cross-validation": "8f2b86e12b507ad6",
        "scatter": "34a5fb15f2f6d0b4",
        "radar": "d767211a4c9a0f78",
        "roc": "ca46ac8acd145603",
        "dendrogram": "ff16b4c287038206",
        "dendrogram horizontal": "7711c7f94ce2abad",
        "line": "643d053627ea029e",
    ]

    @Test(arguments: ChartSamples.all.map(\.name))
    func chartKind(_ name: String) throws {
        let chart = try #require(ChartSamples.all.first { $0.name == name }?.chart)
        let (renderer, _) = try LayoutChecks.record(chart)
        let digest = Self.digest(renderer.transcript)
        #expect(digest == Self.newKinds[name], "\(name): \(digest)")
    }
}
