import CCmark
import Foundation

/// A CommonMark + GitHub-tables syntax tree parsed by cmark-gfm; frees its nodes on deinit.
///
/// This is the only type that talks to cmark-gfm. Raw HTML in prose is kept (as GitHub does)
/// with GitHub's tag filter, which disarms `<script>`, `<iframe>`, `<style>` and friends.
final class CommonMarkTree {
    /// Syntax extensions every tree uses: tables, strikethrough, autolinks, tag filter.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    let root: OpaquePointer
    private let parser: OpaquePointer

    static let parseOptions: Int32 = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
    static let renderOptions: Int32 = CMARK_OPT_UNSAFE
    /// HTML5 has no `align` attribute: table cells are aligned with `style="text-align: …"`.
    static let htmlRenderOptions: Int32 = renderOptions | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    init(markdown: String) throws {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(Self.parseOptions) else {
            throw ReportError("cmark-gfm could not create a parser", at: nil)
        }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            throw ReportError("cmark-gfm could not parse the document", at: nil)
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The top-level blocks of the document.
    var topLevelNodes: [OpaquePointer] {
        Self.children(of: root)
    }

    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// Renders one node (and its children) as HTML.
    func html(_ node: OpaquePointer) -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let cString = cmark_render_html(node, Self.htmlRenderOptions, extensions) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// Renders one node (and its children) as GitHub-flavoured Markdown, without re-wrapping.
    func commonMark(_ node: OpaquePointer) -> String {
        guard let cString = cmark_render_commonmark(node, Self.renderOptions, 0) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// The plain text of a node's inline content (for heading slugs and the table of contents).
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        for child in children(of: node) {
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE {
                if type != CMARK_NODE_HTML_INLINE, let literal = cmark_node_get_literal(child) {
                    text += String(cString: literal)
                }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else {
                text += plainText(child)
            }
        }
        return text
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func type(_ node: OpaquePointer) -> cmark_node_type {
        cmark_node_get_type(node)
    }
}
