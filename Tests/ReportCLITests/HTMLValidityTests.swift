import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// The pages `report build` writes are valid HTML by the W3C Nu HTML Checker (vnu.jar): the
/// chart gallery (every chart kind and data step) and a report with every block kind the HTML
/// writer has, linked and self-contained. Skips, saying why, when Java or vnu.jar is missing.
@Suite(.enabled(if: HTMLValidator.unavailableReason == nil,
                Comment(rawValue: HTMLValidator.unavailableReason ?? "")),
       .serialized)
struct HTMLValidityTests {
    /// Warnings of vnu 20.6 that are outdated advice, not defects: `inputmode` is supported by
    /// every current browser, and ARIA 1.2 lets a list (the predictor's probability bars) be
    /// named with `aria-label`. Any other warning fails the test, as every error does.
    static let acceptedWarnings = [
        "The “inputmode” attribute is not supported in all browsers",
        "Possible misuse of “aria-label”",
    ]

    @Test func builtPagesAreValidHTML() throws {
        let out = try Fixtures.temporaryDirectory("html-valid")
        defer { try? FileManager.default.removeItem(at: out) }
        let fixture = try ReportFixture("html-valid-report")
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let blockKinds = try BlockKindsReport.write(into: fixture)
        let gallery = Fixtures.packageRoot.appendingPathComponent("reports/gallery.md").path

        let linked = try BuildPipeline.build(blockKinds, settings: BuildSettings(outDirectory: out.path),
                                             progress: SilentProgress())
        let inlined = try BuildPipeline.build(blockKinds, settings: BuildSettings(
            outDirectory: out.appendingPathComponent("self-contained").path, selfContained: true),
            progress: SilentProgress())
        let galleryFolder = try BuildPipeline.build(gallery, settings: BuildSettings(
            outDirectory: out.path, params: [("per_genre", "100")]), progress: SilentProgress())
        let pages = [linked, inlined, galleryFolder].map { $0.appendingPathComponent("index.html") }

        let messages = try HTMLValidator.check(pages)
        let problems = messages.filter { message in
            message.isError || (message.isWarning && !Self.acceptedWarnings.contains { message.message.hasPrefix($0) })
        }
        #expect(problems.isEmpty, "vnu.jar:\n\(problems.map(\.description).joined(separator: "\n"))")

        // The checker reports duplicate ids, but not in-page links that lead nowhere.
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            let ids = Set(Self.attributeValues("id", in: html))
            for href in Self.attributeValues("href", in: html) where href.hasPrefix("#") {
                let target = String(href.dropFirst()).removingPercentEncoding ?? String(href.dropFirst())
                #expect(ids.contains(target), "\(page.deletingLastPathComponent().lastPathComponent): link \(href) has no target")
            }
        }
    }

    /// The values of every `name="…"` attribute in `html`, entities decoded as far as ids and
    /// fragment links need (`&amp;`, `&quot;`, `&#39;`, `&lt;`, `&gt;`).
    static func attributeValues(_ name: String, in html: String) -> [String] {
        let pattern = try! Regex<(Substring, Substring)>("\\s\(name)=\"([^\"]*)\"")
        return html.matches(of: pattern).map { match in
            String(match.output.1)
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
