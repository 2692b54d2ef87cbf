import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// `{bin}` against the 12-genre study's ordered regex binning (expected labels from
/// `Tests/reference/bin_reference.py`, which runs the study's function).
@Suite struct BinStepTests {
    struct Fixture: Decodable {
        let rules: [[String]]
        let genres: [String]
        let target: [String?]
    }

    let fixture: Fixture

    init() throws {
        fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Fixtures.url("bin/genres.json")))
    }

    func build(unmatched: String?, rules: String? = nil) throws -> [String: Any] {
        let report = ReportFixture.self
        let folder = try report.init()
        var csv = "id,artist_genres\n"
        for (index, genre) in fixture.genres.enumerated() { csv += "\(index),\"\(genre)\"\n" }
        try folder.write("artists.csv", csv)
        let body = rules ?? fixture.rules.map { "\($0[0]): \($0[1])" }.joined(separator: "\n")
        let path = try folder.write("bins.md", """
        ```{load} artists.csv
        :missing: [NA]
        ```

        ```{bin} artist_genres
        :into: target
        \(unmatched.map { ":unmatched: \($0)\n" } ?? "")
        \(body)
        ```
        """)
        let out = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: folder.path("out")), progress: SilentProgress())
        let data = try Data(contentsOf: out.appendingPathComponent("results.json"))
        return try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["bin"] as? [String: Any])
    }

    var expectedCounts: [String: Int] {
        Dictionary(grouping: fixture.target.compactMap { $0 }, by: { $0 }).mapValues(\.count)
    }

    @Test func firstMatchWinsLikeTheStudy() throws {
        let results = try build(unmatched: nil)
        #expect(results["counts"] as? [String: Int] == expectedCounts)
        #expect(results["unmatched"] as? Int == fixture.target.filter { $0 == nil }.count)
        #expect(results["rows"] as? Int == fixture.target.compactMap { $0 }.count)
    }

    @Test func unmatchedRowsCanBeLabelled() throws {
        let results = try build(unmatched: "other")
        var expected = expectedCounts
        expected["other"] = fixture.target.filter { $0 == nil }.count
        #expect(results["counts"] as? [String: Int] == expected)
        #expect(results["rows"] as? Int == fixture.genres.count)
    }

    @Test func badRulesAreLocated() throws {
        do {
            _ = try build(unmatched: nil, rules: "pop: pop\nrock: (unclosed")
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.message.contains("invalid regular expression '(unclosed'"))
            #expect(error.location?.line == 9)
        }
        do {
            _ = try build(unmatched: nil, rules: "no colon here")
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.message.contains("`label: regex`"))
        }
    }
}
