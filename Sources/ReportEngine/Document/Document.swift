/// A parsed report: front matter, then prose and directives in the order written.
public struct Document: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// Markdown text kept as written, starting at `line`.
        case prose(text: String, line: Int)
        case directive(Directive)
    }

    /// The file's path as given (used in error messages).
    public var file: String
    public var frontMatter: FrontMatter
    public var blocks: [Block]

    public init(file: String, frontMatter: FrontMatter, blocks: [Block]) {
        self.file = file
        self.frontMatter = frontMatter
        self.blocks = blocks
    }

    /// The directives, in order.
    public var directives: [Directive] {
        blocks.compactMap { if case .directive(let d) = $0 { d } else { nil } }
    }
}
