import Foundation
import Testing
import TestSupport
import ReportChartsGD
@testable import ReportCLI
@testable import ReportEngine

/// `reports/gallery.md` — every chart kind on built-in data — builds, and every figure it asks
/// for is a decodable, non-blank PNG of the size the page states, so no chart kind can
/// silently break.
@Suite struct GalleryTests {
    static let gallery = Fixtures.packageRoot.appendingPathComponent("reports/gallery.md")

    /// The figure ids each directive of the gallery draws, read from the report itself, so the
    /// test follows edits to it; a directive this table does not know fails the test, so a new
    /// chart directive in the gallery must be added here.
    static func expectedFigures(_ document: Document) throws -> [String] {
        var ids: [String] = []
        var seen: [String: Int] = [:]
        var multiLabel = false
        for directive in document.directives {
            if directive.name == "load" { multiLabel = false }
            if directive.name == "labels" { multiLabel = true }
            var id = directive.option("name").flatMap(Self.scalar) ?? directive.name
            if directive.option("name") == nil {
                seen[id, default: 0] += 1
                if let count = seen[id], count > 1 { id += "-\(count)" }
            }
            if directive.option("hidden").flatMap(Self.scalar) == "true" { continue }
            switch directive.name {
            case "load", "split", "normalize", "train", "describe", "filter", "sample", "clean", "join":
                continue
            case "distribution", "correlation", "histogram", "scatter", "bar", "radar", "compare", "importance",
                 "coefficients", "labels", "hcluster", "search":
                ids.append(id)
            case "kmeans":
                ids += ["\(id)-heatmap", "\(id)-shares"] + (directive.option("profile") != nil ? ["\(id)-profile"] : [])
            case "kde":
                let features = directive.option("features").map(Self.list) ?? []
                if directive.option("layout").flatMap(Self.scalar) == "separate" {
                    ids += features.map { "\(id)-\($0)" }
                } else {
                    ids.append(id)
                }
            case "boxplot":
                let features = directive.option("features").map(Self.list) ?? []
                ids += features.count == 1 ? [id] : features.map { "\(id)-\($0)" }
            case "evaluate":
                let models = directive.argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let plots = directive.option("plots").map(Self.list) ?? ["confusion", "roc"]
                for model in models {
                    for plot in plots {
                        switch plot {
                        case "confusion":
                            // A multi-label model has one grid of per-tag matrices.
                            ids += multiLabel ? ["\(model)-confusion"] : ["\(model)-confusion", "\(model)-confusion-normalized"]
                        case "roc", "importance", "coefficients": ids.append("\(model)-\(plot)")
                        default: break
                        }
                    }
                }
            default:
                Issue.record("the gallery uses {\(directive.name)}: say here which figures it draws")
            }
        }
        return ids
    }

    static func scalar(_ option: OptionValue) -> String? {
        if case .scalar(let text) = option.value { return text }
        return nil
    }

    static func list(_ option: OptionValue) -> [String] {
        switch option.value {
        case .list(let items): return items
        case .scalar(let text):
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    @Test func everyFigureOfTheGalleryIsAReadableImage() throws {
        let document = try DocumentParser.parse(contentsOf: Self.gallery, displayPath: "reports/gallery.md")
        let expected = try Self.expectedFigures(document)
        // Every chart kind: heatmaps, bars, densities, histograms, boxes, scatter, radar, ROC.
        #expect(expected.count >= 15, "the gallery should show every chart kind: \(expected)")

        let out = try Fixtures.temporaryDirectory("gallery")
        defer { try? FileManager.default.removeItem(at: out) }
        let folder = try BuildPipeline.build(Self.gallery.path, settings: BuildSettings(outDirectory: out.path),
                                             progress: SilentProgress())
        let figures = folder.appendingPathComponent("figures")
        let files = try FileManager.default.contentsOfDirectory(atPath: figures.path).sorted()
        #expect(files == expected.map { "\($0).png" }.sorted(), "figures written differ from those the report asks for")

        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<figure id=").count - 1 == expected.count)
        for id in expected {
            let bytes = try [UInt8](Data(contentsOf: figures.appendingPathComponent("\(id).png")))
            #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(id).png is not a PNG")
            let image = try PNGImage(bytes: bytes)
            #expect(image.width > 0 && image.height > 0, "\(id).png is empty")
            // The page states the logical size; at the default :scale: 2 the PNG has twice as many pixels.
            #expect(image.width % 2 == 0 && image.height % 2 == 0)
            #expect(html.contains("src=\"figures/\(id).png\" width=\"\(image.width / 2)\" height=\"\(image.height / 2)\""),
                    "\(id).png: size in the page differs from the image")
            let ink = image.inkCoverage(stride: 4)
            #expect(ink > 0.02 && ink < 0.9, "\(id).png looks blank or flooded (ink \(ink))")
        }

        // In a browser, every image loads and every in-page link has a target.
        if HeadlessBrowser.executable != nil {
            let page = try HeadlessBrowser.check(page: folder.appendingPathComponent("index.html"))
            #expect(page.images.count == expected.count)
            for image in page.images { #expect(image.ok, "image \(image.src) did not load in Chromium") }
            for link in page.links { #expect(link.ok, "link \(link.href) (\(link.text)) has no target") }
        }
    }
}
