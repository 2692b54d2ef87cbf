import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// `{kmeans}` end to end on `synthetic:beatport`.
@Suite(.serialized) struct KMeansStepTests {
    static let header = """
    ---
    seed: 5
    ---

    ```{load} synthetic:beatport
    :rows-per-class: 100
    ```

    """

    func build(_ body: String) throws -> (folder: URL, results: [String: Any]) {
        let fixture = try ReportFixture()
        let path = try fixture.write("kmeans.md", Self.header + body)
        let folder = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: fixture.path("out")),
                                             progress: SilentProgress())
        let data = try Data(contentsOf: folder.appendingPathComponent("results.json"))
        return (folder, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    @Test func clustersAgainstTheLabel() throws {
        let (folder, results) = try build("""
        ```{kmeans}
        :name: km
        :k: 6
        :profile: [tempo, loudness]
        ```

        Inertia {eval}`km.inertia:.1f`, ARI {eval}`km.ari:.3f`.
        """)
        let km = try #require(results["km"] as? [String: Any])
        let sizes = try #require(km["sizes"] as? [Int])
        #expect(sizes.count == 6)
        #expect(sizes.reduce(0, +) == km["rows"] as? Int)
        let inertia = try #require(km["inertia"] as? Double)
        #expect(inertia > 0)
        let ari = try #require(km["ari"] as? Double)
        let nmi = try #require(km["nmi"] as? Double)
        #expect(ari > -0.5 && ari <= 1)
        #expect(nmi >= 0 && nmi <= 1)
        // Each cluster is led by the class with the largest share in it.
        let shares = try #require(km["shares"] as? [String: [String: Double]])
        let leads = try #require(km["leads"] as? [String: Int])
        var expected: [String: Int] = Dictionary(uniqueKeysWithValues: leads.keys.map { ($0, 0) })
        for (_, row) in shares {
            let top = row.sorted { $0.key < $1.key }.max { $0.value < $1.value }!
            expected[top.key, default: 0] += 1
        }
        #expect(leads == expected)
        #expect(leads.values.reduce(0, +) == 6)
        for figure in ["km-heatmap", "km-shares", "km-profile"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures/\(figure).png").path),
                    "missing figure \(figure)")
        }
        // Same seed, same clusters.
        let (_, again) = try build("""
        ```{kmeans}
        :name: km
        :k: 6
        :profile: [tempo, loudness]
        ```
        """)
        let km2 = try #require(again["km"] as? [String: Any])
        #expect(km2["inertia"] as? Double == inertia)
        #expect(km2["sizes"] as? [Int] == sizes)
    }

    @Test func kLargerThanRowsIsAnError() throws {
        do {
            _ = try build("""
            ```{kmeans}
            :k: 100000
            ```
            """)
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.message.contains("larger than the number of rows"))
        }
    }

    @Test func missingKIsAnError() throws {
        #expect(throws: ReportError.self) {
            _ = try build("""
            ```{kmeans}
            :features: [tempo]
            ```
            """)
        }
    }
}
