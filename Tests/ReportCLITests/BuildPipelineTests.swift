import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// End-to-end: a small report built into a temporary folder, every artifact checked; and the
/// errors a user can cause, each with its file:line and the previous output left intact.
@Suite struct BuildPipelineTests {
    static let report = """
    ---
    title: Small <Study>
    seed: 7
    toc: true
    params:
      data: tracks.csv
    ---

    ## Data

    ```{load} {{ params.data }}
    :label: genre
    ```

    We have {eval}`load.rows:,d` rows in {eval}`load.classes` genres.

    ## Exploration

    ```{describe}
    :by: genre
    :features: [energy, tempo]
    ```

    ```{correlation}
    :name: corr
    :echo: true
    ```

    See {numref}`fig-corr`: the top pair is {eval}`corr.strongest.a` and {eval}`corr.strongest.b`.
    """

    func build(_ fixture: ReportFixture, report: String = report, params: [(name: String, value: String)] = [])
        throws -> URL {
        try fixture.write("tracks.csv", ReportFixture.tracksCSV)
        let path = try fixture.write("small.md", report)
        return try BuildPipeline.build(path, settings: BuildSettings(outDirectory: fixture.path("out"), params: params),
                                       progress: SilentProgress())
    }

    @Test func everyArtifactIsWritten() throws {
        let fixture = try ReportFixture()
        let folder = try build(fixture)
        #expect(folder.path == fixture.path("out/small"))
        for name in ["index.html", "small.md", "results.json", "manifest.json", "figures/corr.png"] {
            #expect(fixture.exists("out/small/\(name)"), "missing \(name)")
        }
        let png = try Data(contentsOf: folder.appendingPathComponent("figures/corr.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

        let html = try fixture.read("out/small/index.html")
        #expect(html.contains("<title>Small &lt;Study&gt;</title>"))
        #expect(html.contains("We have 60 rows in 3 genres."))
        #expect(html.contains("<img src=\"figures/corr.png\""))
        #expect(html.contains("<figure id=\"fig-corr\">"))
        #expect(html.contains("<a href=\"#fig-corr\">Figure 1</a>"))
        #expect(html.contains("<span class=\"label\">Table 1.</span>"))
        #expect(html.contains("<nav class=\"toc\""))
        #expect(html.contains("<a href=\"#exploration\">Exploration</a>"))
        #expect(html.contains("<details class=\"echo\">"))
        #expect(!html.contains("{eval}"))
        // Data values are escaped: the CSV's "Track 0, mix" example appears as text.
        #expect(html.contains("Track 0, mix"))

        let markdown = try fixture.read("out/small/small.md")
        #expect(markdown.hasPrefix("# Small \\<Study>\n"))
        #expect(markdown.contains("![Heatmap"))
        #expect(markdown.contains("](figures/corr.png)"))
        #expect(markdown.contains("[Figure 1](#fig-corr)"))
        #expect(markdown.contains("| feature | genre | count |"))

        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("results.json")))
        let tree = try #require(results as? [String: Any])
        #expect(Set(tree.keys) == ["load", "describe", "corr"])
        let load = try #require(tree["load"] as? [String: Any])
        #expect(load["rows"] as? Int == 60)
        #expect(load["classes"] as? Int == 3)

        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any])
        let steps = try #require(manifest["steps"] as? [[String: Any]])
        #expect(steps.map { $0["id"] as? String } == ["load", "describe", "corr"])
        #expect(steps.map { $0["line"] as? Int } == [11, 19, 24])
    }

    @Test func buildsAreByteIdenticalApartFromTheManifest() throws {
        let first = try ReportFixture(), second = try ReportFixture()
        let a = try build(first), b = try build(second)
        for name in ["index.html", "small.md", "results.json", "figures/corr.png"] {
            let left = try Data(contentsOf: a.appendingPathComponent(name))
            let right = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(left == right, "\(name) differs between two identical builds")
        }
    }

    /// Builds a broken report over a good previous output; the error must be located and the
    /// previous output untouched.
    func expectFailure(_ report: String, params: [(name: String, value: String)] = [], line: Int? = nil,
                       contains fragments: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fixture = try ReportFixture()
        _ = try build(fixture)
        let before = try fixture.read("out/small/index.html")
        do {
            _ = try build(fixture, report: report, params: params)
            Issue.record("expected the build to fail", sourceLocation: sourceLocation)
        } catch let error as ReportError {
            if let line {
                #expect(error.location?.line == line, "\(error)", sourceLocation: sourceLocation)
            }
            for fragment in fragments {
                #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            }
        }
        #expect(try fixture.read("out/small/index.html") == before, sourceLocation: sourceLocation)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.path("out")).filter { $0 != "small" && $0 != ".cache" }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)", sourceLocation: sourceLocation)
    }

    @Test func missingDataFile() throws {
        try expectFailure("```{load} nothere.csv\n```\n", line: 1, contains: ["small.md:1: error: data file 'nothere.csv' not found"])
    }

    @Test func unknownDirective() throws {
        try expectFailure("Text\n\n```{corelation}\n```\n", line: 3, contains: ["did you mean {correlation}?"])
    }

    @Test func unknownOption() throws {
        try expectFailure("```{load} tracks.csv\n:lable: genre\n```\n", line: 2,
                          contains: ["unknown option ':lable:' for {load}", "did you mean ':label:'?", "accepts: label, features"])
    }

    @Test func malformedYAML() throws {
        try expectFailure("---\ntitle: [x\n---\n", contains: ["malformed YAML in front matter"])
    }

    @Test func unclosedFence() throws {
        try expectFailure("Intro\n\n```{load} tracks.csv\n:label: genre\n", line: 3, contains: ["never closed"])
    }

    @Test func raggedCSVRow() throws {
        let fixture = try ReportFixture()
        _ = try build(fixture)
        try fixture.write("ragged.csv", "a,b,c\n1,2,3\n4,5\n")
        do {
            _ = try BuildPipeline.build(try fixture.write("small.md", "Intro\n\n```{load} ragged.csv\n```\n"),
                                        settings: BuildSettings(outDirectory: fixture.path("out")), progress: SilentProgress())
            Issue.record("expected a ragged-row error")
        } catch let error as ReportError {
            #expect(error.location?.line == 3)
            #expect(error.message.hasPrefix("ragged.csv:3:"), "\(error)")
        }
    }

    @Test func missingLabelColumnListsColumns() throws {
        try expectFailure("```{load} tracks.csv\n:label: genr\n```\n", line: 2,
                          contains: ["no column 'genr'", "did you mean 'genre'?", "columns: track, genre, energy"])
    }

    @Test func missingFeatureColumn() throws {
        try expectFailure("```{load} tracks.csv\n:label: genre\n:features: [energy, tempoo]\n```\n", line: 3,
                          contains: ["no column 'tempoo'"])
    }

    @Test func unknownEvalPath() throws {
        try expectFailure("```{load} tracks.csv\n```\n\nRows: {eval}`load.row`\n", line: 4, contains: ["no result 'load.row'"])
    }

    @Test func pathsMayNotLeaveTheReportFolder() throws {
        try expectFailure("```{load} ../outside.csv\n```\n", line: 1, contains: ["leaves the report's folder"])
    }

    @Test func commandLineParamPathResolvesAgainstWorkingDirectory() throws {
        let fixture = try ReportFixture()
        let absolute = try fixture.write("elsewhere/data.csv", ReportFixture.tracksCSV)
        let folder = try build(fixture, params: [("data", absolute)])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
    }

    @Test func reportFilesOfAFolder() throws {
        let fixture = try ReportFixture()
        try fixture.write("b.md", "x")
        try fixture.write("a.md", "y")
        try fixture.write("notes.txt", "z")
        #expect(try BuildPipeline.reportFiles(fixture.directory.path).map { ($0 as NSString).lastPathComponent } == ["a.md", "b.md"])
        #expect(throws: ReportError.self) { try BuildPipeline.reportFiles(fixture.path("none.md")) }
    }
}
