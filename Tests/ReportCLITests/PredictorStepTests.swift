import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine
@testable import ReportWriters

/// `{predictor}`: what it exports and writes, the errors a report author can make with it,
/// and escaping of data values in the form. `PredictorBrowserTests` runs the form in Chromium.
@Suite(.serialized) struct PredictorStepTests {
    /// Echonest tracks, z-scored, a logistic regression, a small forest and a tree, one
    /// predictor each (ids `lr-form`, `rf-form`, `tree-form`).
    static let echonest = """
    ---
    seed: 5
    ---

    ```{load} synthetic:echonest
    :label: genre
    :rows: 600
    ```

    ```{split}
    :test: 0.25
    ```

    ```{normalize}
    :method: zscore
    ```

    ```{train} logistic-regression
    :name: lr
    :max-iter: 300
    ```

    ```{train} random-forest
    :name: rf
    :trees: 12
    :max-depth: 8
    ```

    ```{train} decision-tree
    :name: tree
    :max-depth: 6
    ```

    The form in {numref}`lr-form` starts from the first test track.

    ```{predictor} lr
    :name: lr-form
    :checks: 60
    ```

    ```{predictor} rf
    :name: rf-form
    :checks: 60
    :example: 3
    ```

    ```{predictor} tree
    :name: tree-form
    :checks: 60
    :caption: A single tree
    ```

    """

    /// Two classes (one coefficient row: the logistic function), min-max scaled, extra trees.
    static let binary = """
    ---
    seed: 8
    ---

    ```{load} synthetic:echonest
    :label: genre
    :rows: 600
    ```

    ```{filter}
    :keep-classes: [Rock, Electronic]
    ```

    ```{split}
    :test: 0.3
    ```

    ```{normalize}
    :method: minmax
    ```

    ```{train} logistic-regression
    :name: lr
    ```

    ```{train} extra-trees
    :name: et
    :trees: 10
    :max-depth: 7
    ```

    ```{predictor} lr
    :name: lr-form
    :checks: 60
    ```

    ```{predictor} et
    :name: et-form
    :checks: 60
    ```

    """

