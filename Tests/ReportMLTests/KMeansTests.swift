import Foundation
import Testing
import ReportData
@testable import ReportML

/// k-means and clustering metrics against scikit-learn (`Tests/Fixtures/ml/kmeans.json`,
/// made by `Tests/reference/kmeans_reference.py`).
@Suite struct KMeansTests {
    static func fixture() throws -> ReferenceJSON { try ReferenceJSON.load("kmeans.json") }

    @Test func adjustedRandAndNMIMatchScikitLearn() throws {
        let pairs = try Self.fixture()["labelings"].array
        #expect(pairs.count >= 10)
        for pair in pairs {
            let a = pair["a"].ints, b = pair["b"].ints
            let ari = ClusteringMetrics.adjustedRandIndex(a, b)
            let nmi = ClusteringMetrics.normalizedMutualInfo(a, b)
            #expect(abs(ari - pair["ari"].double) <= 1e-12, "ARI \(pair["name"].string): \(ari) vs \(pair["ari"].double)")
            #expect(abs(nmi - pair["nmi"].double) <= 1e-12, "NMI \(pair["name"].string): \(nmi) vs \(pair["nmi"].double)")
        }
    }

    @Test func inertiaWithinOnePercentOfScikitLearn() throws {
        for blob in try Self.fixture()["blobs"].array {
            let x = blob["x"].matrix
            let k = blob["k"].int
            let model = try KMeans(clusters: k).fit(x, context: FitContext(seed: 42, threads: 4))
            let reference = blob["inertia"].double
            #expect(model.inertia <= reference * 1.01, "\(blob["name"].string): \(model.inertia) vs sklearn \(reference)")
            #expect(model.sizes.reduce(0, +) == x.rows)
            #expect(model.sizes.allSatisfy { $0 > 0 })
            // The labels are the nearest centres and the inertia their squared distances.
            #expect(model.predict(x) == model.labels)
            var inertia = 0.0
            for row in 0..<x.rows {
                for j in 0..<x.columns {
                    let d = x[row, j] - model.centroids[model.labels[row], j]
                    inertia += d * d
                }
            }
            #expect(abs(inertia - model.inertia) <= 1e-9 * inertia)
            if blob["name"].string == "separated" {
                let ari = ClusteringMetrics.adjustedRandIndex(blob["labels"].ints, model.labels)
                #expect(ari == 1, "well separated blobs should give sklearn's partition")
            }
        }
    }

    @Test func deterministicAndIndependentOfThreads() throws {
        let blob = try Self.fixture()["blobs"][2]
        let x = blob["x"].matrix
        let k = blob["k"].int
        let one = try KMeans(clusters: k).fit(x, context: FitContext(seed: 9, threads: 1))
        let again = try KMeans(clusters: k).fit(x, context: FitContext(seed: 9, threads: 1))
        let many = try KMeans(clusters: k).fit(x, context: FitContext(seed: 9, threads: 7))
        let fewer = try KMeans(clusters: k, restarts: 10).fit(x, context: FitContext(seed: 9, threads: 3))
        #expect(one == again)
        #expect(one == many)
        #expect(one == fewer)
        #expect(one.restartInertias.count == 10)
        #expect(one.inertia == one.restartInertias.min())
        let other = try KMeans(clusters: k).fit(x, context: FitContext(seed: 10, threads: 2))
        #expect(other.restartInertias != one.restartInertias)
    }

    @Test func threadIndependenceWithChunkedRows() throws {
        // More rows than one chunk, so the assignment step is split across threads.
        var rng = Xoshiro256StarStar(seed: 5)
        let rows = KMeans.chunkSize * 2 + 123
        let x = FeatureMatrix(rows: rows, columns: 3, values: (0..<(rows * 3)).map { index in
            rng.nextGaussian() + Double((index / 3) % 4) * 3
        })
        let a = try KMeans(clusters: 4, restarts: 2).fit(x, context: FitContext(seed: 1, threads: 1))
        let b = try KMeans(clusters: 4, restarts: 2).fit(x, context: FitContext(seed: 1, threads: 8))
        #expect(a == b)
    }

    @Test func rejectsBadInput() {
        let x = FeatureMatrix(rows: 3, columns: 1, values: [1, 2, 3])
        #expect(throws: MLError.self) { try KMeans(clusters: 4).fit(x, context: FitContext(seed: 0)) }
        #expect(throws: MLError.self) { try KMeans(clusters: 0).fit(x, context: FitContext(seed: 0)) }
        let nan = FeatureMatrix(rows: 3, columns: 1, values: [1, .nan, 3])
        #expect(throws: MLError.self) { try KMeans(clusters: 2).fit(nan, context: FitContext(seed: 0)) }
    }
}
