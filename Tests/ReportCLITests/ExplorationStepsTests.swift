import Foundation
import Testing
import TestSupport
import ReportCharts
@testable import ReportCLI
@testable import ReportEngine
@testable import ReportSteps

/// The plotting directives — `histogram`, `boxplot`, `scatter`, `bar`, `radar` — end to end
/// through the build pipeline on a small CSV: their results against NumPy
/// (Tests/reference/exploration_reference.py), their figures (file, PNG size, caption, alt
/// text), and every bad input a report author can give, each at the line that caused it.
@Suite struct ExplorationStepsTests {
    /// 100 tracks: techno (rows 0–44), house (45–77), disco (78–99). `energy` is a permutation
    /// of 0.00…0.99, `tempo` whole numbers 100…159, `mood` text.
    static let tracks: String = {
        var lines = ["id,genre,energy,tempo,valence,mood"]
        for i in 0..<100 {
            let genre = i < 45 ? "techno" : i < 78 ? "house" : "disco"
            lines.append("\(i),\(genre),\(Double((i * 37) % 100) / 100),\(100 + (i * 13) % 60),"
                         + "\(Double((i * 71) % 97) / 97),\(["happy", "sad", "calm"][i % 3])")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// Lines 1–9; a body starts at line 10.
    static let header = "---\ntitle: Explore\nseed: 5\n---\n\n```{load} tracks.csv\n:label: genre\n```\n\n"

    struct Built {
        let folder: URL
        let results: [String: Any]
        let html: String

        func value(_ keys: String...) -> Any? {
            var node: Any? = results
            for key in keys { node = (node as? [String: Any])?[key] }
            return node
        }

        func double(_ keys: String...) -> Double? {
            var node: Any? = results
            for key in keys { node = (node as? [String: Any])?[key] }
            return (node as? NSNumber)?.doubleValue
        }

        func int(_ keys: String...) -> Int? {
            var node: Any? = results
            for key in keys { node = (node as? [String: Any])?[key] }
            return node as? Int
        }

        /// The logical size of `figures/<id>.png` from its IHDR chunk; `nil` when missing or not a PNG.
        func figureSize(_ id: String) -> (width: Int, height: Int)? {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent("figures/\(id).png")) else { return nil }
            return PNGHeader.size(Array(data))
        }

        var figureFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("figures").path)) ?? [])
                .sorted()
        }
    }

    func build(_ body: String) throws -> Built {
        let fixture = try ReportFixture()
        try fixture.write("tracks.csv", Self.tracks)
        let path = try fixture.write("explore.md", Self.header + body)
        let folder = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: fixture.path("out")),
                                             progress: SilentProgress())
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("results.json")))
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        return Built(folder: folder, results: json as? [String: Any] ?? [:], html: html)
    }

    func expectFailure(_ body: String, line: Int, contains fragments: [String],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try build(body)
            Issue.record("expected the build to fail", sourceLocation: sourceLocation)
        } catch let error as ReportError {
            #expect(error.location?.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains("explore.md:\(line): error: "), "\(error)", sourceLocation: sourceLocation)
            for fragment in fragments {
                #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    static let tolerance = 1e-12

    // MARK: - histogram

    @Test func histogramBinsAndClassMeansMatchNumPy() throws {
        let built = try build("```{histogram}\n:features: [energy, tempo]\n```\n")
        // np.histogram_bin_edges(energy, bins="auto") has 8 bins over 0…0.99.
        #expect(built.int("histogram", "energy", "bins") == 8)
        #expect(built.double("histogram", "energy", "lo") == 0)
        #expect(built.double("histogram", "energy", "hi") == 0.99)
        // Whole numbers 100…159: one bin per value (numpy's 'auto' would give 8 uneven ones).
        #expect(built.int("histogram", "tempo", "bins") == 60)
        #expect(built.double("histogram", "tempo", "width") == 1)
        #expect(built.int("histogram", "rows") == 100)
        let means = ["disco": 0.5177272727272727, "house": 0.47909090909090912, "techno": 0.49555555555555564]
        let counts = ["disco": 22, "house": 33, "techno": 45]
        for (genre, mean) in means {
            let got = try #require(built.double("histogram", "energy", "classes", genre, "mean"))
            #expect(abs(got - mean) < Self.tolerance)
            #expect(built.int("histogram", "energy", "classes", genre, "count") == counts[genre])
        }
        // One figure with a panel per feature, three classes in the legend.
        #expect(built.figureFiles == ["histogram.png"])
        let size = try #require(built.figureSize("histogram"))
        #expect(size.width > 1200 && size.height > 400, "drawn at twice the page size by default")
        #expect(built.html.contains("width=\"\(size.width / 2)\" height=\"\(size.height / 2)\""))
        #expect(built.html.contains("Histogram of each feature per genre"))
        #expect(built.html.contains("alt=\"Histograms of 2 features, one translucent colour per genre overlaid in shared bins\""))
    }

    @Test func histogramWithFixedBinsConditionAndCaption() throws {
        let built = try build("""
        ```{histogram}
        :name: energetic
        :features: [energy]
        :bins: 10
        :where: energy > 0.5
        :stat: density
        :caption: Only the <energetic> tracks
        :width: 500
        :height: 320
        :scale: 1
        ```
        """)
        #expect(built.int("energetic", "rows") == 49)
        #expect(built.int("energetic", "energy", "bins") == 10)
        #expect(built.double("energetic", "energy", "lo") == 0.51)
        #expect(built.double("energetic", "energy", "hi") == 0.99)
        let size = try #require(built.figureSize("energetic"))
        #expect(size.width == 500 && size.height == 320, "drawn at :scale: 1")
        #expect(built.html.contains("Only the &lt;energetic&gt; tracks"))
        #expect(built.html.contains("width=\"500\""))
    }

    @Test func histogramOfAllRowsWithoutLabel() throws {
        let fixture = try ReportFixture()
        try fixture.write("tracks.csv", Self.tracks)
        let path = try fixture.write("plain.md", "```{load} tracks.csv\n```\n\n```{histogram}\n:features: [energy]\n```\n")
        let folder = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: fixture.path("out")),
                                             progress: SilentProgress())
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures/histogram.png").path))
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("</span> Histogram of energy</figcaption>"))
    }

    /// numpy's 'auto' asks for 201 bins here (a long tail stretches the range); a panel draws 50.
    @Test func automaticBinsAreCapped() {
        let values = (0..<10_000).map { Double($0 % 1000) / 1000 + 0.0005 } + [100.25]
        #expect(HistogramBins.auto(values).count == 201)
        let capped = HistogramStep.automaticBins(values, cap: 50)
        #expect(capped.count == 50)
        #expect(capped.edges.first == 0.0005 && capped.edges.last == 100.25)
        // Whole numbers keep one bin per value; few bins are left as numpy chose them.
        #expect(HistogramStep.automaticBins((0..<500).map { Double($0 % 7) }, cap: 50).count == 7)
        #expect(HistogramStep.automaticBins((0..<100).map { Double(($0 * 37) % 100) / 100 }, cap: 50).count == 8)
    }

    @Test func histogramBadInput() {
        expectFailure("```{histogram}\n:features: [enrgy]\n```\n", line: 11,
                      contains: ["no column 'enrgy' in the data", "did you mean 'energy'?", "columns: id, genre"])
        expectFailure("```{histogram}\n:features: [energy, mood]\n```\n", line: 11,
                      contains: ["column 'mood' holds text, not numbers", "numeric columns: id, energy"])
        expectFailure("```{histogram}\n:features: [energy]\n:where: energy > 5\n```\n", line: 12,
                      contains: ["no row satisfies ':where: energy > 5' (100 rows checked)"])
        expectFailure("```{histogram}\n:where: enrgy > 5\n```\n", line: 11,
                      contains: ["option 'where': no column 'enrgy'", "did you mean 'energy'?"])
        expectFailure("```{histogram}\n:features: [energy]\n:bins: many\n```\n", line: 12,
                      contains: ["option 'bins' must be auto or a whole number from 1 to 1000, found 'many'"])
        expectFailure("```{histogram}\n:by: energy\n```\n", line: 11,
                      contains: ["column 'energy' has 100 distinct values, too many classes"])
        expectFailure("```{histogram}\n:by: genr\n```\n", line: 11, contains: ["no column 'genr'", "did you mean 'genre'?"])
    }

    // MARK: - boxplot

    @Test func boxplotQuartilesMatchNumPy() throws {
        let built = try build("```{boxplot}\n:features: [energy]\n:means: true\n```\n")
        // np.percentile(energy[genre == c], [25, 50, 75])
        let expected: [String: (q1: Double, median: Double, q3: Double)] = [
            "disco": (0.27, 0.54, 0.7625), "house": (0.24, 0.49, 0.72), "techno": (0.25, 0.48, 0.74),
        ]
        for (genre, quartiles) in expected {
            let q1 = try #require(built.double("boxplot", "energy", genre, "q1"))
            let median = try #require(built.double("boxplot", "energy", genre, "median"))
            let q3 = try #require(built.double("boxplot", "energy", genre, "q3"))
            #expect(abs(q1 - quartiles.q1) < Self.tolerance, "\(genre) q1 \(q1)")
            #expect(abs(median - quartiles.median) < Self.tolerance, "\(genre) median \(median)")
            #expect(abs(q3 - quartiles.q3) < Self.tolerance, "\(genre) q3 \(q3)")
            #expect(built.int("boxplot", "energy", genre, "outliers") == 0)
        }
        #expect(built.int("boxplot", "energy", "techno", "count") == 45)
        #expect(built.figureFiles == ["boxplot.png"])
        #expect(built.html.contains("Box plot of energy per genre"))
    }

    @Test func boxplotDrawsOneFigurePerFeature() throws {
        let built = try build("```{boxplot}\n:name: spread\n:features: [energy, tempo]\n:caption: Spread\n```\n")
        #expect(built.figureFiles == ["spread-energy.png", "spread-tempo.png"])
        #expect(built.figureSize("spread-tempo") != nil)
        #expect(built.html.contains("Spread: tempo"))
        #expect(built.html.contains("id=\"fig-spread-energy\""))
        #expect(built.double("spread", "tempo", "disco", "median") == 128.5)
    }

    @Test func boxplotOfAllRows() throws {
        let built = try build("```{boxplot}\n:features: [tempo]\n:by: none\n```\n")
        #expect(built.int("boxplot", "tempo", "all rows", "count") == 100)
        #expect(built.html.contains("</span> Box plot of tempo</figcaption>"))
    }

    @Test func boxplotBadInput() {
        expectFailure("```{boxplot}\n:features: [mood]\n```\n", line: 11, contains: ["column 'mood' holds text, not numbers"])
        expectFailure("```{boxplot}\n:features: [tempoo]\n```\n", line: 11, contains: ["did you mean 'tempo'?"])
    }

    // MARK: - scatter

    @Test func scatterPearsonMatchesNumPy() throws {
        let built = try build("```{scatter} energy\n:y: tempo\n```\n")
        // np.corrcoef(energy, tempo)[0, 1]
        let r = try #require(built.double("scatter", "r"))
        #expect(abs(r - 0.048749126532555011) < Self.tolerance)
        #expect(built.int("scatter", "rows") == 100)
        #expect(built.int("scatter", "shown") == 100)
        let perClass = ["disco": -0.033529478394116748, "house": -0.070899719561764607, "techno": 0.17441397150506438]
        for (genre, expected) in perClass {
            let got = try #require(built.double("scatter", "per_class", genre, "r"))
            #expect(abs(got - expected) < Self.tolerance)
        }
        #expect(built.figureFiles == ["scatter.png"])
        #expect(built.html.contains("tempo against energy, coloured by genre (Pearson r = 0.05)"))
    }

    @Test func scatterSamplesDeterministically() throws {
        let body = "```{scatter} energy\n:y: valence\n:sample: 40\n:alpha: 0.3\n:color: none\n```\n"
        let first = try build(body), second = try build(body)
        let shown = try #require(first.int("scatter", "shown"))
        #expect(shown <= 40 && shown >= 36)
        #expect(first.value("scatter", "per_class") == nil)
        let a = try Data(contentsOf: first.folder.appendingPathComponent("figures/scatter.png"))
        let b = try Data(contentsOf: second.folder.appendingPathComponent("figures/scatter.png"))
        #expect(a == b)
    }

    @Test func scatterBadInput() {
        expectFailure("```{scatter} energy\n```\n", line: 10, contains: ["{scatter} needs ':y: COLUMN'"])
        expectFailure("```{scatter} enrgy\n:y: tempo\n```\n", line: 10, contains: ["no column 'enrgy'", "did you mean 'energy'?"])
        expectFailure("```{scatter} energy\n:y: mood\n```\n", line: 11, contains: ["column 'mood' holds text, not numbers"])
        expectFailure("```{scatter} energy\n:y: tempo\n:alpha: 2\n```\n", line: 12, contains: ["option 'alpha' must be between 0.05 and 1"])
        expectFailure("```{scatter} energy\n:y: tempo\n:sample: 0\n```\n", line: 12, contains: ["option 'sample' must be at least 1"])
        expectFailure("```{scatter}\n:y: tempo\n```\n", line: 10, contains: ["{scatter} needs an argument: the x column"])
    }

    // MARK: - bar

    @Test func barMeansAndMediansPerClass() throws {
        let built = try build("```{bar} tempo\n```\n\n```{bar} tempo\n:name: medians\n:stat: median\n```\n")
        let means = ["disco": 129.59090909090909, "house": 129.36363636363637, "techno": 128.66666666666666]
        for (genre, mean) in means {
            let got = try #require(built.double("bar", "values", genre))
            #expect(abs(got - mean) < 1e-9)
        }
        #expect(built.value("bar", "highest") as? String == "disco")
        #expect(built.value("bar", "lowest") as? String == "techno")
        #expect(built.int("bar", "counts", "house") == 33)
        #expect(built.double("medians", "values", "disco") == 128.5)
        #expect(built.double("medians", "values", "house") == 129)
        #expect(built.figureFiles == ["bar.png", "medians.png"])
        #expect(built.html.contains("Mean tempo per genre"))
        #expect(built.html.contains("Median tempo per genre"))
    }

    @Test func barBadInput() {
        expectFailure("```{bar} mood\n```\n", line: 10, contains: ["column 'mood' holds text, not numbers"])
        expectFailure("```{bar} tempo\n:stat: mode\n```\n", line: 11, contains: ["option 'stat' does not accept 'mode'", "mean, median"])
        expectFailure("```{bar} tempo\n:by: moood\n```\n", line: 11, contains: ["did you mean 'mood'?"])
    }

    // MARK: - radar

    @Test func radarMeansAndScaling() throws {
        let built = try build("```{radar}\n:features: [energy, tempo, valence]\n```\n")
        let expected: [String: [Double]] = [
            "disco": [0.5177272727272727, 129.59090909090909, 0.4601686972820993],
            "house": [0.47909090909090912, 129.36363636363637, 0.52827241487035292],
            "techno": [0.49555555555555564, 128.66666666666666, 0.48087056128293237],
        ]
        let scaled: [String: [Double]] = [
            "disco": [1, 1, 0], "house": [0, 0.75409836065574931, 1], "techno": [0.42614379084967513, 0, 0.30397553516819592],
        ]
        for genre in expected.keys {
            for (j, feature) in ["energy", "tempo", "valence"].enumerated() {
                let mean = try #require(built.double("radar", "means", genre, feature))
                let share = try #require(built.double("radar", "scaled", genre, feature))
                #expect(abs(mean - (expected[genre]?[j] ?? .nan)) < 1e-12)
                #expect(abs(share - (scaled[genre]?[j] ?? .nan)) < 1e-9)
            }
        }
        #expect(built.figureFiles == ["radar.png"])
        #expect(built.html.contains("min–max scaled across the genre classes"))
        #expect(built.html.contains("Mean of each feature per genre"))
        #expect(built.value("radar", "scaling") as? String == "minmax")
    }

    @Test func radarInStandardDeviations() throws {
        let built = try build("```{radar}\n:features: [energy, tempo, valence]\n:scaling: zscore\n:table: false\n```\n")
        // (x[genre == c].mean() - x.mean()) / x.std(ddof=1)
        let expected: [String: [Double]] = [
            "disco": [0.078338862221103298, 0.028112165975870098, -0.10924243164773102],
            "house": [-0.054837203554772562, 0.015097274320375345, 0.12478714872967957],
            "techno": [0.0019149499654048617, -0.024815060089811058, -0.038103164707319316],
        ]
        for (genre, values) in expected {
            for (j, feature) in ["energy", "tempo", "valence"].enumerated() {
                let z = try #require(built.double("radar", "z", genre, feature))
                #expect(abs(z - values[j]) < 1e-12)
                // Drawn on rings from −0.5 sd (centre) to +0.5 sd (outer ring).
                let drawn = try #require(built.double("radar", "scaled", genre, feature))
                #expect(abs(drawn - (values[j] / 0.5 + 1) / 2) < 1e-12)
            }
        }
        #expect(built.value("radar", "scaling") as? String == "zscore")
        #expect(built.html.contains("the centre is −0.5 sd"))
        #expect(!built.html.contains("Mean of each feature per genre"))
    }

    @Test func radarBadInput() {
        expectFailure("```{radar}\n:features: [energy, tempo]\n```\n", line: 11,
                      contains: ["a radar chart needs at least 3 features, found 2"])
        expectFailure("```{radar}\n:features: [energy, tempo, mood]\n```\n", line: 11, contains: ["column 'mood' holds text"])
    }

    @Test func directivesAreListed() {
        for name in ["histogram", "boxplot", "scatter", "bar", "radar"] {
            #expect(standardRegistry.step(named: name) != nil, "{\(name)} is not registered")
        }
    }
}

/// Reads the pixel size from a PNG's IHDR chunk.
enum PNGHeader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func size(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return nil
        }
        func uint32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (uint32(16), uint32(20))
    }
}
