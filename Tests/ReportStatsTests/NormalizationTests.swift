import Foundation
import Testing
import TestSupport
@testable import ReportStats

/// The JSON written by `Tests/reference/normalize_reference.py`.
struct NormalizeFixture: Decodable {
    struct Statistics: Decodable {
        let count: Int
        let mean: Double
        let std: Double
        let min: Double
        let max: Double
        let maxabs_z: Double
        let maxabs_x: Double
    }

    struct Exact: Decodable {
        let mean: Double
        let std: Double
        let maxabs_z: Double
    }

    struct Feature: Decodable {
        let name: String
        let values: [Double?]
        let all: Statistics
        let train: Statistics
        let transformed: [String: [Double?]]
        let transformed_train_fit: [Double?]
        let exact: Exact
    }

    struct Small: Decodable {
        let rows: Int
        let train_rows: [Int]
        let features: [Feature]
    }

    struct SpotifyFeature: Decodable {
        let name: String
        let count: Int
        let mean: Double
        let std: Double
        let min: Double
        let max: Double
        let maxabs_z: Double
        let maxabs_x: Double
    }

    struct Spotify: Decodable {
        let rows: Int
        let features: [SpotifyFeature]
    }

    let small: Small
    let spotify: Spotify?

    static func load() throws -> NormalizeFixture {
        try StatsFixture.load(NormalizeFixture.self, "normalize.json")
    }
}

/// Map-reduce normalisation against NumPy (`Tests/reference/normalize_reference.py`): means and
/// population standard deviations to 1e-12 (relative above 1), for every chunk count, and
/// independent of the chunk count to 1e-12.
@Suite struct NormalizationTests {
    static let chunkCounts = [1, 2, 7, 64]
    static let tolerance = 1e-12

    let fixture: NormalizeFixture
    var columns: [[Double]] { fixture.small.features.map { $0.values.nanFilled } }

    /// Loaded once: decoding and the Spotify file are the slow part of these tests.
    static let sharedFixture = Result { try NormalizeFixture.load() }
    static let spotifyColumns: Result<[[Double]], any Error>? = {
        guard let url = Fixtures.sharedData("spotify_songs.csv"), let spotify = try? sharedFixture.get().spotify else { return nil }
        return Result { try MinimalCSV.columns(spotify.features.map(\.name), of: url) }
    }()

    init() throws {
        fixture = try Self.sharedFixture.get()
    }

