import Foundation
import Testing
import TestSupport
@testable import ReportCharts

/// Histogram bins, box statistics and dendrogram geometry against NumPy and SciPy
/// (Tests/reference/charts_reference.py → Tests/Fixtures/charts/*.json).
@Suite struct ChartReferenceTests {
    struct HistogramCase: Decodable {
        var name: String
        var values: [Double]
        var edges: [Double]
        var counts: [Int]
        var density: [Double]
    }

    struct BoxCase: Decodable {
        var name: String
        var values: [Double]
        var q1: Double
        var median: Double
        var q3: Double
        var whislo: Double
        var whishi: Double
        var fliers: [Double]
        var mean: Double
        var percentiles: [String: Double]
    }

    struct DendrogramCase: Decodable {
        var method: String
        var threshold: Double
        var linkage: [[Double]]
        var leaves: [Int]
        var icoord: [[Double]]
        var dcoord: [[Double]]
        var link_colors: [String]
    }

    struct Cases<T: Decodable>: Decodable {
        var cases: [T]
    }

    static func load<T: Decodable>(_ file: String, as: T.Type) throws -> [T] {
        try JSONDecoder().decode(Cases<T>.self, from: Data(contentsOf: Fixtures.url("charts/\(file)"))).cases
    }

    /// Relative difference, with absolute comparison near 0.
    static func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }

    @Test func autoBinsMatchNumpy() throws {
        let cases = try Self.load("histogram_bins.json", as: HistogramCase.self)
        #expect(cases.count >= 10)
        for c in cases {
            let bins = HistogramBins.auto(c.values)
            #expect(bins.edges.count == c.edges.count, "\(c.name): \(bins.count) bins, numpy \(c.edges.count - 1)")
            guard bins.edges.count == c.edges.count else { continue }
            for (a, b) in zip(bins.edges, c.edges) {
                #expect(Self.close(a, b), "\(c.name): edge \(a) vs numpy \(b)")
            }
            // Counting uses numpy's edges, so a last-bit difference in an edge cannot move a value.
            let numpyBins = HistogramBins(edges: c.edges)
            #expect(numpyBins.counts(c.values) == c.counts, "\(c.name)")
            for (a, b) in zip(numpyBins.densities(c.values), c.density) {
                #expect(Self.close(a, b, tolerance: 1e-10), "\(c.name): density \(a) vs \(b)")
            }
        }
    }

    @Test func binEdgeCases() {
        #expect(HistogramBins.auto([]).edges == [0, 1])
        #expect(HistogramBins.auto([.nan, 3, .infinity]).edges == [2.5, 3.5])
        let bins = HistogramBins(edges: [0, 1, 2])
        #expect(bins.counts([0, 0.5, 1, 2, 2.5, -1, .nan]) == [2, 2])
        #expect(bins.index(of: 2) == 1 && bins.index(of: 1) == 1 && bins.index(of: 2.01) == nil)
        #expect(HistogramBins.discrete([0, 3, 11, 5])?.edges == (0...12).map { Double($0) - 0.5 })
        #expect(HistogramBins.discrete([0, 0.5]) == nil)
        #expect(HistogramBins.discrete([0, 1000]) == nil)
        #expect(HistogramBins.uniform(count: 4, lo: 0, hi: 1).edges == [0, 0.25, 0.5, 0.75, 1])
    }

    @Test func boxStatisticsMatchMatplotlibDefinitions() throws {
        let cases = try Self.load("box_stats.json", as: BoxCase.self)
        for c in cases {
            let stats = try #require(BoxStatistics(values: c.values))
            #expect(Self.close(stats.lowerQuartile, c.q1), "\(c.name) q1")
            #expect(Self.close(stats.median, c.median), "\(c.name) median")
            #expect(Self.close(stats.upperQuartile, c.q3), "\(c.name) q3")
            #expect(stats.lowerWhisker == c.whislo, "\(c.name) low whisker")
            #expect(stats.upperWhisker == c.whishi, "\(c.name) high whisker")
            #expect(stats.outliers == c.fliers, "\(c.name) outliers")
            #expect(Self.close(stats.mean, c.mean, tolerance: 1e-12), "\(c.name) mean")
            let sorted = c.values.sorted()
            for (q, expected) in c.percentiles {
                let value = try #require(Double(q))
                #expect(Quantile.linear(sorted: sorted, value / 100) == expected, "\(c.name) percentile \(q)")
            }
        }
        #expect(BoxStatistics(values: [.nan]) == nil)
    }

    @Test func outlierDownSamplingKeepsExtremes() throws {
        let stats = try #require(BoxStatistics(values: (0..<1000).map(Double.init) + (0..<50).map { 5000 + Double($0) }))
        #expect(stats.outliers.count == 50)
        // Ranks 0, 12.25, 24.5, 36.75 and 49, rounded.
        #expect(stats.outliers(limit: 5) == [5000, 5012, 5025, 5037, 5049])
        #expect(stats.outliers(limit: nil).count == 50)
    }

    @Test func dendrogramMatchesScipy() throws {
        let cases = try Self.load("dendrogram.json", as: DendrogramCase.self)
        for c in cases {
            let geometry = try DendrogramGeometry(linkage: c.linkage, colorThreshold: c.threshold)
            #expect(geometry.leaves == c.leaves, "\(c.method)")
            #expect(geometry.links.count == c.icoord.count)
            for (link, (icoord, dcoord)) in zip(geometry.links, zip(c.icoord, c.dcoord)) {
                #expect(link.positions == icoord, "\(c.method)")
                #expect(zip(link.heights, dcoord).allSatisfy { Self.close($0, $1) }, "\(c.method): \(link.heights) vs \(dcoord)")
            }
            // scipy names clusters C1…C9 in the order it meets them, C0 above the threshold.
            let colors = geometry.links.map { $0.cluster.map { "C\($0 % 9 + 1)" } ?? "C0" }
            #expect(colors == c.link_colors, "\(c.method)")
        }
    }

    @Test func malformedLinkageIsAnError() {
        #expect(throws: ChartError.self) { try DendrogramGeometry(linkage: [[0, 5, 1, 2]]) }
        #expect(throws: ChartError.self) { try DendrogramGeometry(linkage: [[0, 1, -1, 2]]) }
        #expect(throws: ChartError.self) { try DendrogramGeometry(linkage: [[0, 1]]) }
        #expect(throws: ChartError.self) { try DendrogramGeometry(linkage: [[0, 1, 1, 2], [4, 2, 2, 3]]) }
    }
}
