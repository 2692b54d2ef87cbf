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
