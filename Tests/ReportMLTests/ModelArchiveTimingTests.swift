import Foundation
import ReportData
import ReportML
import Testing

/// Timing harness for `ClassifierArchive` on models as large as a report meets (k-NN on
/// 96,000 × 20 and 96,000 × 12 training values, a forest of 100 unpruned trees, 100 rounds of
/// gradient boosting), off unless `MODEL_ARCHIVE_TIMING` is set; it prints encode and decode
/// times and sizes, with JSON for comparison, and checks only that each model reads back:
///
///     MODEL_ARCHIVE_TIMING=1 swift test -c release --filter ModelArchiveTimingTests
@Suite(
    "Model archive timing harness (set MODEL_ARCHIVE_TIMING)",
    .enabled(if: ProcessInfo.processInfo.environment["MODEL_ARCHIVE_TIMING"] != nil, "MODEL_ARCHIVE_TIMING is not set")
)
struct ModelArchiveTimingTests {
    /// Six overlapping Gaussian classes in `features` features.
    static func data(rows: Int, features: Int, seed: UInt64 = 3) -> TrainingSet {
        var generator = Xoshiro256StarStar(seed: seed)
        var values = [Double]()
        values.reserveCapacity(rows * features)
        var y = [Int]()
        for row in 0..<rows {
            let label = row % 6
            y.append(label)
            for j in 0..<features { values.append(Double((label * (j + 1)) % 6) * 0.4 + generator.nextGaussian()) }
        }
        return TrainingSet(x: FeatureMatrix(rows: rows, columns: features, values: values), y: y, classCount: 6)
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Encodes and decodes `model` `repeats` times and prints the best times and the size.
    static func measure(_ name: String, _ model: any FittedClassifier, json: Bool = false, repeats: Int = 3) throws {
        var encoded: (tag: String, bytes: [UInt8]) = ("", [])
        var restored: (any FittedClassifier)?
        var encode = Double.infinity, decode = Double.infinity
        for _ in 0..<repeats {
            encode = min(encode, try seconds { encoded = try ClassifierArchive.encode(model) })
            decode = min(decode, try seconds { restored = try ClassifierArchive.decode(tag: encoded.tag, bytes: encoded.bytes) })
        }
        let megabytes = Double(encoded.bytes.count) / 1_048_576
        var line = String(format: "%@: %.2f MB, encode %.1f ms (%.0f MB/s), decode %.1f ms (%.0f MB/s)", name, megabytes,
                          encode * 1000, megabytes / encode, decode * 1000, megabytes / decode)
        if json, let archivable = model as? any ArchivableClassifier {
            var data = Data()
            let jsonEncode = try seconds { data = try JSONEncoder().encode(archivable) }
            line += String(format: "; JSONEncoder: %.1f MB in %.0f ms", Double(data.count) / 1_048_576, jsonEncode * 1000)
        }
        print(line)
        let probe = data(rows: 500, features: model.featureCount, seed: 8).x
        #expect(restored?.predict(probe) == model.predict(probe))
    }

    @Test func timeEncodeAndDecode() throws {
        let context = FitContext(seed: 1, threads: 2)
        let wide = Self.data(rows: 96_000, features: 20)
        try Self.measure("k-NN, brute force, 96,000 × 20", try KNearestNeighbors().fit(wide, context: context), json: true)
        let narrow = Self.data(rows: 96_000, features: 12)
        try Self.measure("k-NN, k-d tree, 96,000 × 12", try KNearestNeighbors().fit(narrow, context: context), json: true)
        let forest = try RandomForestClassifier(nEstimators: 100).fit(narrow, context: context)
        try Self.measure("random forest, 100 unpruned trees (\(forest.nodeCount) nodes) on 96,000 × 12", forest, json: true)
        let tree = try DecisionTreeClassifier().fit(narrow, context: context)
        try Self.measure("decision tree (\(tree.nodeCount) nodes, with node statistics)", tree)
        let boosting = try GradientBoostingClassifier(maxIter: 100, earlyStopping: .off).fit(narrow, context: context)
        try Self.measure("gradient boosting, \(boosting.treeCount) trees", boosting)
    }
}
