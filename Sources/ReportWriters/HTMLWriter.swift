import Foundation
import Mustache
import ReportEngine

/// Writes the report as one HTML page from the theme template in `assets/`: figures linked
/// from `figures/`, numbered captions, a table of contents when `toc: true`.
public struct HTMLWriter {
    public init() {}

    /// The page for a finished run. `fallbackTitle` is used when the front matter has no title.
    public func render(_ run: RunResult, fallbackTitle: String) throws -> String {
        let page = PageModel(run, fallbackTitle: fallbackTitle)
        let roles = page.roleContext(run)
        let slugger = HeadingSlugger()
        var body = ""
        var headings: [Heading] = []

        for item in page.items {
            switch item {
            case .prose(let text, let line):
                let rendered = try ProseRenderer.render(text, line: line, format: .html, roles: roles, slugger: slugger)
                body += rendered.text
                headings += rendered.headings
            case .step(let step):
                body += try stepHTML(step, page: page, roles: roles, slugger: slugger)
            }
        }

        let toc = run.document.frontMatter.toc ? tableOfContents(headings) : ""
        let template = try MustacheTemplate(string: try Theme.text("template.html"))
        let context: [String: Any] = [
            "title": page.title,
            "author": page.author ?? "",
            "hasAuthor": page.author != nil,
            "css": try Theme.text("style.css"),
            "toc": toc,
            "hasToc": !toc.isEmpty,
            "body": body,
            "steps": run.steps.map { ["id": $0.id, "directive": $0.directive.name, "line": $0.directive.line] },
        ]
        return template.render(context)
    }

    private func stepHTML(_ step: ExecutedStep, page: PageModel, roles: RoleContext,
                          slugger: HeadingSlugger) throws -> String {
        guard !step.hidden else { return "" }
        var html = "<section class=\"step step-\(step.directive.name)\" id=\"step-\(step.id)\">\n"
        for block in step.output.blocks {
            switch block {
            case .figure(let figure):
                let anchor = "fig-\(figure.id)"
                let label = page.labels[anchor] ?? "Figure"
                html += "<figure id=\"\(anchor)\">\n"
                html += "<img src=\"figures/\(Escaping.html(figure.fileName))\" width=\"\(figure.width)\" "
                html += "height=\"\(figure.height)\" alt=\"\(Escaping.html(figure.alt))\" loading=\"lazy\">\n"
                html += "<figcaption><span class=\"label\">\(label).</span>"
                if let caption = figure.caption { html += " " + Escaping.html(caption) }
                html += "</figcaption>\n</figure>\n"
            case .table(let table):
                html += tableHTML(table, label: page.labels["tbl-\(table.id)"])
            case .markdown(let text):
                html += try ProseRenderer.render(text, line: step.directive.line, format: .html, roles: roles,
                                                 slugger: slugger).text
            }
        }
        if step.echo {
            html += "<details class=\"echo\"><summary>Source of {\(Escaping.html(step.directive.name))}</summary>"
            html += "<pre><code>\(Escaping.html(step.directive.source))</code></pre></details>\n"
        }
        return html + "</section>\n"
    }

    private func tableHTML(_ table: TableOutput, label: String?) -> String {
        var html = "<div class=\"table-wrap\">\n<table id=\"tbl-\(Escaping.html(table.id))\">\n"
        if let caption = table.caption {
            html += "<caption>"
            if let label { html += "<span class=\"label\">\(label).</span> " }
            html += "\(Escaping.html(caption))</caption>\n"
        }
        func align(_ column: Int) -> String {
            switch table.alignments.indices.contains(column) ? table.alignments[column] : .left {
            case .left: return ""
            case .right: return " class=\"num\""
            case .center: return " class=\"center\""
            }
        }
        html += "<thead><tr>"
        for (column, name) in table.columns.enumerated() { html += "<th\(align(column))>\(Escaping.html(name))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (column, cell) in row.enumerated() { html += "<td\(align(column))>\(Escaping.html(cell))</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    private func tableOfContents(_ headings: [Heading]) -> String {
        let shown = headings.filter { $0.level <= 3 }
        guard !shown.isEmpty else { return "" }
        let top = shown.map(\.level).min() ?? 1
        var html = "<ul>\n"
        for heading in shown {
            html += "<li class=\"toc-level-\(heading.level - top + 1)\"><a href=\"#\(heading.anchor)\">"
            html += Escaping.html(heading.text) + "</a></li>\n"
        }
        return html + "</ul>\n"
    }
}
