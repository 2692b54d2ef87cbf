import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// The Markdown a build writes reads on GitHub as the HTML page does: rendered by cmark-gfm
/// (GitHub's own parser) every table is a table, every image a relative link to a written
/// figure, and every in-page link — `{numref}`, headings — has its anchor.
@Suite struct MarkdownOutputTests {
    @Test func markdownRendersAsGitHubMarkdown() throws {
        let fixture = try ReportFixture("markdown-output")
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let report = try BlockKindsReport.write(into: fixture)
        let folder = try BuildPipeline.build(report, settings: BuildSettings(
            outDirectory: fixture.directory.appendingPathComponent("out").path), progress: SilentProgress())
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        let tree = try CommonMarkTree(markdown: markdown)
        let html = tree.html(tree.root)
        // Each table is parsed as one: its delimiter row was not taken for text.
        // (Prose keeps the author's own table syntax, e.g. `|---|---:|`.)
        let delimiterRows = markdown.split(separator: "\n").filter {
            $0.wholeMatch(of: /\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?\|?/) != nil
        }
        #expect(html.components(separatedBy: "<table>").count - 1 == delimiterRows.count)
        #expect(delimiterRows.count >= 6)
        #expect(!html.contains("| ---"), "a table rendered as text")

        let figures = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("figures").path)
        let images = HTMLValidityTests.attributeValues("src", in: html)
        #expect(images.count == figures.count)
        for src in images {
            #expect(src.hasPrefix("figures/"), "image link is not relative to the report: \(src)")
            #expect(figures.contains(String(src.dropFirst("figures/".count))), "\(src) was not written")
        }
        let ids = Set(HTMLValidityTests.attributeValues("id", in: html) + headingAnchors(markdown))
        for href in HTMLValidityTests.attributeValues("href", in: html) where href.hasPrefix("#") {
            #expect(ids.contains(String(href.dropFirst())), "link \(href) has no anchor in the Markdown")
        }
    }

    /// The anchors GitHub gives headings (the same slugs the writers use).
    func headingAnchors(_ markdown: String) -> [String] {
        let slugger = HeadingSlugger()
        return markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("#") }
            .map { line in slugger.slug(String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)) }
    }
}
