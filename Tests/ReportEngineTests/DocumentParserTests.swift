import Testing
@testable import ReportEngine

/// Golden tests for SPEC §1: front matter, prose, directives with option lines, YAML option
/// blocks, longer fences, ordinary code, and the source line of everything.
@Suite struct DocumentParserTests {
    static let sample = """
    ---
    title: Spotify Genre Classifier
    author: Data team
    seed: 42
    params:
      data: synthetic:beatport
      per_genre: 20000
    toc: true
    ---

    # Spotify Genre Classifier

    Some prose with `code` and {eval}`data.rows:,d` rows.

    ```{load} {{ params.data }}
    :label: genre
    :features: [danceability, energy]
    :missing: NA,,null
    ```

    ```python
    print("ordinary code stays code")
    ```

    ````{describe}
    ---
    features: [tempo, loudness]
    by: genre
    ---
    Body with a fence inside:
    ```
    not a directive
    ```
    ````

    ```{correlation}
    :name: corr
    :threshold: 0.8

    body text
    ```
    Closing prose.
    """

    @Test func frontMatter() throws {
        let document = try DocumentParser.parse(Self.sample, file: "r.md")
        let matter = document.frontMatter
        #expect(matter.title == "Spotify Genre Classifier")
        #expect(matter.author == "Data team")
        #expect(matter.seed == 42)
        #expect(matter.toc)
        #expect(matter.params.map(\.name) == ["data", "per_genre"])
        #expect(matter.params.map(\.value) == ["synthetic:beatport", "20000"])
        #expect(matter.lines["params.per_genre"] == 7)
    }

    @Test func blocksAndLines() throws {
        let document = try DocumentParser.parse(Self.sample, file: "r.md")
        let kinds = document.blocks.map { block -> String in
            switch block {
            case .prose(_, let line): "prose@\(line)"
            case .directive(let d): "{\(d.name)}@\(d.line)"
            }
        }
        #expect(kinds == ["prose@10", "{load}@15", "prose@20", "{describe}@25", "{correlation}@36", "prose@42"])
        guard case .prose(let middle, _) = document.blocks[2] else { Issue.record("expected prose"); return }
        #expect(middle.contains("```python"))
        #expect(middle.contains("ordinary code stays code"))
    }

    @Test func optionLines() throws {
        let load = try DocumentParser.parse(Self.sample, file: "r.md").directives[0]
        #expect(load.argument == "{{ params.data }}")
        #expect(load.options.map(\.key) == ["label", "features", "missing"])
        #expect(load.option("label") == OptionValue(.scalar("genre"), line: 16))
        #expect(load.option("features") == OptionValue(.list(["danceability", "energy"]), line: 17))
        #expect(load.option("missing") == OptionValue(.scalar("NA,,null"), line: 18))
        #expect(load.body == "")
    }

    @Test func yamlOptionBlockAndLongerFence() throws {
        let describe = try DocumentParser.parse(Self.sample, file: "r.md").directives[1]
        #expect(describe.option("features") == OptionValue(.list(["tempo", "loudness"]), line: 27))
        #expect(describe.option("by") == OptionValue(.scalar("genre"), line: 28))
        #expect(describe.body == "Body with a fence inside:\n```\nnot a directive\n```")
        #expect(describe.bodyLine == 30)
        #expect(describe.source.hasPrefix("````{describe}"))
        #expect(describe.source.hasSuffix("````"))
    }

    @Test func blankLineSeparatesBody() throws {
        let correlation = try DocumentParser.parse(Self.sample, file: "r.md").directives[2]
        #expect(correlation.option("name")?.value == .scalar("corr"))
        #expect(correlation.option("threshold")?.value == .scalar("0.8"))
        #expect(correlation.body == "body text")
        #expect(correlation.bodyLine == 40)
    }

    @Test func noFrontMatter() throws {
        let document = try DocumentParser.parse("Just prose.\n\n```{describe}\n```\n", file: "p.md")
        #expect(document.frontMatter == FrontMatter())
        #expect(document.directives.first?.line == 3)
    }

    @Test func crlfAndTildeFences() throws {
        let document = try DocumentParser.parse("~~~{describe}\r\n:by: genre\r\n~~~\r\n", file: "c.md")
        #expect(document.directives.first?.option("by")?.value == .scalar("genre"))
    }

    @Test func quotedOptionValue() throws {
        let document = try DocumentParser.parse("```{load} x.csv\n:label: \"genre: main\"\n```\n", file: "q.md")
        #expect(document.directives.first?.option("label")?.value == .scalar("genre: main"))
    }

    // MARK: Errors

    private func error(_ source: String) -> ReportError? {
        do {
            _ = try DocumentParser.parse(source, file: "bad.md")
            return nil
        } catch let error as ReportError {
            return error
        } catch {
            return ReportError("unexpected \(error)", at: nil)
        }
    }

    @Test func unclosedFence() {
        let error = error("Intro\n\n```{load} x.csv\n:label: genre\n\nMore text\n")
        #expect(error?.location == SourceLocation(file: "bad.md", line: 3))
        #expect(error?.message.contains("never closed") == true)
    }

    @Test func unclosedOrdinaryFence() {
        let error = error("```python\nx = 1\n\n```{describe}\n")
        #expect(error?.location?.line == 1)
    }

    @Test func malformedFrontMatterYAML() {
        let error = error("---\ntitle: x\nparams: [a, b\n---\n")
        #expect(error?.message.contains("malformed YAML in front matter") == true)
        #expect(error?.location?.file == "bad.md")
        #expect((error?.location?.line ?? 0) >= 3)
    }

    @Test func unclosedFrontMatter() {
        #expect(error("---\ntitle: x\n")?.location?.line == 1)
    }

    @Test func malformedOptionBlockYAML() {
        let error = error("text\n\n```{describe}\n---\nby: [genre\n---\n```\n")
        #expect(error?.message.contains("malformed YAML") == true)
        #expect(error?.location?.line ?? 0 >= 5)
    }

    @Test func unclosedOptionBlock() {
        #expect(error("```{describe}\n---\nby: genre\n```\n")?.location?.line == 2)
    }

    @Test func duplicateOption() {
        let error = error("```{describe}\n:by: a\n:by: b\n```\n")
        #expect(error?.location?.line == 3)
        #expect(error?.message.contains("twice") == true)
    }

    @Test func malformedFlowList() {
        #expect(error("```{describe}\n:features: [a, b\n```\n")?.location?.line == 2)
    }

    @Test func errorDescriptionIsCompilerStyle() {
        let error = ReportError("unknown directive {lod}", at: SourceLocation(file: "r.md", line: 12),
                                notes: ["did you mean {load}?"])
        #expect(error.description == "r.md:12: error: unknown directive {lod}\n  note: did you mean {load}?")
    }
}
