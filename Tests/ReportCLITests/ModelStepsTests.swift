import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// `{train}`, `{evaluate}`, `{compare}`, `{importance}` and `{coefficients}` end to end on a
/// small built-in data set, and the errors a report author can make with them.
@Suite(.serialized) struct ModelStepsTests {
    static let header = """
    ---
    seed: 3
    ---

    ```{load} synthetic:beatport
    :rows-per-class: 150
    ```

    ```{split}
    :test: 0.25
    ```

    """

    func build(_ body: String) throws -> (folder: URL, results: [String: Any]) {
        let fixture = try ReportFixture()
        let path = try fixture.write("models.md", Self.header + body)
        let folder = try BuildPipeline.build(path, settings: BuildSettings(outDirectory: fixture.path("out")),
                                             progress: SilentProgress())
        let data = try Data(contentsOf: folder.appendingPathComponent("results.json"))
        return (folder, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    func failure(_ body: String) -> ReportError? {
        do {
            _ = try build(body)
            return nil
        } catch {
            return error as? ReportError
        }
    }

    @Test func trainEvaluateExplain() throws {
        let (folder, results) = try build("""
        ```{train} random-forest
        :name: rf
        :trees: 20
        :max-depth: 8
        ```

        ```{train} logistic-regression
        :name: lr
        :max-iter: 300
        ```

        ```{evaluate} rf, lr
        :plots: [confusion, roc, report]
        :ci: 200
        ```

        ```{compare}
        ```

        ```{importance} rf
        ```

        ```{coefficients} lr
        ```

        The forest reached {eval}`rf.accuracy:.1%` ({numref}`fig-rf-confusion`).
        """)
        let rf = try #require(results["rf"] as? [String: Any])
        #expect(rf["model"] as? String == "random-forest")
        #expect(rf["train_rows"] as? Int == 675)
        #expect(rf["test_rows"] as? Int == 225)
        let accuracy = try #require(rf["accuracy"] as? Double)
        #expect(accuracy > 1.0 / 6 + 0.1, "the forest should beat chance clearly on beatport data")
        let interval = try #require(rf["accuracy_ci"] as? [String: Double])
        #expect(try #require(interval["low"]) <= accuracy && accuracy <= (try #require(interval["high"])))
        let perClass = try #require(rf["per_class"] as? [String: [String: Any]])
        #expect(perClass.count == 6)
        // Where a class's misses go: another class, with a share of the misses in (0, 1].
        for (label, entry) in perClass where (entry["recall"] as? Double ?? 1) < 1 {
            let other = try #require(entry["confused_with"] as? String)
            let share = try #require(entry["confused_share"] as? Double)
            #expect(other != label && perClass[other] != nil)
            #expect(share > 0 && share <= 1 && share >= 1.0 / 5 - 1e-12, "the largest of five shares is at least a fifth")
        }
        #expect(((results["lr"] as? [String: Any])?["auc"] as? Double ?? 0) > 0.5)
        #expect((results["compare"] as? [String: Any])?["ranking"] as? [String] != nil)
        #expect(((results["importance"] as? [String: Any])?["top"] as? String) != nil)
        #expect(((results["coefficients"] as? [String: Any])?["strongest"] as? [String: String])?.count == 6)
        for figure in ["rf-confusion", "rf-confusion-normalized", "rf-roc", "lr-roc", "compare", "importance", "coefficients"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures/\(figure).png").path),
                    "missing figure \(figure)")
        }
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("The forest reached \(String(format: "%.1f", accuracy * 100))%"))
        #expect(html.contains("Classification report of rf"))
    }

    @Test func oneConfusionMatrixPerModelWhenAsked() throws {
        let (folder, _) = try build("""
        ```{train} naive-bayes
        :name: nb
        ```

        ```{evaluate} nb
        :plots: [confusion-normalized]
        :ci: 0
        ```
        """)
        let figures = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("figures").path)
        #expect(figures == ["nb-confusion-normalized.png"])
        let counts = try build("```{train} naive-bayes\n:name: nb\n```\n\n```{evaluate} nb\n:plots: confusion-counts\n:ci: 0\n```\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: counts.folder.appendingPathComponent("figures").path)
                == ["nb-confusion.png"])
        let error = failure("```{train} naive-bayes\n:name: nb\n```\n\n```{evaluate} nb\n:plots: confusion-share\n```\n")
        #expect(error?.notes.first?.contains("confusion-normalized") == true)
    }

    @Test func trainingIsDeterministic() throws {
        let body = "```{train} random-forest\n:name: rf\n:trees: 10\n```\n\n```{evaluate} rf\n:plots: roc\n:ci: 50\n```\n"
        let first = try build(body), second = try build(body)
        let a = try Data(contentsOf: first.folder.appendingPathComponent("results.json"))
        let b = try Data(contentsOf: second.folder.appendingPathComponent("results.json"))
        #expect(a == b)
    }

    @Test func unknownModelSuggests() {
        let error = failure("```{train} random-forrest\n```\n")
        #expect(error?.message == "unknown model 'random-forrest'")
        #expect(error?.notes.first == "did you mean 'random-forest'?")
    }

    @Test func optionsDependOnTheModel() {
        let error = failure("```{train} knn\n:trees: 10\n```\n")
        #expect(error?.message == "unknown option ':trees:' for {train}")
        #expect(error?.notes.last?.hasPrefix("{train} knn accepts: k, weights, metric, features, seed") == true)
        #expect(failure("```{train} random-forest\n:max-depth: deep\n```\n")?.message.contains("max-depth") == true)
    }

    @Test func invalidHyperparameterNamesTheOption() {
        let error = failure("```{train} decision-tree\n:min-samples-leaf: 0\n```\n")
        #expect(error?.message.contains("min-samples-leaf") == true, "\(String(describing: error))")
    }

    @Test func modelNeverTrained() {
        let error = failure("```{train} naive-bayes\n:name: nb\n```\n\n```{evaluate} nb, rf\n```\n")
        #expect(error?.message == "no trained model 'rf'")
        #expect(error?.notes.last == "trained models: nb")
    }

    @Test func evaluateBeforeSplit() throws {
        let fixture = try ReportFixture()
        let path = try fixture.write("nosplit.md", "```{load} synthetic:beatport\n:rows-per-class: 20\n```\n\n```{train} knn\n```\n")
        #expect {
            try BuildPipeline.build(path, settings: BuildSettings(outDirectory: fixture.path("out")), progress: SilentProgress())
        } throws: { error in
            (error as? ReportError)?.message.contains("no train/test split yet") == true
        }
    }

    @Test func singleClassTraining() {
        let error = failure("```{filter}\n:keep-classes: [Psy-Trance]\n```\n\n```{split}\n:stratify: false\n```\n\n```{train} knn\n```\n")
        #expect(error?.message.contains("single class") == true, "\(String(describing: error))")
    }

    @Test func coefficientsNeedALinearModel() {
        let error = failure("```{train} naive-bayes\n:name: nb\n```\n\n```{coefficients} nb\n```\n")
        #expect(error?.message.contains("coefficients exist for linear models") == true)
    }
}
