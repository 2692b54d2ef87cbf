import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// Each study report in `reports/` builds end to end on a small row count (and few epochs),
/// and its page loads in headless Chromium with every figure decoded, every table-of-contents
/// and `{numref}` link resolved to the caption it names, every numbered caption in order, and
/// nothing written to the console.
@Suite(.serialized) struct StudyReportsTests {
    /// Report, and the parameters that make it small (debug builds train networks and
    /// forests slowly, so epochs, layer widths and tree counts shrink too).
    static let reports: [(String, [(String, String)])] = [
        ("beatport", [("per_genre", "150")]),
        ("echonest", [("rows", "900")]),
        ("playlist-labels", [("rows", "2500")]),
        // 4,000 rows is about the least that leaves every binned genre a validation row.
        ("genre-bins", [("rows", "4000"), ("epochs", "1")]),
        ("lastfm-tags", [("rows", "400"), ("trees", "10"), ("width", "4"), ("epochs", "1")]),
    ]

    @Test(arguments: reports.indices)
    func buildsAndReadsInABrowser(index: Int) throws {
        let (name, params) = Self.reports[index]
        let out = try Fixtures.temporaryDirectory("study-\(name)")
        let source = Fixtures.packageRoot.appendingPathComponent("reports/\(name).md").path
        let folder = try BuildPipeline.build(source, settings: BuildSettings(outDirectory: out.path, params: params),
                                             progress: SilentProgress())
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        let markdown = try String(contentsOf: folder.appendingPathComponent("\(name).md"), encoding: .utf8)
        // Every number in the prose came from {eval}: none is left unresolved.
        #expect(!html.contains("{eval}") && !markdown.contains("{eval}"))
        // Figures and tables are numbered 1, 2, 3… in page order.
        for kind in ["Figure", "Table"] {
            let numbers = html.components(separatedBy: "<span class=\"label\">\(kind) ").dropFirst()
                .compactMap { Int($0.prefix { $0.isNumber }) }
            #expect(!numbers.isEmpty && numbers == Array(1...numbers.count), "\(name): \(kind) numbers \(numbers)")
        }
        guard HeadlessBrowser.executable != nil else { return }
        let page = try HeadlessBrowser.check(page: folder.appendingPathComponent("index.html"))
        let figures = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("figures").path)
        #expect(page.images.count == figures.count, "\(name): \(page.images.count) images for \(figures.count) figures")
        for image in page.images { #expect(image.ok, "\(name): image \(image.src) did not load") }
        for link in page.links { #expect(link.ok, "\(name): link \(link.href) (\(link.text)) has no target") }
        // A {numref} link reads as its target's caption label: "Figure 3" → "Figure 3.".
        let numbered = try Regex("^(Figure|Table|Predictor) [0-9]+$")
        for link in page.links where link.text.wholeMatch(of: numbered) != nil {
            #expect(link.targetLabel == link.text + ".", "\(name): \(link.href) reads \(link.text) but its caption is \(link.targetLabel ?? "unlabelled")")
        }
        #expect(page.console.isEmpty, "\(name): console: \(page.console)")
    }
}
