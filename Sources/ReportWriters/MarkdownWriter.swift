import ReportEngine

/// Writes the report as GitHub-flavoured Markdown: prose as written (roles resolved), tables
/// as pipe tables, figures as relative image links with numbered captions.
public struct MarkdownWriter {
    public init() {}

    public func render(_ run: RunResult, fallbackTitle: String) throws -> String {
        let page = PageModel(run, fallbackTitle: fallbackTitle)
        let roles = page.roleContext(run)
        let slugger = HeadingSlugger()
        var parts: [String] = ["# \(Escaping.markdown(page.title))"]
        if let author = page.author { parts.append("*\(Escaping.markdown(author))*") }

        for item in page.items {
            switch item {
            case .prose(let text, let line):
                let rendered = try ProseRenderer.render(text, line: line, format: .markdown, roles: roles,
                                                        slugger: slugger)
                parts.append(rendered.text.trimmingCharacters(in: .newlines))
            case .step(let step) where !step.hidden:
                for block in step.output.blocks {
                    switch block {
                    case .figure(let figure):
                        let anchor = "fig-\(figure.id)"
                        var text = "<a id=\"\(anchor)\"></a>\n\n"
                        text += "![\(Escaping.markdown(figure.alt))](figures/\(figure.fileName))\n\n"
                        text += "**\(page.labels[anchor] ?? "Figure").**"
                        if let caption = figure.caption { text += " \(Escaping.markdown(caption))" }
                        parts.append(text)
                    case .table(let table):
                        parts.append(tableMarkdown(table, label: page.labels["tbl-\(table.id)"]))
                    case .markdown(let text):
                        parts.append(text.trimmingCharacters(in: .newlines))
                    }
                }
                if step.echo {
                    let fence = String(repeating: "`", count: max(4, longestBacktickRun(step.directive.source) + 1))
                    parts.append("<details><summary>Source</summary>\n\n\(fence)markdown\n\(step.directive.source)\n\(fence)\n\n</details>")
                }
            case .step:
                break
            }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    private func tableMarkdown(_ table: TableOutput, label: String?) -> String {
        var lines: [String] = []
        if let caption = table.caption {
            lines.append("<a id=\"tbl-\(table.id)\"></a>\n")
            lines.append("**\(label ?? "Table").** \(Escaping.markdown(caption))\n")
        }
        lines.append("| " + table.columns.map(Escaping.markdown).joined(separator: " | ") + " |")
        lines.append("|" + table.columns.indices.map { column -> String in
            switch table.alignments.indices.contains(column) ? table.alignments[column] : .left {
            case .left: return " --- "
            case .right: return " ---: "
            case .center: return " :---: "
            }
        }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + row.map(Escaping.markdown).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    private func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

import Foundation
