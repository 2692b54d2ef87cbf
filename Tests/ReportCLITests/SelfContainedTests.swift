import ArgumentParser
import Foundation
import Testing
import TestSupport
import ReportChartsGD
@testable import ReportCLI
@testable import ReportEngine

/// `--self-contained`: index.html carries every figure as a `data:` PNG, so the page alone —
/// copied away from figures/ — still shows them; neither mode fetches anything from the network.
@Suite(.serialized) struct SelfContainedTests {
    @Test func buildAndCheckAcceptTheFlag() throws {
        let build = try BuildCommand.parse(["report.md", "--self-contained"])
        #expect(build.options.selfContained)
        #expect(try build.options.settings(outDirectory: "out").selfContained)
        #expect(try !BuildCommand.parse(["report.md"]).options.selfContained)
        let check = try CheckCommand.parse(["reports", "--self-contained", "--out", "published"])
        #expect(check.options.selfContained)
    }

    @Test func figuresAreInlinedAsDecodablePNGs() throws {
        let fixture = try ReportFixture("self-contained")
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let report = try BlockKindsReport.write(into: fixture)
        let out = fixture.directory.appendingPathComponent("out")
        let outcome = try ReportBinary.run(["build", report, "--out", out.path, "--self-contained", "--quiet"],
                                           in: fixture.directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = out.appendingPathComponent("report")
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)

        #expect(!html.contains("src=\"figures/"))
        let figures = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("figures").path)
        #expect(!figures.isEmpty, "figures/ is still written for the Markdown")
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("](figures/"), "the Markdown links its figures")

        // Every image is a data: URI holding a PNG of twice the size the page states (:scale: 2).
        let images = html.matches(of: /<img src="([^"]*)" width="(\d+)" height="(\d+)"/)
        #expect(images.count == figures.count)
        for image in images {
            let prefix = "data:image/png;base64,"
            let src = String(image.output.1)
            #expect(src.hasPrefix(prefix), "image not inlined: \(src.prefix(60))")
            let bytes = try #require(Data(base64Encoded: String(src.dropFirst(prefix.count))), "bad base64")
            let png = try PNGImage(bytes: [UInt8](bytes))
            #expect(png.width == 2 * Int(image.output.2)! && png.height == 2 * Int(image.output.3)!)
        }
        Self.expectNoExternalResources(html)
        let linked = try BuildPipeline.build(report, settings: BuildSettings(outDirectory: out.appendingPathComponent("linked").path),
                                             progress: SilentProgress())
        Self.expectNoExternalResources(try String(contentsOf: linked.appendingPathComponent("index.html"), encoding: .utf8))

        // The page alone, in a folder without figures/, shows every figure in a browser.
        guard HeadlessBrowser.executable != nil else { return }
        let alone = try Fixtures.temporaryDirectory("self-contained-alone")
        defer { try? FileManager.default.removeItem(at: alone) }
        try FileManager.default.copyItem(at: folder.appendingPathComponent("index.html"),
                                         to: alone.appendingPathComponent("index.html"))
        let page = try HeadlessBrowser.check(page: alone.appendingPathComponent("index.html"))
        #expect(page.images.count == figures.count)
        for image in page.images {
            #expect(image.ok && image.width > 100, "image \(image.src)… did not decode in Chromium")
        }
        for link in page.links { #expect(link.ok, "link \(link.href) (\(link.text)) has no target") }
        #expect(page.console.isEmpty, "console: \(page.console)")
    }

    /// The page loads nothing from elsewhere: no remote `src`, stylesheet, font or import.
    static func expectNoExternalResources(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for pattern in ["src=\"http", "src=\"//", "<link", "@import", "url(", "@font-face"] {
            #expect(!html.contains(pattern), "the page loads an external resource (\(pattern))", sourceLocation: sourceLocation)
        }
    }
}
