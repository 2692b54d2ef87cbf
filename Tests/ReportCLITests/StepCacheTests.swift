import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// The step cache: what re-runs after each kind of edit (SPEC §5, incremental), that reused
/// outputs are byte-identical to fresh ones, that `--jobs` changes nothing, and that a
/// damaged cache is recomputed rather than trusted.
@Suite struct StepCacheTests {
    static let report = """
    ---
    title: Cache study
    seed: 7
    params:
      data: tracks.csv
      depth: "3"
    ---

    ## Data

    ```{load} {{ params.data }}
    :label: genre
    ```

    We have {eval}`load.rows` rows.

    ```{split}
    :test: 0.3
    :stratify: true
    ```

    ```{normalize}
    :method: zscore
    ```

    ```{correlation}
    :name: corr
    :caption: Correlation of the features
    ```

    ## Models

    ```{train} decision-tree
    :name: tree
    :max-depth: {{ params.depth }}
    ```

    ```{train} logistic-regression
    :name: logreg
    ```

    ```{evaluate} tree, logreg
    :name: scores
    ```

    ```{compare}
    :name: ranking
    ```

    The tree scored {eval}`tree.accuracy:.3f`.
    """

    struct Build {
        let folder: URL
        let run: RunResult

        func ran(_ id: String) -> Bool { !(run.steps.first { $0.id == id }?.cached ?? true) }
        var ranIDs: [String] { run.steps.filter { !$0.cached }.map(\.id) }
        func explanation(_ id: String) -> String { run.steps.first { $0.id == id }?.explanation ?? "" }
    }

    static func build(_ fixture: ReportFixture, report: String = report, params: [(name: String, value: String)] = [],
                      reuse: Bool = true, jobs: Int = 2, out: String = "out") throws -> Build {
        let path = try fixture.write("study.md", report)
        var settings = BuildSettings(outDirectory: fixture.path(out), params: params, jobs: jobs)
        settings.reuseCache = reuse
        let (folder, run) = try BuildPipeline.buildReporting(path, settings: settings, progress: SilentProgress())
        return Build(folder: folder, run: run)
    }

    static func fixture() throws -> ReportFixture {
        let fixture = try ReportFixture("step-cache")
        _ = try fixture.write("tracks.csv", ReportFixture.tracksCSV)
        return fixture
    }

