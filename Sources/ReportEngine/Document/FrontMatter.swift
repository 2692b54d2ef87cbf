/// The YAML front matter of a report: title, author, seed, parameters, table of contents.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var author: String?
    /// Default seed of every random step (`seed:`; 0 when absent).
    public var seed: UInt64
    /// Declared parameters with their default values, in the order written.
    public var params: [(name: String, value: String)]
    /// `toc: true` adds a table of contents to the HTML.
    public var toc: Bool
    /// Line of each key, for error messages.
    public var lines: [String: Int]

    public init(title: String? = nil, author: String? = nil, seed: UInt64 = 0,
                params: [(name: String, value: String)] = [], toc: Bool = false, lines: [String: Int] = [:]) {
        self.title = title
        self.author = author
        self.seed = seed
        self.params = params
        self.toc = toc
        self.lines = lines
    }

    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.title == rhs.title && lhs.author == rhs.author && lhs.seed == rhs.seed
            && lhs.params.map(\.name) == rhs.params.map(\.name)
            && lhs.params.map(\.value) == rhs.params.map(\.value)
            && lhs.toc == rhs.toc
    }

    /// The value of a declared parameter.
    public func param(_ name: String) -> String? {
        params.first { $0.name == name }?.value
    }
}
