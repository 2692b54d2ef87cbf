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
}
