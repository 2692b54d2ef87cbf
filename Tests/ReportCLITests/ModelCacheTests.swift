import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// Trained models in the step cache: a rebuild reads unchanged models back from their blobs
/// instead of re-running the steps that trained them, and what it writes is byte for byte
/// what a `--no-cache` build writes (so every model kind reads back exactly).
@Suite(.serialized) struct ModelCacheTests {
    /// Builds `report` (written as `models.md`) into `out` under the fixture.
    func build(_ fixture: ReportFixture, _ report: String, out: String = "out",
               reuseCache: Bool = true) throws -> (folder: URL, run: RunResult) {
        let path = try fixture.write("models.md", report)
        return try BuildPipeline.buildReporting(
            path, settings: BuildSettings(outDirectory: fixture.path(out), reuseCache: reuseCache, jobs: 2),
            progress: SilentProgress())
    }

    /// Every file of a build but the manifest (which holds timings), by relative path.
    func artifacts(_ folder: URL) throws -> [String: Data] {
        let root = folder.standardizedFileURL.path
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let name = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            if name != "manifest.json" { files[name] = try Data(contentsOf: url) }
        }
        return files
    }

    /// Expects the artifacts of `cached` to equal those of a `--no-cache` build of `report`.
    func expectSameAsUncached(_ cached: URL, _ report: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fresh = try ReportFixture()
        let (folder, run) = try build(fresh, report, reuseCache: false)
        #expect(run.steps.filter(\.cached).isEmpty, sourceLocation: sourceLocation)
        let expected = try artifacts(folder), actual = try artifacts(cached)
        #expect(actual.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (name, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[name] == data, "\(name) differs from a --no-cache build", sourceLocation: sourceLocation)
        }
    }

    func step(_ run: RunResult, _ id: String) throws -> ExecutedStep {
        try #require(run.steps.first { $0.id == id }, "no step '\(id)'")
    }

    static let header = """
    ---
    seed: 11
    ---

    ```{load} synthetic:beatport
    :rows-per-class: 40
    ```

    ```{split}
    :test: 0.25
    ```

    """

    static func twoModels(trees: Int) -> String {
        header + """
        ```{train} random-forest
        :name: forest
        :trees: \(trees)
        :max-depth: 6
        ```

        ```{train} knn
        :name: neighbours
        :k: 7
        ```

        ```{evaluate} forest, neighbours
        :ci: 0
        ```

        ```{compare}
        ```

        """
    }

    @Test func changingOneModelRetrainsOnlyThatModel() throws {
        let fixture = try ReportFixture()
        let first = try build(fixture, Self.twoModels(trees: 8)).run
        #expect(first.steps.filter(\.cached).isEmpty)

        let changed = Self.twoModels(trees: 9)
        let (folder, run) = try build(fixture, changed)
        for id in ["load", "split", "neighbours"] {
            let executed = try step(run, id)
            #expect(executed.cached, "\(id) should come from the cache: \(executed.explanation)")
        }
        let forest = try step(run, "forest")
        #expect(!forest.cached)
        #expect(forest.explanation.hasPrefix("ran:"), "\(forest.explanation)")
        let evaluate = try #require(run.steps.first { $0.directive.name == "evaluate" })
        #expect(!evaluate.cached, "evaluate reads the retrained forest")
        for executed in run.steps where !executed.cached {
            #expect(["train", "evaluate", "compare"].contains(executed.directive.name), "\(executed.id) ran")
            #expect(!executed.explanation.contains("re-ran"), "\(executed.id): \(executed.explanation)")
        }
        #expect(run.steps.filter { $0.directive.name == "train" && !$0.cached }.map(\.id) == ["forest"])
        try expectSameAsUncached(folder, changed)

        // A build with nothing changed reuses every step.
        let again = try build(fixture, changed).run
        let reran = again.steps.filter { !$0.cached }.map { "\($0.id): \($0.explanation)" }
        #expect(reran.isEmpty, "\(reran)")
    }

    /// Every model `{train}` offers (one-vs-rest and a grid search too), read back by an
    /// `{evaluate}` whose option changed while every model stayed cached.
    static func everyModel(ci: Int) -> String {
        header + """
        ```{normalize}
        :method: zscore
        ```

        ```{train} decision-tree
        :name: dt
        :max-depth: 5
        ```

        ```{train} random-forest
        :name: rf
        :trees: 6
        :max-bins: 32
        ```

        ```{train} extra-trees
        :name: et
        :trees: 6
        ```

        ```{train} logistic-regression
        :name: lr
        ```

        ```{train} naive-bayes
        :name: nb
        ```

        ```{train} knn
        :name: kn
        :weights: distance
        ```

        ```{train} gradient-boosting
        :name: gb
        :iterations: 15
        ```

        ```{train} svm
        :name: sv
        :probability: true
        ```

        ```{train} linear-svm
        :name: ls
        ```

        ```{train} mlp
        :name: mp
        :hidden: [12]
        :epochs: 25
        ```

        ```{train} sgd
        :name: sg
        :loss: modified-huber
        ```

        ```{train} logistic-regression
        :name: ovr
        :one-vs-rest: true
        ```

        ```{train} svm
        :name: ovrsvm
        :kernel: linear
        :one-vs-rest: true
        ```

        ```{search} knn
        :name: grid
        :k: [3, 9]
        :cv: 3
        ```

        ```{evaluate} dt, rf, et, lr, nb, kn, gb, sv, ls, mp, sg, ovr, ovrsvm, grid
        :ci: \(ci)
        ```

        """
    }

    @Test func everyModelKindReadsBackExactly() throws {
        let fixture = try ReportFixture()
        _ = try build(fixture, Self.everyModel(ci: 0))
        let changed = Self.everyModel(ci: 20)
        let (folder, run) = try build(fixture, changed)
        let evaluate = try #require(run.steps.first { $0.directive.name == "evaluate" })
        #expect(!evaluate.cached)
        #expect(!evaluate.explanation.contains("re-ran"), "\(evaluate.explanation)")
        for executed in run.steps where executed.directive.name != "evaluate" {
            #expect(executed.cached, "\(executed.id): \(executed.explanation)")
        }
        try expectSameAsUncached(folder, changed)
    }

    static func tagModels(ci: Int) -> String {
        """
        ---
        seed: 4
        ---

        ```{load} synthetic:lastfm
        :rows: 300
        ```

        ```{labels} tags
        :top: 5
        ```

        ```{split}
        ```

        ```{train} knn
        :name: kn
        ```

        ```{train} decision-tree
        :name: dt
        :max-depth: 4
        ```

        ```{train} logistic-regression
        :name: ovr
        :one-vs-rest: true
        ```

        ```{train} sgd
        :name: sg
        :loss: log-loss
        ```

        ```{evaluate} kn, dt, ovr, sg
        :ci: \(ci)
        ```

        """
    }

    @Test func multiLabelModelsReadBackExactly() throws {
        let fixture = try ReportFixture()
        _ = try build(fixture, Self.tagModels(ci: 0))
        let changed = Self.tagModels(ci: 20)
        let (folder, run) = try build(fixture, changed)
        let evaluate = try #require(run.steps.first { $0.directive.name == "evaluate" })
        #expect(!evaluate.cached)
        #expect(!evaluate.explanation.contains("re-ran"), "\(evaluate.explanation)")
        let retrained = run.steps.filter { $0.directive.name == "train" && !$0.cached }.map(\.id)
        #expect(retrained.isEmpty, "\(retrained)")
        try expectSameAsUncached(folder, changed)
    }

    /// A model blob that cannot be read back (here: removed from the cache) is rebuilt by
    /// re-running its step, and the output does not change.
    @Test func anUnreadableModelBlobIsRebuilt() throws {
        let fixture = try ReportFixture()
        _ = try build(fixture, Self.twoModels(trees: 8))
        // Drop every blob that holds a trained model (they start with the object kind).
        let blobs = URL(fileURLWithPath: fixture.path("out/.cache/blobs"))
        let kind = Array("trained-model-1".utf8)
        var removed = 0
        for case let url as URL in try #require(FileManager.default.enumerator(at: blobs, includingPropertiesForKeys: nil)) {
            guard let data = FileManager.default.contents(atPath: url.path), data.count > 8 + kind.count,
                  Array(data.dropFirst(8).prefix(kind.count)) == kind else { continue }
            try FileManager.default.removeItem(at: url)
            removed += 1
        }
        #expect(removed == 2)
        let changed = Self.twoModels(trees: 9)
        let (folder, run) = try build(fixture, changed)
        let evaluate = try #require(run.steps.first { $0.directive.name == "evaluate" })
        #expect(evaluate.explanation.contains("re-ran neighbours"), "\(evaluate.explanation)")
        try expectSameAsUncached(folder, changed)
    }
}