    /// Every artifact but manifest.json, by relative path.
    static func artifacts(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath && url.lastPathComponent != "manifest.json" {
            out[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return out
    }

    @Test func secondBuildReusesEveryStepAndWritesTheSameBytes() throws {
        let fixture = try Self.fixture()
        let first = try Self.build(fixture)
        #expect(first.run.steps.allSatisfy { !$0.cached })
        let firstArtifacts = try Self.artifacts(first.folder)
        let second = try Self.build(fixture)
        #expect(second.ranIDs.isEmpty, "ran: \(second.ranIDs)")
        #expect(second.explanation("tree").hasPrefix("reused cache entry"))
        #expect(try Self.artifacts(second.folder) == firstArtifacts)

        let manifest = try fixture.read("out/study/manifest.json")
        #expect(manifest.contains("\"cached\": true"))
        #expect(manifest.contains("\"input_hash\""))
    }

    @Test func proseAndCaptionEditsRunNoStep() throws {
        let fixture = try Self.fixture()
        _ = try Self.build(fixture)
        let edited = Self.report
            .replacingOccurrences(of: "We have", with: "The study has")
            .replacingOccurrences(of: "Correlation of the features", with: "How the features <move> together")
        let build = try Self.build(fixture, report: edited)
        #expect(build.ranIDs.isEmpty, "ran: \(build.ranIDs)")
        let html = try fixture.read("out/study/index.html")
        #expect(html.contains("The study has"))
        #expect(html.contains("How the features &lt;move&gt; together"))
        #expect(!html.contains(Captions.placeholder))
        #expect(!(try fixture.read("out/study/study.md")).contains(Captions.placeholder))
    }

    @Test func anOptionReRunsTheStepAndWhatReadsIt() throws {
        let fixture = try Self.fixture()
        _ = try Self.build(fixture)
        let edited = Self.report.replacingOccurrences(of: "```{train} logistic-regression\n:name: logreg\n",
                                                      with: "```{train} logistic-regression\n:name: logreg\n:C: 0.5\n")
        let build = try Self.build(fixture, report: edited)
        #expect(build.ran("logreg"))
        #expect(build.explanation("logreg").contains("option C added"))
        #expect(build.ran("scores"))
        #expect(!build.ran("load") && !build.ran("split") && !build.ran("normalize") && !build.ran("corr"))
        #expect(!build.ran("tree"), "the other model is not retrained")
    }

    @Test func anUpstreamOptionReRunsEverythingDownstream() throws {
        let fixture = try Self.fixture()
        _ = try Self.build(fixture)
        let edited = Self.report.replacingOccurrences(of: ":test: 0.3", with: ":test: 0.25")
        let build = try Self.build(fixture, report: edited)
        #expect(!build.ran("load"))
        for id in ["split", "normalize", "corr", "tree", "logreg", "scores"] {
            #expect(build.ran(id), "\(id) should re-run after the split changed")
        }
        #expect(build.explanation("normalize").contains("input changed: dataset 'load'"))
    }

    @Test func changedDataBytesReRunTheLoadAndItsDependents() throws {
        let fixture = try Self.fixture()
        _ = try Self.build(fixture)
        let changed = ReportFixture.tracksCSV.replacingOccurrences(of: "Techno,", with: "Techno ,")
        _ = try fixture.write("tracks.csv", changed)
        let build = try Self.build(fixture)
        #expect(build.ran("load"))
        #expect(build.explanation("load").contains("file changed: tracks.csv"))
        // The stripped label makes the same table, so everything after the load is reused.
        let same = build.run.steps.dropFirst().allSatisfy(\.cached)
        let csv = try fixture.read("tracks.csv")
        #expect(csv.contains("Techno ,"))
        #expect(same || build.ran("split"))
    }

    @Test func aParameterReRunsOnlyTheStepsThatUseIt() throws {
        let fixture = try Self.fixture()
        _ = try Self.build(fixture)
        let build = try Self.build(fixture, params: [("depth", "2")])
        #expect(build.folder.lastPathComponent == "study", "an explicit out folder keeps its name")
        #expect(build.ran("tree"))
        #expect(build.explanation("tree").contains("option max-depth changed (3 → 2)"))
        #expect(!build.ran("logreg") && !build.ran("load") && !build.ran("split"))
    }

    @Test func theSeedIsPartOfTheKey() throws {
        let fixture = try Self.fixture()
        _ = try Self.build(fixture)
        let build = try Self.build(fixture, report: Self.report.replacingOccurrences(of: "seed: 7", with: "seed: 8"))
        #expect(build.ran("split"))
        #expect(build.explanation("split").contains("seed changed"))
    }

    @Test func noCacheRunsEveryStepWithTheSameBytes() throws {
        let fixture = try Self.fixture()
        let first = try Self.build(fixture)
        let firstArtifacts = try Self.artifacts(first.folder)
        let fresh = try Self.build(fixture, reuse: false)
        #expect(fresh.run.steps.allSatisfy { !$0.cached && $0.explanation == "ran: --no-cache" })
        #expect(try Self.artifacts(fresh.folder) == firstArtifacts)
    }

    @Test func outputsDoNotDependOnJobs() throws {
        let fixture = try Self.fixture()
        let one = try Self.build(fixture, reuse: false, jobs: 1, out: "one")
        let two = try Self.build(fixture, reuse: false, jobs: 2, out: "two")
        let four = try Self.build(fixture, reuse: false, jobs: 4, out: "four")
        let reference = try Self.artifacts(one.folder)
        #expect(try Self.artifacts(two.folder) == reference)
        #expect(try Self.artifacts(four.folder) == reference)
    }

    @Test func corruptOrForeignEntriesAreRecomputed() throws {
        let fixture = try Self.fixture()
        let first = try Self.build(fixture)
        let reference = try Self.artifacts(first.folder)
        let cache = URL(fileURLWithPath: fixture.path("out/.cache"))
        // Flip a byte in every blob: each is detected by its digest.
        let blobs = FileManager.default.enumerator(at: cache.appendingPathComponent("blobs"), includingPropertiesForKeys: nil)!
        var damaged = 0
        for case let url as URL in blobs where !url.hasDirectoryPath {
            var bytes = [UInt8](try Data(contentsOf: url))
            bytes[bytes.count / 2] ^= 0xFF
            try Data(bytes).write(to: url)
            damaged += 1
        }
        #expect(damaged > 0)
        let rebuilt = try Self.build(fixture)
        #expect(rebuilt.run.steps.allSatisfy { !$0.cached })
        #expect(rebuilt.explanation("load").contains("unreadable"))
        #expect(try Self.artifacts(rebuilt.folder) == reference)

        // Step indexes from another tool version or garbage are ignored.
        let steps = cache.appendingPathComponent("steps")
        for name in try FileManager.default.contentsOfDirectory(atPath: steps.path) {
            try Data("not a cache index".utf8).write(to: steps.appendingPathComponent(name))
        }
        let again = try Self.build(fixture)
        #expect(again.run.steps.allSatisfy { !$0.cached })
        #expect(try Self.artifacts(again.folder) == reference)
        // … and the build after that reuses everything again.
        let last = try Self.build(fixture)
        #expect(last.ranIDs.isEmpty, "ran: \(last.run.steps.filter { !$0.cached }.map { "\($0.id): \($0.explanation)" })")
    }

    @Test func parameterSetsGetTheirOwnFolderUnlessOutIsGiven() throws {
        let fixture = try Self.fixture()
        let path = try fixture.write("study.md", Self.report)
        var settings = BuildSettings(outDirectory: fixture.path("out"), params: [("depth", "2")])
        settings.separateParameterSets = true
        let folder = try BuildPipeline.build(path, settings: settings, progress: SilentProgress())
        #expect(folder.lastPathComponent == "study@depth=2")
        settings.params = [("depth", "3")]
        #expect(try BuildPipeline.build(path, settings: settings, progress: SilentProgress()).lastPathComponent == "study",
                "the front matter's own value is the default build")
    }

    @Test func explainNamesEveryStep() throws {
        let fixture = try Self.fixture()
        _ = try Self.build(fixture)
        let build = try Self.build(fixture, report: Self.report.replacingOccurrences(of: ":name: ranking\n", with: ":name: ranking\n:metric: balanced_accuracy\n"))
        let text = BuildCommand.explanation(of: build.run)
        #expect(text.contains("1 of 8 steps ran, 7 reused"))
        #expect(text.contains("ranking {compare}: ran: option metric added (balanced_accuracy)"))
    }
}
