/// One option of a directive as written: `:key: value` or a key of the YAML option block.
public struct OptionValue: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// A YAML scalar, as text (`20`, `true`, `genre`, `a, b, c`).
        case scalar(String)
        /// A YAML list (`[a, b]` or a block sequence).
        case list([String])
    }

    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

/// A directive: a fenced block whose info string is `{name}`, with its argument, options and body.
public struct Directive: Sendable, Equatable {
    public var name: String
    public var argument: String
    /// Options in the order written.
    public var options: [(key: String, value: OptionValue)]
    public var body: String
    /// Line of the opening fence.
    public var line: Int
    /// Line of the first body line.
    public var bodyLine: Int
    /// The directive exactly as written, fences included (for `:echo: true`).
    public var source: String

    public init(name: String, argument: String, options: [(key: String, value: OptionValue)],
                body: String, line: Int, bodyLine: Int, source: String) {
        self.name = name
        self.argument = argument
        self.options = options
        self.body = body
        self.line = line
        self.bodyLine = bodyLine
        self.source = source
    }

    public static func == (lhs: Directive, rhs: Directive) -> Bool {
        lhs.name == rhs.name && lhs.argument == rhs.argument && lhs.body == rhs.body
            && lhs.line == rhs.line && lhs.bodyLine == rhs.bodyLine && lhs.source == rhs.source
            && lhs.options.map(\.key) == rhs.options.map(\.key)
            && lhs.options.map(\.value) == rhs.options.map(\.value)
    }

    /// The option named `key`, if given.
    public func option(_ key: String) -> OptionValue? {
        options.first { $0.key == key }?.value
    }
}
