/// Directive implementations by name. Adding a directive is one file and one line in the list
/// that builds the standard registry (`ReportSteps.standardRegistry`).
public struct StepRegistry: Sendable {
    private var types: [String: any Step.Type] = [:]

    public init(_ steps: [any Step.Type] = []) {
        for step in steps { register(step) }
    }

    public mutating func register(_ step: any Step.Type) {
        types[step.spec.name] = step
    }

    public func step(named name: String) -> (any Step.Type)? { types[name] }

    /// Every directive's spec, sorted by name.
    public var specs: [DirectiveSpec] {
        types.values.map { $0.spec }.sorted { $0.name < $1.name }
    }

    public var names: [String] { types.keys.sorted() }
}
