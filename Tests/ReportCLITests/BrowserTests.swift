import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// Opens built reports in headless Chromium: every image must decode and every in-page link
/// (table of contents, `{numref}`) must lead to an element.
@Suite(.enabled(if: HeadlessBrowser.executable != nil, "chromium is not installed; `make test` installs it"),
       .serialized)
struct BrowserTests {
    /// The Beatport report itself, on a small synthetic sample.
    @Test func beatportReportLoadsInChromium() throws {
        let out = try Fixtures.temporaryDirectory("browser")
        let report = Fixtures.packageRoot.appendingPathComponent("reports/beatport.md").path
        let folder = try BuildPipeline.build(report, settings: BuildSettings(
            outDirectory: out.path, params: [("per_genre", "150")]), progress: SilentProgress())
        let page = try HeadlessBrowser.check(page: folder.appendingPathComponent("index.html"))

        #expect(page.title == "Telling Electronic Genres Apart from Audio Features")
        let figures = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("figures").path)
        #expect(page.images.count == figures.count)
        #expect(page.images.count >= 4)
        for image in page.images {
            #expect(image.ok, "image \(image.src) did not load")
            #expect(image.width > 300)
        }
        #expect(page.links.contains { $0.href == "#fig-correlation" && $0.text.hasPrefix("Figure ") })
        #expect(page.links.contains { $0.href == "#exploration" })
        for link in page.links {
            #expect(link.ok, "link \(link.href) (\(link.text)) has no target")
        }
    }

    /// The check itself must be able to fail: a deleted figure is reported as not loaded.
    @Test func aMissingFigureIsDetected() throws {
        let out = try Fixtures.temporaryDirectory("browser-missing")
        let report = Fixtures.packageRoot.appendingPathComponent("reports/beatport.md").path
        let folder = try BuildPipeline.build(report, settings: BuildSettings(
            outDirectory: out.path, params: [("per_genre", "50")]), progress: SilentProgress())
        try FileManager.default.removeItem(at: folder.appendingPathComponent("figures/correlation.png"))
        let page = try HeadlessBrowser.check(page: folder.appendingPathComponent("index.html"))
        #expect(page.images.first { $0.src == "figures/correlation.png" }?.ok == false)
        #expect(page.images.first { $0.src == "figures/rank-correlation.png" }?.ok == true)
    }

    /// The console check must be able to fail too: an uncaught error in a page's script is
    /// reported, and a page that writes nothing shows an empty console.
    @Test func aScriptErrorReachesTheConsoleCheck() throws {
        let folder = try Fixtures.temporaryDirectory("browser-console")
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.html")
        try "<!DOCTYPE html><title>x</title><script>undefinedFunction();</script>".write(to: broken, atomically: true, encoding: .utf8)
        let quiet = folder.appendingPathComponent("quiet.html")
        try "<!DOCTYPE html><title>x</title><p>fine</p>".write(to: quiet, atomically: true, encoding: .utf8)
        #expect(try HeadlessBrowser.check(page: broken).console.contains { $0.contains("undefinedFunction") })
        #expect(try HeadlessBrowser.check(page: quiet).console.isEmpty)
    }
}
