import Testing
@testable import ReportEngine

@Suite struct ProseRendererTests {
    let roles = RoleContext(
        file: "r.md",
        results: ResultObject([("rf", .object(ResultObject([("accuracy", .double(0.6543)), ("name", .string("<b>RF</b>"))])))]),
        references: ["fig-corr": Reference(label: "Figure 1", anchor: "fig-corr"),
                     "corr": Reference(label: "Figure 1", anchor: "fig-corr")])

    @Test func rolesInHTML() throws {
        let text = "## Results\n\nThe forest reached {eval}`rf.accuracy:.1%` (see {numref}`fig-corr`). Code: `{eval}` stays.\n"
        let rendered = try ProseRenderer.render(text, line: 1, format: .html, roles: roles, slugger: HeadingSlugger())
        #expect(rendered.text == "<h2 id=\"results\">Results</h2>\n<p>The forest reached 65.4% (see <a href=\"#fig-corr\">Figure 1</a>). Code: <code>{eval}</code> stays.</p>\n")
        #expect(rendered.headings == [Heading(level: 2, text: "Results", anchor: "results")])
    }

    @Test func rolesInMarkdown() throws {
        let rendered = try ProseRenderer.render("Accuracy {eval}`rf.accuracy:.2f`, {numref}`corr`.\n", line: 1,
                                                format: .markdown, roles: roles, slugger: HeadingSlugger())
        #expect(rendered.text == "Accuracy 0.65, [Figure 1](#fig-corr).\n")
    }

