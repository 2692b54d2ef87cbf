/// One option a directive accepts: its name, the kind of value, its default and a help line.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case string
        case int
        case double
        case bool
        /// A YAML flow list `[a, b]` or a comma list `a, b`.
        case list
        /// One of a fixed set of words.
        case choice([String])
    }

    public var name: String
    public var kind: Kind
    /// The default as shown by `report directives` (`nil` = none).
    public var defaultValue: String?
    public var help: String

    public init(_ name: String, _ kind: Kind, default defaultValue: String? = nil, _ help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// Options every directive accepts (SPEC §2).
    public static let common: [OptionSpec] = [
        OptionSpec("name", .string, "id of the step; results, figures and cache entries are addressed by it"),
        OptionSpec("caption", .string, "caption of the step's figure or table"),
        OptionSpec("hidden", .bool, default: "false", "run the step but show nothing"),
        OptionSpec("echo", .bool, default: "false", "show the directive's source in a folded block under its output"),
        OptionSpec("data", .string, "dataset to work on (default: the last one loaded)"),
    ]

    /// Pixels per CSS pixel when `:scale:` is not given.
    public static let defaultFigureScale = 2.0

    /// Options of every directive that draws a figure.
    public static let figure: [OptionSpec] = [
        OptionSpec("width", .int, "figure width in pixels (default: fitted to the content)"),
        OptionSpec("height", .int, "figure height in pixels (default: fitted to the content)"),
        OptionSpec("scale", .double, default: "\(Int(defaultFigureScale))", "pixels per CSS pixel: 2 stays sharp on phones and high-density screens, 1 halves the files"),
    ]
}

/// What a directive's argument is.
public enum ArgumentSpec: Sendable, Equatable {
    case none
    case required(String)
    case optional(String)
}

/// Everything `report directives` shows about a directive, and what the planner checks.
public struct DirectiveSpec: Sendable {
    public var name: String
    public var summary: String
    public var argument: ArgumentSpec
    /// The directive's own options; common (and figure) options are added by `allOptions`.
    public var options: [OptionSpec]
    public var drawsFigures: Bool
    /// The results it writes under its id, for the documentation.
    public var results: [String]
    /// What its body holds (`{bin}`'s rules), or nil when it takes none.
    public var body: String?

    public init(name: String, summary: String, argument: ArgumentSpec = .none, options: [OptionSpec],
                drawsFigures: Bool = false, results: [String] = [], body: String? = nil) {
        self.body = body
        self.name = name
        self.summary = summary
        self.argument = argument
        self.options = options
        self.drawsFigures = drawsFigures
        self.results = results
    }

    public var allOptions: [OptionSpec] {
        options + (drawsFigures ? OptionSpec.figure : []) + OptionSpec.common
    }
}
