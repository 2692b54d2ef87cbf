import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// `{labels}`: tag lists to a multi-label target, checked on a hand-made table whose answer is
/// worked out in the comments.
@Suite struct LabelsStepTests {
    // Variant keys: "hiphop" (rows 1, 2), "rap" (1), "pop" (2, 3 — once per row), "indie" (3),
    // "jazz" (5); "rock" is excluded, so row 4 has no tag left, and row 6 none at all.
    static let csv = """
    id,tags,x
    1,"Hip-Hop, rap, Rock",1
    2,"hip hop, pop",2
    3,"pop, Pop, indie",3
    4,rock,4
    5,jazz,5
    6,,6

    """

    func build(_ options: String, extra: String = "") throws -> [String: Any] {
        let folder = try ReportFixture()
        try folder.write("tags.csv", Self.csv)
        let path = try folder.write("tags.md", """
        ```{load} tags.csv
        :missing: [NA]
        ```

        ```{labels} tags
        \(options)
        ```
        \(extra)
        """)
        let out = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: folder.path("out")), progress: SilentProgress())
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json"))) as? [String: Any])
    }

    @Test func keepsTheTopTagsMergesVariantsAndGathersTheRest() throws {
        let results = try build(":top: 2\n:exclude: [rock]", extra: "\n```{distribution}\n```\n")
        let labels = try #require(results["labels"] as? [String: Any])
        // hiphop and pop tie at 2 rows (alphabetical order); "hip hop" and "hip-hop" tie as
        // spellings, and the space sorts first.
        #expect(labels["counts"] as? [String: Int] == ["hip hop": 2, "pop": 2, "misc": 3])
        #expect(labels["distinct"] as? Int == 5)
        #expect(labels["rows"] as? Int == 4)
        #expect(labels["dropped"] as? Int == 2)
        #expect(labels["tags"] as? Int == 3)
        let distribution = try #require(results["distribution"] as? [String: Any])
        #expect(distribution["counts"] as? [String: Int] == ["hip hop": 2, "pop": 2, "misc": 3])
        // Shares of rows, since a row carries several tags.
        #expect(distribution["shares"] as? [String: Double] == ["hip hop": 0.5, "pop": 0.5, "misc": 0.75])
    }

    @Test func plotsOfATagTargetSayPerTag() throws {
        let folder = try ReportFixture()
        try folder.write("tags.csv", Self.csv)
        let path = try folder.write("tags.md", """
        ```{load} tags.csv
        ```

        ```{labels} tags
        :top: 2
        ```

        ```{boxplot}
        :features: [x]
        ```
        """)
        let out = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: folder.path("out")), progress: SilentProgress())
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("Box plot of x per tag<"))
    }

    @Test func withoutMergingVariantsAreSeparateTags() throws {
        let results = try build(":top: 10\n:merge-variants: false\n:other: none")
        let labels = try #require(results["labels"] as? [String: Any])
        #expect(labels["counts"] as? [String: Int] == ["hip-hop": 1, "hip hop": 1, "rap": 1, "rock": 2, "pop": 2, "indie": 1, "jazz": 1])
        #expect(labels["dropped"] as? Int == 1)
    }

    @Test func aColumnWithoutTagsIsAnError() throws {
        let folder = try ReportFixture()
        try folder.write("t.csv", "id,tags\n1,\n2,\n")
        let path = try folder.write("t.md", "```{load} t.csv\n```\n\n```{labels} tags\n```\n")
        let error = #expect(throws: ReportError.self) {
            try BuildPipeline.build(path, settings: BuildSettings(outDirectory: folder.path("out")), progress: SilentProgress())
        }
        #expect(error?.description.contains("t.md:4: error: column 'tags' holds no tags") == true)
    }

    @Test func topMustBePositive() throws {
        let error = #expect(throws: ReportError.self) { try build(":top: 0") }
        #expect(error?.message.contains("top") == true)
    }

    @Test func aMultiLabelTargetIsNotStratified() throws {
        let split = "\n```{split}\n:test: 0.5\n:stratify: true\n```\n"
        let error = #expect(throws: ReportError.self) { try build(":top: 2", extra: split) }
        #expect(error?.message.contains("cannot be stratified") == true)
        let results = try build(":top: 2", extra: "\n```{split}\n:test: 0.5\n```\n")
        // Row 6 has no tag (rock is kept here), leaving 5 rows: ceil(0.5 · 5) = 3 test rows.
        let parts = try #require(results["split"] as? [String: Any])
        #expect(parts["train"] as? Int == 2)
        #expect(parts["test"] as? Int == 3)
        #expect(parts["stratified"] as? Bool == false)
    }

    @Test func optionLinesWithoutColonsAreCaughtAsABody() throws {
        let folder = try ReportFixture()
        try folder.write("tags.csv", Self.csv)
        let path = try folder.write("t.md", "```{load} tags.csv\nrows: 3\n```\n")
        let error = #expect(throws: ReportError.self) {
            try BuildPipeline.build(path, settings: BuildSettings(outDirectory: folder.path("out")), progress: SilentProgress())
        }
        #expect(error?.description.contains("t.md:2: error: {load} takes no body, found 'rows: 3'") == true)
        #expect(error?.description.contains("did you mean `:rows: 3`?") == true)
    }
}