    @Test func markdownKeepsTheAuthorsText() throws {
        // Quotes, lists, brackets, underscores and `>` stay as written; only the roles change.
        let source = """
            > The forest's accuracy, {eval}`rf.accuracy:.1%`, beat
            > the baseline (|r| > 0.8 in [62.6–65.7]).

            1. see {numref}`corr` for track_id
            2. then {eval}`rf.name` and {eval}``rf.accuracy:.2f``

            """
        let rendered = try ProseRenderer.render(source, line: 1, format: .markdown, roles: roles,
                                                slugger: HeadingSlugger())
        #expect(rendered.text == """
            > The forest's accuracy, 65.4%, beat
            > the baseline (|r| > 0.8 in [62.6–65.7]).

            1. see [Figure 1](#fig-corr) for track_id
            2. then \\<b>RF\\</b> and 0.65

            """)
    }

    @Test func aValueThatStartsALineStartsNoBlock() throws {
        let roles = RoleContext(file: "r.md", results: ResultObject([
            ("h", .string("# not a heading")), ("n", .string("1. not a list")), ("q", .string("> no quote")),
            ("x", .string("1.00"))]),
            references: [:])
        let rendered = try ProseRenderer.render("Values:\n{eval}`h`\n{eval}`n`\n{eval}`q`\n", line: 1,
                                                format: .markdown, roles: roles, slugger: HeadingSlugger())
        #expect(rendered.text == "Values:\n\\# not a heading\n1\\. not a list\n\\> no quote\n")
        let html = try ProseRenderer.render(rendered.text, line: 1, format: .html, roles: roles, slugger: HeadingSlugger())
        #expect(html.text == "<p>Values:\n# not a heading\n1. not a list\n&gt; no quote</p>\n")
        // A number that merely begins a line is left alone.
        let number = try ProseRenderer.render("Ratio\n{eval}`x` times.\n", line: 1, format: .markdown, roles: roles,
                                              slugger: HeadingSlugger())
        #expect(number.text == "Ratio\n1.00 times.\n")
    }

    @Test func aRoleWhosePositionCannotBeMatchedFallsBackToCmark() throws {
        // A code span across lines: cmark renders the segment (escaping more, but correctly).
        let rendered = try ProseRenderer.render("Accuracy {eval}`rf.accuracy:.2f\n` here.\n", line: 1,
                                                format: .markdown, roles: roles, slugger: HeadingSlugger())
        #expect(rendered.text.contains("0.65") && !rendered.text.contains("{eval}"))
    }

    /// Escaped data values read back as exactly themselves — in a paragraph and in a table
    /// cell, as GitHub's parser (cmark-gfm with its extensions) reads them — while ordinary
    /// text such as `track_id` or `[62.6–65.7]` is left without backslashes. (A bare URL in
    /// a value still becomes a link on GitHub, as GitHub's autolinks intend.)
    @Test func escapedMarkdownReadsBackLiterally() throws {
        #expect(Escaping.markdown("track_id") == "track_id")
        #expect(Escaping.markdown("[62.6–65.7]") == "[62.6–65.7]")
        #expect(Escaping.markdown("R&B, p < 0.05, |r| > 0.8") == "R&B, p < 0.05, \\|r\\| > 0.8")
        #expect(Escaping.markdown("[x](javascript:1)") == "\\[x\\](javascript:1)")
        var state: UInt64 = 7
        func next() -> UInt64 {  // SplitMix64: the same samples on every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let alphabet = Array("ab1 _*[]()<>#|!~$&;\\`-+=.:/^\"'")
        var samples = ["&amp;", "&#35;", "<b>", "<ab:c>", "~~x~~", "_a_", "a_b_", "**", "\\", "a\\", "x #",
                       "![a](b)", "[a]: b", "`a`", "<!-- c -->", "[^1]"]
        for _ in 0..<3000 {
            let length = Int(next() % 9) + 1
            samples.append(String((0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }))
        }
        for sample in samples {
            let value = sample.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            let escaped = Escaping.markdown(value)
            let expected = Self.cmarkEscaped(value)
            let paragraph = try CommonMarkTree(markdown: "x \(escaped) y\n")
            #expect(paragraph.html(paragraph.root) == "<p>x \(expected) y</p>\n", "paragraph: \(value) → \(escaped)")
            let table = try CommonMarkTree(markdown: "| h |\n| --- |\n| \(escaped) |\n")
            #expect(table.html(table.root).contains("<td>\(expected)</td>"), "cell: \(value) → \(escaped)")
        }
    }

    /// How cmark-gfm's HTML renderer writes literal text.
    static func cmarkEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test func evaluatedTextIsEscaped() throws {
        let rendered = try ProseRenderer.render("Model {eval}`rf.name`.\n", line: 1, format: .html, roles: roles,
                                                slugger: HeadingSlugger())
        #expect(rendered.text == "<p>Model &lt;b&gt;RF&lt;/b&gt;.</p>\n")
    }

    @Test func rolesInCodeBlocksAreLeftAlone() throws {
        let rendered = try ProseRenderer.render("```\n{eval}`rf.accuracy`\n```\n", line: 1, format: .html,
                                                roles: roles, slugger: HeadingSlugger())
        #expect(rendered.text.contains("{eval}`rf.accuracy`"))
    }

    @Test func unknownRoleTargetsNameTheLine() {
        #expect {
            try ProseRenderer.render("Line one\n\nLine three {eval}`rf.nope`\n", line: 20, format: .html,
                                     roles: roles, slugger: HeadingSlugger())
        } throws: { error in
            (error as? ReportError)?.location == SourceLocation(file: "r.md", line: 22)
        }
        #expect {
            try ProseRenderer.render("See {numref}`fig-cor`.\n", line: 5, format: .html, roles: roles,
                                     slugger: HeadingSlugger())
        } throws: { error in
            let error = error as? ReportError
            return error?.location?.line == 5 && error?.notes.first == "did you mean 'fig-corr'?"
        }
    }

    @Test func slugsAreUnique() {
        let slugger = HeadingSlugger()
        #expect(slugger.slug("Results") == "results")
        #expect(slugger.slug("Results") == "results-1")
        #expect(slugger.slug("K-means: 12 clusters!") == "k-means-12-clusters")
    }
}
