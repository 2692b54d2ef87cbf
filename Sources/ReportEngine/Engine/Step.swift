import Foundation

/// A directive's implementation: built from the directive at plan time (so option errors show
/// before anything runs), then run once with a context.
///
/// A step reads only its context — never the command line, the clock or a global — and
/// returns what it made.
public protocol Step: Sendable {
    /// Name, argument, options and documentation of the directive.
    static var spec: DirectiveSpec { get }

    /// Reads and validates the options; throws `ReportError` for bad values.
    init(_ invocation: Invocation) throws

    /// Runs the step.
    func run(_ context: StepContext) throws -> StepOutput

    /// The options accepted with a given argument (e.g. `{train} random-forest` accepts the
    /// forest's hyperparameters); by default the spec's options.
    static func options(for argument: String) -> [OptionSpec]

    /// Arguments with options of their own (the models of `{train}`), for the documentation.
    static var argumentChoices: [String] { get }
}

extension Step {
    public static var argumentChoices: [String] { [] }

    public static func options(for argument: String) -> [OptionSpec] {
        spec.allOptions
    }
}

/// What a step is built from: its directive (parameters substituted), id and typed options.
public struct Invocation: Sendable {
    public let id: String
    public let directive: Directive
    public let options: Options
    public let file: String
    /// The argument came (at least partly) from a `--param` on the command line.
    public let argumentFromCommandLine: Bool

    public var location: SourceLocation { SourceLocation(file: file, line: directive.line) }
    public var argument: String { directive.argument }

    /// `:caption:` if given.
    public var caption: String? { (try? options.string("caption")) ?? nil }

    /// An error at the directive's line.
    public func error(_ message: String, notes: [String] = []) -> ReportError {
        ReportError(message, at: location, notes: notes)
    }
}