    /// A CSV whose class names and one feature name hold HTML and a script end tag.
    static let hostileLabel = "</script><b>&\"x"
    static let hostileFeature = "lo<u>d&\"ness"
    static let hostileCSV: String = {
        var lines = ["kind,\"lo<u>d&\"\"ness\",tempo"]
        for row in 0..<80 {
            let kind = row % 2 == 0 ? "plain" : "\"</script><b>&\"\"x\""
            let loudness = Double(row % 2 == 0 ? -8 : -3) + Double((row * 7) % 11) / 4
            let tempo = 100 + Double((row * 13) % 40)
            lines.append("\(kind),\(loudness),\(tempo)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let hostileReport = """
    ```{load} hostile.csv
    :label: kind
    ```

    ```{split}
    :test: 0.25
    ```

    ```{train} decision-tree
    :name: tree
    :max-depth: 3
    ```

    ```{predictor} tree
    :name: form
    ```

    """

    /// Builds `text` and returns the output folder and results.json.
    static func build(_ text: String, files: [String: String] = [:]) throws -> (folder: URL, results: [String: Any]) {
        let fixture = try ReportFixture("predictor")
        for (name, contents) in files { try fixture.write(name, contents) }
        let path = try fixture.write("predict.md", text)
        let folder = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: fixture.path("out")),
                                             progress: SilentProgress())
        let data = try Data(contentsOf: folder.appendingPathComponent("results.json"))
        return (folder, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    /// The error building `text` raises, with the line of its first `{predictor}` directive.
    func failure(_ text: String, files: [String: String] = [:]) -> (error: ReportError?, predictorLine: Int?) {
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("```{predictor}") }.map { $0 + 1 }
        do {
            _ = try Self.build(text, files: files)
            return (nil, line)
        } catch {
            return (error as? ReportError, line)
        }
    }

    static let echonestHead = """
    ```{load} synthetic:echonest
    :label: genre
    :rows: 300
    ```

    ```{split}
    ```

    """

    @Test func resultsHoldTheExampleAndTheChecks() throws {
        let (folder, results) = try Self.build(Self.echonest)
        let lr = try #require(results["lr-form"] as? [String: Any])
        #expect(lr["classes"] as? [String] == ["Electronic", "Hip-Hop", "Rock"])
        #expect(lr["model"] as? String == "lr")
        let checks = try #require(lr["checks"] as? [[String: Any]])
        #expect(checks.count == 60)
        let example = try #require(lr["example"] as? [String: Any])
        #expect(example["row"] as? Int == 1)
        // The example is the first check row, in the data's units (not z-scores).
        let values = try #require(example["values"] as? [String: Double])
        #expect(values == checks[0]["values"] as? [String: Double])
        #expect(example["predicted"] as? String == checks[0]["predicted"] as? String)
        #expect(values.keys.sorted() == ["acousticness", "danceability", "energy", "instrumentalness", "liveness",
                                         "speechiness", "tempo", "valence"])
        let tempo = try #require(values["tempo"])
        #expect(tempo > 20 && tempo < 300, "tempo \(tempo) should be in beats per minute")
        let probabilities = try #require(example["probabilities"] as? [String: Double])
        #expect(abs(probabilities.values.reduce(0, +) - 1) < 1e-12)
        #expect(probabilities.max { $0.value < $1.value }?.key == example["predicted"] as? String)

        // The forest's example is the third test row.
        let rf = try #require(results["rf-form"] as? [String: Any])
        let rfChecks = try #require(rf["checks"] as? [[String: Any]])
        let rfExample = try #require(rf["example"] as? [String: Any])
        #expect(rfExample["values"] as? [String: Double] == rfChecks[2]["values"] as? [String: Double])
        #expect(try #require(rf["bytes"] as? Int) > (try #require(lr["bytes"] as? Int)))

        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<form class=\"predictor-form\"").count == 4)
        // The script is included once, inline (no external request), and only with a predictor.
        #expect(html.components(separatedBy: "function attach(form)").count == 2)
        #expect(!html.contains("<script src"))
        #expect(html.contains("<figcaption><span class=\"label\">Predictor 1.</span>"))
        #expect(html.contains("<span class=\"label\">Predictor 3.</span> A single tree</figcaption>"))
        #expect(html.contains("<a href=\"#pred-lr-form\">Predictor 1</a>"))
        #expect(html.contains("id=\"pred-lr-form-model\""))
        #expect(html.contains("value=\"\(HTMLWriter.numberText(tempo))\""))

        let markdown = try String(contentsOf: folder.appendingPathComponent("predict.md"), encoding: .utf8)
        #expect(markdown.contains("**Predictor 3.** A single tree"))
        #expect(markdown.contains("has an interactive form here"))
        #expect(markdown.contains("| tempo | \(HTMLWriter.numberText(tempo)) |"))
        #expect(markdown.contains("| **predicted genre** | **\(try #require(example["predicted"] as? String))** ("))
    }

    @Test func aPageWithoutPredictorHasNoScript() throws {
        let (folder, _) = try Self.build(Self.echonestHead + "```{train} decision-tree\n:max-depth: 2\n```\n")
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("<script"))
    }

    @Test func unknownModel() {
        let (error, line) = failure(Self.echonestHead + "```{train} decision-tree\n:name: tree\n```\n\n```{predictor} tre\n```\n")
        #expect(error?.message == "no trained model 'tre'")
        #expect(error?.notes.first == "did you mean 'tree'?")
        #expect(error?.location?.line == line)
        #expect(error?.description.contains("predict.md:\(line ?? 0): error: no trained model") == true)
    }

    @Test func unsupportedModelKind() {
        let (error, line) = failure(Self.echonestHead + "```{train} knn\n:name: near\n```\n\n```{predictor} near\n```\n")
        #expect(error?.message == "'near' is a knn model, which the page cannot evaluate")
        #expect(error?.notes.first == "{predictor} supports logistic-regression, decision-tree, random-forest, extra-trees models of one class per row")
        #expect(error?.location?.line == line)
    }

    @Test func oneVsRestIsRefused() {
        let (error, _) = failure(Self.echonestHead + "```{train} logistic-regression\n:name: ovr\n:one-vs-rest: true\n```\n\n```{predictor} ovr\n```\n")
        #expect(error?.message.contains("which the page cannot evaluate") == true, "\(String(describing: error))")
    }

    @Test func multiLabelModelIsRefused() {
        let (error, line) = failure("""
        ```{load} synthetic:lastfm
        :rows: 300
        ```

        ```{labels} tags
        :top: 4
        ```

        ```{split}
        ```

        ```{train} decision-tree
        :name: tags
        :max-depth: 3
        ```

        ```{predictor} tags
        ```

        """)
        #expect(error?.message.contains("'tags' is a multi-label model") == true, "\(String(describing: error))")
        #expect(error?.message.contains("{predictor} needs a model of one class per row") == true)
        #expect(error?.notes.first?.hasPrefix("{predictor} supports logistic-regression") == true)
        #expect(error?.location?.line == line)
    }

    @Test func modelTooLargeForThePage() {
        let (error, line) = failure(Self.echonestHead + "```{train} random-forest\n:name: rf\n:trees: 5\n```\n\n```{predictor} rf\n:max-size: 0.001\n```\n")
        let message = error?.message ?? ""
        #expect(message.hasPrefix("the model 'rf' would take "), "\(message)")
        #expect(message.hasSuffix(" kB in the page, more than the 1.0 kB limit"), "\(message)")
        #expect(error?.notes.first?.contains("fewer or shallower trees") == true)
        #expect(error?.notes.first?.contains("logistic-regression") == true)
        #expect(error?.location?.line == line)
    }

    @Test func badOptions() {
        let beyond = failure(Self.echonestHead + "```{train} decision-tree\n:name: tree\n```\n\n```{predictor} tree\n:example: 500\n```\n")
        #expect(beyond.error?.message == "option 'example' is 500, but the test split has 60 rows")
        #expect(beyond.error?.location?.line == (beyond.predictorLine ?? 0) + 1)
        let zero = failure(Self.echonestHead + "```{train} decision-tree\n:name: tree\n```\n\n```{predictor} tree\n:example: 0\n```\n")
        #expect(zero.error?.message == "option 'example' must be at least 1, found 0")
        let size = failure(Self.echonestHead + "```{train} decision-tree\n:name: tree\n```\n\n```{predictor} tree\n:max-size: -1\n```\n")
        #expect(size.error?.message.contains("max-size") == true)
    }

    /// Class and feature names are data: escaped in the form, and unable to end the JSON script.
    @Test func dataValuesAreEscaped() throws {
        let (folder, results) = try Self.build(Self.hostileReport, files: ["hostile.csv": Self.hostileCSV])
        let form = try #require(results["form"] as? [String: Any])
        #expect((form["classes"] as? [String])?.contains(Self.hostileLabel) == true)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<u>"))
        #expect(html.contains("&lt;/script&gt;&lt;b&gt;&amp;&quot;x"))
        #expect(html.contains("<span class=\"predictor-name\">lo&lt;u&gt;d&amp;&quot;ness</span>"))
        #expect(html.contains("name=\"lo&lt;u&gt;d&amp;&quot;ness\""))
        // Every "</script>" closes a script this page opened.
        #expect(html.components(separatedBy: "</script>").count == html.components(separatedBy: "<script").count)
        // The model JSON inside its script element parses and holds the names unchanged.
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"pred-form-model\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect((json["classes"] as? [String])?.contains(Self.hostileLabel) == true)
        #expect(json["features"] as? [String] == [Self.hostileFeature, "tempo"])

        let markdown = try String(contentsOf: folder.appendingPathComponent("predict.md"), encoding: .utf8)
        // Every `<` of a data value that could open a tag is escaped (read as text on GitHub).
        #expect(markdown.firstMatch(of: /(^|[^\\])<(b|u|\/script)>/) == nil)
        #expect(markdown.contains("| lo\\<u>d&\"ness |"))
    }
}