    func expectClose(_ actual: Double, _ expected: Double, _ what: String, tolerance: Double = tolerance,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(isClose(actual, expected, tolerance: tolerance), "\(what): \(actual) vs \(expected)",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: chunkCounts)
    func statisticsMatchNumPy(chunks: Int) throws {
        let fitted = MapReduceNormalization.fit(columns, method: .zscoreMaxabs, chunks: chunks)
        for (feature, stats) in zip(fixture.small.features, fitted) {
            let expected = feature.all
            let what = "\(feature.name), \(chunks) chunks"
            #expect(stats.count == expected.count, "\(what)")
            expectClose(stats.mean, expected.mean, "mean of \(what)")
            expectClose(stats.std, expected.std, "std of \(what)")
            #expect(stats.min == expected.min && stats.max == expected.max, "\(what)")
            if feature.name == "offset" {
                // NumPy's own max |z| is off by ~2e-9 here: its mean (1e8 in one double)
                // cannot centre values to better than an ulp of 1e8. The shifted mean can.
                expectClose(stats.maxAbs, feature.exact.maxabs_z, "max |z| of \(what) vs exact")
                #expect(abs(expected.maxabs_z - feature.exact.maxabs_z) > 1e-10)
            } else {
                expectClose(stats.maxAbs, expected.maxabs_z, "max |z| of \(what)")
            }
        }
    }

    @Test(arguments: chunkCounts)
    func statisticsMatchExactArithmetic(chunks: Int) throws {
        let fitted = MapReduceNormalization.fit(columns, method: .zscore, chunks: chunks)
        for (feature, stats) in zip(fixture.small.features, fitted) {
            // Within a few ulps of the exactly rounded values.
            expectClose(stats.mean, feature.exact.mean, "\(feature.name) mean", tolerance: 1e-15)
            expectClose(stats.std, feature.exact.std, "\(feature.name) std", tolerance: 1e-14)
            expectClose(stats.maxAbs, feature.exact.maxabs_z, "\(feature.name) max |z|", tolerance: 1e-13)
        }
    }

    @Test(arguments: chunkCounts)
    func transformsMatchNumPy(chunks: Int) throws {
        for method in MapReduceNormalization.Method.allCases {
            let fitted = MapReduceNormalization.fit(columns, method: method, chunks: chunks)
            for (index, feature) in fixture.small.features.enumerated() {
                // z-scores of the 1e8 column differ from NumPy's by NumPy's centring error (see above).
                if feature.name == "offset" && method.usesZScores { continue }
                let expected = try #require(feature.transformed[method.rawValue])
                let actual = MapReduceNormalization.transform(columns[index], with: fitted[index], method: method)
                let worst = maxDifference([actual], [expected])
                #expect(worst <= Self.tolerance, "\(method.rawValue) of \(feature.name), \(chunks) chunks: \(worst)")
            }
        }
    }

    @Test(arguments: chunkCounts)
    func fittingOnTrainingRowsMatchesNumPy(chunks: Int) throws {
        let rows = fixture.small.train_rows
        let fitted = MapReduceNormalization.fit(columns, rows: rows, method: .zscoreMaxabs, chunks: chunks)
        for (index, feature) in fixture.small.features.enumerated() {
            let expected = feature.train
            #expect(fitted[index].count == expected.count)
            expectClose(fitted[index].mean, expected.mean, "train mean of \(feature.name)")
            expectClose(fitted[index].std, expected.std, "train std of \(feature.name)")
            guard feature.name != "offset" else { continue }
            expectClose(fitted[index].maxAbs, expected.maxabs_z, "train max |z| of \(feature.name)")
            let actual = MapReduceNormalization.transform(columns[index], with: fitted[index], method: .zscoreMaxabs)
            #expect(maxDifference([actual], [feature.transformed_train_fit]) <= Self.tolerance, "\(feature.name)")
        }
    }

    @Test func resultsDoNotDependOnTheChunkCount() throws {
        let counts = [1, 2, 3, 7, 64, 257, 1000]
        let fits = counts.map { MapReduceNormalization.fit(columns, method: .zscoreMaxabs, chunks: $0) }
        for other in fits.dropFirst() {
            for (a, b) in zip(fits[0], other) {
                #expect(isClose(b.mean, a.mean, tolerance: 1e-15))
                #expect(isClose(b.std, a.std, tolerance: Self.tolerance))
                #expect(isClose(b.maxAbs, a.maxAbs, tolerance: Self.tolerance))
            }
        }
    }

    @Test func parallelAndSequentialGiveTheSameBits() {
        let parallel = MapReduceNormalization.fit(columns, method: .zscoreMaxabs, chunks: 7, parallel: true)
        let sequential = MapReduceNormalization.fit(columns, method: .zscoreMaxabs, chunks: 7, parallel: false)
        #expect(parallel == sequential)
    }

    /// Why stage 1 merges (count, mean, M2) instead of summing squares: on `1e8 + noise` the
    /// textbook `Σx²/n − mean²` loses every digit.
    @Test func sumOfSquaresWouldFailWhereMomentsDoNot() throws {
        let feature = try #require(fixture.small.features.first { $0.name == "offset" })
        let x = feature.values.nanFilled
        let n = Double(x.count)
        let sum = x.reduce(0, +), squares = x.reduce(0) { $0 + $1 * $1 }
        let naive = (Swift.max(0, squares / n - (sum / n) * (sum / n))).squareRoot()
        #expect(abs(naive - feature.exact.std) / feature.exact.std > 1e-3)
        for chunks in Self.chunkCounts {
            let fitted = MapReduceNormalization.fit([x], method: .zscore, chunks: chunks)[0]
            #expect(isClose(fitted.std, feature.exact.std, tolerance: 1e-14))
        }
    }

    @Test func constantFeatureMapsToZero() throws {
        let fitted = MapReduceNormalization.fit([[4.25, 4.25, .nan, 4.25]], method: .zscoreMaxabs, chunks: 2)[0]
        #expect(fitted.std == 0)
        #expect(fitted.maxAbs == 0)
        let out = MapReduceNormalization.transform([4.25, .nan, 4.25], with: fitted, method: .zscoreMaxabs)
        #expect(out[0] == 0 && out[1].isNaN && out[2] == 0)
    }

    @Test func mergingEmptyMomentsIsTheIdentity() {
        let values: [Double] = [1, 2, 3, 4.5]
        let whole = values.withUnsafeBufferPointer { Moments($0, shift: 1) }
        let empty = Moments(shift: 1)
        #expect(whole.merged(with: empty) == whole)
        #expect(empty.merged(with: whole) == whole)
        #expect(Moments.merge([], shift: 1).count == 0)
        #expect(MapReduceNormalization.fit([[.nan, .nan]], method: .zscore, chunks: 3)[0].count == 0)
    }

    @Test func automaticChunksDependOnRowsOnly() {
        #expect(MapReduceNormalization.automaticChunks(rows: 0) == 1)
        #expect(MapReduceNormalization.automaticChunks(rows: 16_384) == 1)
        #expect(MapReduceNormalization.automaticChunks(rows: 16_385) == 2)
        #expect(MapReduceNormalization.automaticChunks(rows: 120_000) == 8)
        #expect(MapReduceNormalization.automaticChunks(rows: 10_000_000) == 64)
    }

    @Test(arguments: chunkCounts)
    func spotifyMatchesNumPy(chunks: Int) throws {
        guard let loaded = Self.spotifyColumns else {
            print("skipped: ../shared/data/spotify_songs.csv is absent")
            return
        }
        let spotify = try #require(fixture.spotify, "the fixture has no spotify part")
        let columns = try loaded.get()
        #expect(columns.first?.count == spotify.rows)
        let fitted = MapReduceNormalization.fit(columns, method: .zscoreMaxabs, chunks: chunks)
        let raw = MapReduceNormalization.fit(columns, method: .maxabs, chunks: chunks)
        for (index, expected) in spotify.features.enumerated() {
            let what = "\(expected.name), \(chunks) chunks"
            #expect(fitted[index].count == expected.count, "\(what)")
            expectClose(fitted[index].mean, expected.mean, "mean of \(what)")
            expectClose(fitted[index].std, expected.std, "std of \(what)")
            expectClose(fitted[index].maxAbs, expected.maxabs_z, "max |z| of \(what)")
            #expect(fitted[index].min == expected.min && fitted[index].max == expected.max, "\(what)")
            #expect(raw[index].maxAbs == expected.maxabs_x, "\(what)")
            if ProcessInfo.processInfo.environment["NORMALIZE_REPORT"] != nil {
                func rel(_ a: Double, _ e: Double) -> Double { abs(a - e) / Swift.max(1, abs(e)) }
                print("DIFF \(what): mean \(rel(fitted[index].mean, expected.mean)) std \(rel(fitted[index].std, expected.std)) maxabs \(rel(fitted[index].maxAbs, expected.maxabs_z))")
            }
        }
    }
}
