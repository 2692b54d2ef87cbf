import CCmark
import Foundation

/// Output format of rendered prose.
public enum ProseFormat: Sendable {
    case html
    /// GitHub-flavoured Markdown.
    case markdown
}

/// A numbered figure or table that `{numref}` can point to.
public struct Reference: Sendable, Equatable {
    /// "Figure 3" or "Table 1".
    public var label: String
    /// The HTML anchor (`fig-rf-confusion`).
    public var anchor: String

    public init(label: String, anchor: String) {
        self.label = label
        self.anchor = anchor
    }
}

/// A heading found in prose, for the table of contents.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var anchor: String
}

/// What roles need: the results tree for `{eval}` and the numbered references for `{numref}`.
public struct RoleContext: Sendable {
    public var file: String
    public var results: ResultObject
    /// Keyed by the ids users may write: `fig-x`, `tbl-x` and bare `x`.
    public var references: [String: Reference]

    public init(file: String, results: ResultObject, references: [String: Reference]) {
        self.file = file
        self.results = results
        self.references = references
    }
}

/// Gives headings unique GitHub-style anchors across a whole page.
public final class HeadingSlugger {
    private var used: [String: Int] = [:]

    public init() {}

    public func slug(_ text: String) -> String {
        var base = ""
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" {
                base.unicodeScalars.append(scalar)
            } else if scalar == " " {
                base += "-"
            }
        }
        if base.isEmpty { base = "section" }
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)-\(count)"
    }
}

/// Renders a prose segment to HTML or GitHub Markdown, resolving `{eval}` and `{numref}` roles.
public enum ProseRenderer {
    public struct Rendered: Sendable {
        public var text: String
        public var headings: [Heading]
    }

