import CCmark

/// One role in a prose segment, to be replaced by its value in the author's own text.
///
/// cmark gives the source position of the text node that ends in `{role}` and of the code
/// span after it (its content, without the backticks); `apply` checks that the source really
/// holds `{role}` + backticks + … + backticks there before it replaces anything.
struct Splice {
    let role: String
    /// 1-based line and byte column of the `}` that ends `{role}`.
    let textEnd: (line: Int, column: Int)
    /// 1-based line and byte column of the code span's last content byte.
    let codeEnd: (line: Int, column: Int)
    /// GitHub Markdown for the value: escaped text, or a link for `{numref}`.
    let markdown: String

    init(role: String, textEnd: (line: Int, column: Int), codeEnd: (line: Int, column: Int),
         replacement: OpaquePointer) {
        self.role = role
        self.textEnd = textEnd
        self.codeEnd = codeEnd
        if cmark_node_get_type(replacement) == CMARK_NODE_LINK {
            let url = cmark_node_get_url(replacement).map { String(cString: $0) } ?? ""
            let label = CommonMarkTree.plainText(replacement)
            markdown = "[\(Escaping.markdown(label, brackets: true))](\(url))"
        } else {
            markdown = Escaping.markdown(cmark_node_get_literal(replacement).map { String(cString: $0) } ?? "")
        }
    }

    /// The source with every role replaced, or `nil` when a position does not check out.
    static func apply(_ splices: [Splice], to source: String) -> String? {
        var lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        // Right to left within a line, so earlier columns stay valid.
        let ordered = splices.sorted { ($0.textEnd.line, $0.textEnd.column) > ($1.textEnd.line, $1.textEnd.column) }
        for splice in ordered {
            guard splice.textEnd.line == splice.codeEnd.line, splice.textEnd.line >= 1,
                  splice.textEnd.line <= lines.count else { return nil }
            let line = lines[splice.textEnd.line - 1]
            let marker = Array("{\(splice.role)}".utf8)
            let start = splice.textEnd.column - marker.count
            guard start >= 0, splice.textEnd.column <= line.count,
                  Array(line[start..<splice.textEnd.column]) == marker else { return nil }
            var fence = splice.textEnd.column
            while fence < line.count, line[fence] == UInt8(ascii: "`") { fence += 1 }
            let ticks = fence - splice.textEnd.column
            var close = splice.codeEnd.column
            while close < line.count, line[close] == UInt8(ascii: " ") { close += 1 }
            guard ticks > 0, close >= fence, close + ticks <= line.count,
                  line[close..<(close + ticks)].allSatisfy({ $0 == UInt8(ascii: "`") }),
                  close + ticks == line.count || line[close + ticks] != UInt8(ascii: "`") else { return nil }
            let atLineStart = line[..<start].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            let value = atLineStart ? Self.guardBlockStart(splice.markdown) : splice.markdown
            lines[splice.textEnd.line - 1] = Array(line[..<start]) + Array(value.utf8) + Array(line[(close + ticks)...])
        }
        return String(decoding: Array(lines.joined(separator: [UInt8(ascii: "\n")])), as: UTF8.self)
    }

    /// A value that begins a line must not begin a block: a heading, quote, list item or rule.
    static func guardBlockStart(_ value: String) -> String {
        guard let first = value.first else { return value }
        if "#>-+=".contains(first) { return "\\" + value }
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = value.dropFirst(digits.count)
            // `1.` or `1)` then a space (or the value's end) would start an ordered list; `1.00` would not.
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first.map({ $0 == " " }) ?? true {
                return String(digits) + "\\" + String(rest)
            }
        }
        return value
    }
}
