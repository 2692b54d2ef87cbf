import Foundation
import Mustache
import ReportEngine

/// Writes the report as one HTML page from the theme template in `assets/`: figures linked
/// from `figures/` (or inlined), numbered captions, a table of contents when `toc: true`.
///
/// The stylesheet and the predictor's script are always inlined and the theme uses only the
/// reader's system fonts, so the page never fetches anything from the network.
public struct HTMLWriter {
    /// Whether figures are inlined as `data:image/png;base64,` URIs instead of linked from
    /// `figures/`, making index.html a single file that works offline.
    public var selfContained: Bool

    public init(selfContained: Bool = false) {
        self.selfContained = selfContained
    }

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
            // The predictor's script is inlined once, so the page works offline and as one file.
            "script": page.hasPredictor ? try Theme.text("predictor.js") : "",
            "hasScript": page.hasPredictor,
            "steps": run.steps.map { ["id": $0.id, "directive": $0.directive.name, "line": $0.directive.line] },
        ]
        return template.render(context)
    }

    private func stepHTML(_ step: ExecutedStep, page: PageModel, roles: RoleContext,
                          slugger: HeadingSlugger) throws -> String {
        guard !step.hidden else { return "" }
        // A step has no heading of its own (the prose around it has), so it is a <div>, not a <section>.
        var html = "<div class=\"step step-\(Escaping.html(step.directive.name))\" id=\"step-\(Escaping.html(step.id))\">\n"
        let blocks = step.output.blocks
        var index = 0
        while index < blocks.count {
            switch blocks[index] {
            case .figure:
                // Consecutive figures share a row where they fit side by side at full size.
                var run: [FigureOutput] = []
                while index < blocks.count, case .figure(let figure) = blocks[index] {
                    run.append(figure)
                    index += 1
                }
                let figures = run.map { figureHTML($0, label: page.labels["fig-\($0.id)"]) }.joined()
                html += run.count > 1 ? "<div class=\"figures\">\n\(figures)</div>\n" : figures
                continue
            case .table(let table):
                html += tableHTML(table, label: page.labels["tbl-\(table.id)"])
            case .markdown(let text):
                html += try ProseRenderer.render(text, line: step.directive.line, format: .html, roles: roles,
                                                 slugger: slugger).text
            case .predictor(let predictor):
                html += predictorHTML(predictor, label: page.labels[predictor.anchor])
            }
            index += 1
        }
        if step.echo {
            html += "<details class=\"echo\"><summary>Source of {\(Escaping.html(step.directive.name))}</summary>"
            html += "<pre><code>\(Escaping.html(step.directive.source))</code></pre></details>\n"
        }
        return html + "</div>\n"
    }

    /// A numbered figure. Linked figures open at full size when clicked (charts are small on
    /// a phone); an inlined one cannot, as browsers do not open `data:` URIs as pages.
    private func figureHTML(_ figure: FigureOutput, label: String?) -> String {
        var html = "<figure id=\"\(Escaping.html("fig-\(figure.id)"))\">\n"
        let image = "<img src=\"\(imageSource(figure))\" width=\"\(figure.width)\" height=\"\(figure.height)\" "
            + "alt=\"\(Escaping.html(figure.alt))\" loading=\"lazy\">"
        if selfContained {
            html += image + "\n"
        } else {
            html += "<a class=\"figure-image\" href=\"figures/\(Escaping.html(figure.fileName))\">\(image)</a>\n"
        }
        html += "<figcaption><span class=\"label\">\(label ?? "Figure").</span>"
        if let caption = figure.caption { html += " " + Escaping.html(caption) }
        return html + "</figcaption>\n</figure>\n"
    }

    /// The figure's `src`: its file under `figures/`, or the PNG itself as a `data:` URI.
    private func imageSource(_ figure: FigureOutput) -> String {
        selfContained ? "data:image/png;base64," + Data(figure.png).base64EncodedString()
                      : "figures/" + Escaping.html(figure.fileName)
    }

    /// Tables longer than this scroll inside a box of their own, under a header that stays put.
    static let longTableRows = 20
    /// A column whose longest cell has more characters than this may wrap (e.g. regex rules);
    /// others never wrap, so numbers and labels stay on one line.
    static let wrappingColumnCharacters = 48

    /// A data table in a sideways-scrolling box. A captioned table is a `<figure>` whose
    /// caption sits outside that box, so on a phone it stays readable above a wide table.
    private func tableHTML(_ table: TableOutput, label: String?) -> String {
        let id = Escaping.html("tbl-\(table.id)")
        let long = table.rows.count > Self.longTableRows
        let wraps = table.columns.indices.map { column in
            table.rows.contains { $0.indices.contains(column) && $0[column].count > Self.wrappingColumnCharacters }
        }
        func attributes(_ column: Int) -> String {
            var classes: [String] = []
            switch table.alignments.indices.contains(column) ? table.alignments[column] : .left {
            case .left: break
            case .right: classes.append("num")
            case .center: classes.append("center")
            }
            if wraps.indices.contains(column), wraps[column] { classes.append("wrap") }
            return classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        }
        func cellText(_ text: String, column: Int) -> String {
            let escaped = Escaping.html(text)
            // Alternatives of a rule (`pop|indie|…`) may break after each bar.
            return wraps.indices.contains(column) && wraps[column]
                ? escaped.replacingOccurrences(of: "|", with: "|<wbr>") : escaped
        }

        var html = ""
        if let caption = table.caption {
            html += "<figure class=\"table\" id=\"\(id)\">\n<figcaption>"
            if let label { html += "<span class=\"label\">\(label).</span> " }
            html += "\(Escaping.html(caption))</figcaption>\n"
        }
        html += "<div class=\"table-wrap\(long ? " long" : "")\">\n"
        html += table.caption == nil ? "<table id=\"\(id)\">\n" : "<table>\n"
        html += "<thead><tr>"
        for (column, name) in table.columns.enumerated() { html += "<th\(attributes(column))>\(Escaping.html(name))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (column, cell) in row.enumerated() { html += "<td\(attributes(column))>\(cellText(cell, column: column))</td>" }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        return table.caption == nil ? html : html + "</figure>\n"
    }

    /// An interactive predictor: a form with a labelled number input per feature, the live
    /// prediction (pre-filled with the example's, so it reads right without scripts), a
    /// print-only table of the example, and the model as JSON for `assets/predictor.js`.
    private func predictorHTML(_ predictor: PredictorOutput, label: String?) -> String {
        let anchor = Escaping.html(predictor.anchor)
        let modelID = "\(anchor)-model"
        let target = Escaping.html(predictor.target)
        var html = "<figure class=\"predictor\" id=\"\(anchor)\">\n"
        if let caption = predictor.caption {
            html += "<figcaption>"
            if let label { html += "<span class=\"label\">\(label).</span> " }
            html += "\(Escaping.html(caption))</figcaption>\n"
        }
        html += "<form class=\"predictor-form\" data-model=\"\(modelID)\" autocomplete=\"off\" novalidate>\n"
        html += "<div class=\"predictor-fields\">\n"
        for (index, feature) in predictor.features.enumerated() {
            let inputID = "\(anchor)-\(index)"
            html += "<div class=\"predictor-field\"><label for=\"\(inputID)\">"
            html += "<span class=\"predictor-name\">\(Escaping.html(feature.name))</span>"
            if let range = feature.rangeText {
                html += "<span class=\"predictor-range\">training: \(Escaping.html(range))</span>"
            }
            html += "</label>"
            html += "<input id=\"\(inputID)\" name=\"\(Escaping.html(feature.name))\" type=\"number\" inputmode=\"decimal\" "
            html += "value=\"\(Self.numberText(feature.value))\""
            if let min = feature.min { html += " min=\"\(Self.numberText(min))\"" }
            if let max = feature.max { html += " max=\"\(Self.numberText(max))\"" }
            html += " step=\"\(feature.step.map(Self.numberText) ?? "any")\" data-feature=\"\(index)\" required></div>\n"
        }
        html += "</div>\n<div class=\"predictor-result\" aria-live=\"polite\">\n"
        html += "<p class=\"predictor-verdict\">Predicted \(target): "
        html += "<strong class=\"predictor-class\">\(Escaping.html(predictor.examplePredicted))</strong></p>\n"
        if let probabilities = predictor.exampleProbabilities {
            html += "<ul class=\"predictor-bars\" aria-label=\"Probability of each class\">\n"
            for (name, probability) in zip(predictor.classes, probabilities) {
                let predicted = name == predictor.examplePredicted ? " class=\"predicted\"" : ""
                let percent = Self.percent(probability)
                html += "<li\(predicted)><span class=\"predictor-bar-label\">\(Escaping.html(name))</span>"
                html += "<span class=\"predictor-bar\"><span style=\"width: \(percent)\"></span></span>"
                html += "<span class=\"predictor-bar-value\">\(percent)</span></li>\n"
            }
            html += "</ul>\n"
        }
        html += "<p class=\"predictor-warning\" hidden>A value lies outside the range of the training data: "
        html += "the model extrapolates.</p>\n"
        html += "</div>\n<p class=\"predictor-actions\"><button type=\"reset\">Reset to the example</button> "
        html += "<span class=\"predictor-note\">The form starts from test row \(predictor.exampleRow); "
        html += "the prediction is computed in this page from the model <code>\(Escaping.html(predictor.modelID))</code>.</span></p>\n"
        html += "</form>\n"
        // Print shows this instead of the form: the example row and its prediction.
        html += "<div class=\"table-wrap predictor-example\">\n<table>\n"
        html += "<thead><tr><th>feature</th><th class=\"num\">example (test row \(predictor.exampleRow))</th></tr></thead>\n<tbody>\n"
        for feature in predictor.features {
            html += "<tr><td>\(Escaping.html(feature.name))</td><td class=\"num\">\(Self.numberText(feature.value))</td></tr>\n"
        }
        let probability = predictor.exampleProbabilities.flatMap { probabilities in
            predictor.classes.firstIndex(of: predictor.examplePredicted).map { " (\(Self.percent(probabilities[$0])))" }
        } ?? ""
        html += "</tbody>\n<tfoot><tr><th>predicted \(target)</th>"
        html += "<th class=\"num\">\(Escaping.html(predictor.examplePredicted))\(probability)</th></tr></tfoot>\n"
        html += "</table>\n</div>\n"
        html += "<script type=\"application/json\" id=\"\(modelID)\">\(Self.scriptSafeJSON(predictor.modelJSON))</script>\n"
        return html + "</figure>\n"
    }

    /// A number as an input's value: whole numbers without `.0`, others in the shortest form
    /// that parses back to the same double (so the page evaluates exactly the exported values).
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    static func percent(_ probability: Double) -> String {
        String(format: "%.1f%%", probability * 100)
    }

    /// JSON that cannot end its `<script>` element or open a comment in it: every `<` becomes
    /// `\u003c`, which in valid JSON can only occur inside strings, where it means the same.
    static func scriptSafeJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
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