    /// `line` is the file line of the segment's first line (for error messages).
    ///
    /// Markdown keeps the author's text as written — line breaks, list markers, emphasis — and
    /// only replaces each role with its value (as knitr does); re-rendering through cmark would
    /// escape every `>` and `[` and renumber lists. When a role's position cannot be matched in
    /// the source (a code span across lines), the segment is re-rendered by cmark instead.
    public static func render(_ text: String, line: Int, format: ProseFormat, roles: RoleContext,
                              slugger: HeadingSlugger) throws -> Rendered {
        let tree = try CommonMarkTree(markdown: text)
        var splices: [Splice] = []
        try resolveRoles(in: tree.root, firstLine: line, format: format, roles: roles, splices: &splices)

        var headings: [Heading] = []
        switch format {
        case .markdown:
            for node in tree.topLevelNodes where CommonMarkTree.type(node) == CMARK_NODE_HEADING {
                let title = CommonMarkTree.plainText(node)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: title,
                                        anchor: slugger.slug(title)))
            }
            let markdown = Splice.apply(splices, to: text) ?? tree.commonMark(tree.root)
            return Rendered(text: markdown, headings: headings)
        case .html:
            var html = ""
            for node in tree.topLevelNodes {
                var rendered = tree.html(node)
                if CommonMarkTree.type(node) == CMARK_NODE_HEADING {
                    let level = Int(cmark_node_get_heading_level(node))
                    let title = CommonMarkTree.plainText(node)
                    let anchor = slugger.slug(title)
                    headings.append(Heading(level: level, text: title, anchor: anchor))
                    let open = "<h\(level)>"
                    if rendered.hasPrefix(open) {
                        rendered = "<h\(level) id=\"\(anchor)\">" + rendered.dropFirst(open.count)
                    }
                }
                if rendered.hasPrefix("<table") {
                    // As the steps' tables: a wide table scrolls sideways instead of widening the page.
                    rendered = "<div class=\"table-wrap\">\n" + rendered + "</div>\n"
                }
                html += rendered
            }
            return Rendered(text: html, headings: headings)
        }
    }

    private static let roleNames = ["eval", "numref"]

    /// Replaces each `{role}` + code span pair in the tree.
    private static func resolveRoles(in node: OpaquePointer, firstLine: Int, format: ProseFormat,
                                     roles: RoleContext, splices: inout [Splice]) throws {
        var child = cmark_node_first_child(node)
        while let current = child {
            let next = cmark_node_next(current)
            let type = CommonMarkTree.type(current)
            if type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK {
                child = next
                continue
            }
            if type == CMARK_NODE_TEXT, CommonMarkTree.literal(current).contains("{{ params.")
                || CommonMarkTree.literal(current).contains("{{params.") {
                // Directives substitute `{{ params.x }}`; prose states values through {eval}.
                let line = firstLine + max(0, Int(cmark_node_get_start_line(current)) - 1)
                let text = CommonMarkTree.literal(current)
                let name = text.range(of: "params\\.[A-Za-z0-9_-]+", options: .regularExpression).map { String(text[$0]) } ?? "params.NAME"
                throw ReportError("'{{ \(name) }}' in prose is not substituted",
                                  at: SourceLocation(file: roles.file, line: line),
                                  notes: ["write {eval}`\(name)` to show a parameter's value in the text"])
            }
            if type == CMARK_NODE_TEXT, let code = next, CommonMarkTree.type(code) == CMARK_NODE_CODE {
                let text = CommonMarkTree.literal(current)
                if let role = roleNames.first(where: { text.hasSuffix("{\($0)}") }) {
                    let argument = CommonMarkTree.literal(code)
                    let codeLine = Int(cmark_node_get_start_line(code))
                    let blockLine = codeLine > 0 ? codeLine : Int(cmark_node_get_start_line(node))
                    let location = SourceLocation(file: roles.file, line: firstLine + max(0, blockLine - 1))
                    let replacement = try makeNode(role: role, argument: argument, location: location,
                                                   format: format, roles: roles)
                    if format == .markdown {
                        splices.append(Splice(role: role, textEnd: position(end: current),
                                              codeEnd: position(end: code), replacement: replacement))
                    }
                    let remaining = String(text.dropLast(role.count + 2))
                    cmark_node_set_literal(current, remaining)
                    cmark_node_replace(code, replacement)
                    cmark_node_free(code)
                    child = cmark_node_next(replacement)
                    continue
                }
            }
            try resolveRoles(in: current, firstLine: firstLine, format: format, roles: roles, splices: &splices)
            child = next
        }
    }

    private static func makeNode(role: String, argument: String, location: SourceLocation,
                                 format: ProseFormat, roles: RoleContext) throws -> OpaquePointer {
        switch role {
        case "eval":
            let value = try RoleEvaluator.eval(argument, results: roles.results, at: location)
            return textNode(value)
        default:
            let id = argument.trimmingCharacters(in: .whitespaces)
            guard let reference = roles.references[id] else {
                var notes: [String] = []
                let known = roles.references.keys.filter { $0.hasPrefix("fig-") || $0.hasPrefix("tbl-") || $0.hasPrefix("pred-") }
                    .sorted()
                if let near = Suggestion.nearest(to: id, in: Array(roles.references.keys)) {
                    notes.append("did you mean '\(near)'?")
                }
                notes.append(known.isEmpty ? "this report has no numbered figures, tables or predictors"
                                           : "numbered figures, tables and predictors: \(known.joined(separator: ", "))")
                throw ReportError("{numref}`\(id)`: no figure, table or predictor with that id", at: location, notes: notes)
            }
            guard let link = cmark_node_new(CMARK_NODE_LINK) else { return textNode(reference.label) }
            cmark_node_set_url(link, "#\(reference.anchor)")
            cmark_node_append_child(link, textNode(reference.label))
            return link
        }
    }

    private static func position(end node: OpaquePointer) -> (line: Int, column: Int) {
        (Int(cmark_node_get_end_line(node)), Int(cmark_node_get_end_column(node)))
    }

    private static func textNode(_ text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        return node
    }
}
