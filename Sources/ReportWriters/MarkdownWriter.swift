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
                        text += "![\(Escaping.markdown(figure.alt, brackets: true))](figures/\(figure.fileName))\n\n"
                        text += "**\(page.labels[anchor] ?? "Figure").**"
                        if let caption = figure.caption { text += " \(Escaping.markdown(caption))" }
                        parts.append(text)
                    case .table(let table):
                        parts.append(tableMarkdown(table, label: page.labels["tbl-\(table.id)"]))
                    case .markdown(let text):
                        parts.append(text.trimmingCharacters(in: .newlines))
                    case .predictor(let predictor):
                        parts.append(predictorMarkdown(predictor, label: page.labels[predictor.anchor]))
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
        lines.append("| " + table.columns.map { Escaping.markdown($0) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.indices.map { column -> String in
            switch table.alignments.indices.contains(column) ? table.alignments[column] : .left {
            case .left: return " --- "
            case .right: return " ---: "
            case .center: return " :---: "
            }
        }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + row.map { Escaping.markdown($0) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// A predictor cannot run in Markdown: say where the form is, and show the example row
    /// with its prediction.
    private func predictorMarkdown(_ predictor: PredictorOutput, label: String?) -> String {
        var text = ""
        if let caption = predictor.caption {
            text += "<a id=\"\(predictor.anchor)\"></a>\n\n**\(label ?? "Predictor").** \(Escaping.markdown(caption))\n\n"
        }
        let target = Escaping.markdown(predictor.target)
        text += "The HTML version of this report (`index.html`) has an interactive form here: enter feature values "
        text += "and the model `\(predictor.modelID.replacingOccurrences(of: "`", with: "'"))` predicts the \(target) "
        text += "in the page. It starts from test row \(predictor.exampleRow):\n\n"
        let probability = predictor.exampleProbabilities.flatMap { probabilities in
            predictor.classes.firstIndex(of: predictor.examplePredicted).map { probabilities[$0] }
        }
        text += "| feature | value |\n| --- | ---: |\n"
        for feature in predictor.features {
            text += "| \(Escaping.markdown(feature.name)) | \(HTMLWriter.numberText(feature.value)) |\n"
        }
        text += "| **predicted \(target)** | **\(Escaping.markdown(predictor.examplePredicted))**"
        text += (probability.map { " (\(HTMLWriter.percent($0)))" } ?? "") + " |\n"
        return text.trimmingCharacters(in: .newlines)
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
