/// Directive implementations by name. Adding a directive is one file and one line in the list
/// that builds the standard registry (`ReportSteps.standardRegistry`).
public struct StepRegistry: Sendable {
    private var types: [String: any Step.Type] = [:]
    /// Object types the step cache can store, by `cacheKind`.
    public private(set) var cacheableObjects: [String: any CacheableObject.Type] = [:]

    public init(_ steps: [any Step.Type] = [], cacheableObjects: [any CacheableObject.Type] = []) {
        for step in steps { register(step) }
        for object in cacheableObjects { self.cacheableObjects[object.cacheKind] = object }
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
