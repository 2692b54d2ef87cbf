/// A directive ready to run: its id, typed options and the step built from it.
public struct PlannedStep {
    public let id: String
    public let invocation: Invocation
    public let step: any Step
    public let spec: DirectiveSpec
    /// The options accepted for this directive and argument.
    public let optionSpecs: [OptionSpec]
    /// The `:caption:` text; the step itself sees `Captions.placeholder` (see `Captions`).
    public let caption: String?

    public var directive: Directive { invocation.directive }
    public var hidden: Bool { ((try? invocation.options.bool("hidden")) ?? nil) ?? false }
    public var echo: Bool { ((try? invocation.options.bool("echo")) ?? nil) ?? false }
}

/// Checks every directive before anything runs — known name, argument, known options, unique
/// ids — and builds its step, so a typo on line 200 fails in milliseconds, not after training.
public enum Planner {
    public static func plan(_ document: Document, parameters: Parameters,
                            registry: StepRegistry) throws -> [PlannedStep] {
        var planned: [PlannedStep] = []
        var usedIDs: Set<String> = []
        var counts: [String: Int] = [:]
        let file = document.file

        for raw in document.directives {
            let location = SourceLocation(file: file, line: raw.line)
            guard let type = registry.step(named: raw.name) else {
                var notes: [String] = []
                if let near = Suggestion.nearest(to: raw.name, in: registry.names) {
                    notes.append("did you mean {\(near)}?")
                }
                notes.append("known directives: \(registry.names.joined(separator: ", "))")
                throw ReportError("unknown directive {\(raw.name)}", at: location, notes: notes)
            }
            let spec = type.spec
            let directive = try parameters.substitute(in: raw, file: file)

            switch spec.argument {
            case .none where !directive.argument.isEmpty:
                throw ReportError("{\(spec.name)} takes no argument, found '\(directive.argument)'", at: location)
            case .required(let what) where directive.argument.isEmpty:
                throw ReportError("{\(spec.name)} needs an argument: \(what)", at: location)
            default:
                break
            }

            if spec.body == nil, let first = directive.body.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated().first(where: { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }) {
                let line = first.element.trimmingCharacters(in: .whitespaces)
                var notes = ["options are written one per line as `:name: value` right after the opening fence, or in a `---` YAML block"]
                if let colon = line.firstIndex(of: ":"), !line.hasPrefix(":") {
                    notes.insert("did you mean `:\(line[..<colon]):\(line[line.index(after: colon)...])`?", at: 0)
                }
                throw ReportError("{\(spec.name)} takes no body, found '\(line)'",
                                  at: SourceLocation(file: file, line: directive.bodyLine + first.offset), notes: notes)
            }
            let optionSpecs = type.options(for: directive.argument)
            let accepted = optionSpecs.map(\.name)
            for (key, value) in directive.options where !accepted.contains(key) {
                var notes: [String] = []
                if let near = Suggestion.nearest(to: key, in: accepted) { notes.append("did you mean ':\(near):'?") }
                let what = directive.argument.isEmpty ? "{\(spec.name)}" : "{\(spec.name)} \(directive.argument)"
                notes.append("\(what) accepts: \(accepted.joined(separator: ", "))")
                throw ReportError("unknown option ':\(key):' for {\(spec.name)}",
                                  at: SourceLocation(file: file, line: value.line), notes: notes)
            }
            var options = Options(directive: directive, file: file, specs: optionSpecs)
            for option in optionSpecs where directive.option(option.name) != nil {
                try validate(option, in: options)
            }
            let caption = try options.string("caption")
            var stepDirective = directive
            if caption != nil, let index = directive.options.firstIndex(where: { $0.key == "caption" }) {
                stepDirective.options[index].value.value = .scalar(Captions.placeholder)
                options = Options(directive: stepDirective, file: file, specs: optionSpecs)
            }

            let id: String
            if let explicit = try options.string("name") {
                guard isValidID(explicit) else {
                    throw ReportError("step name '\(explicit)' may use only letters, digits, '-' and '_'",
                                      at: options.location(of: "name"))
                }
                guard !usedIDs.contains(explicit) else {
                    throw ReportError("step name '\(explicit)' is used twice", at: options.location(of: "name"))
                }
                id = explicit
            } else {
                var count = counts[spec.name, default: 0]
                var candidate: String
                repeat {
                    count += 1
                    candidate = count == 1 ? spec.name : "\(spec.name)-\(count)"
                } while usedIDs.contains(candidate)
                counts[spec.name] = count
                id = candidate
            }
            usedIDs.insert(id)

            let invocation = Invocation(id: id, directive: stepDirective, options: options, file: file,
                                        argumentFromCommandLine: parameters.usesOverride(raw.argument))
            let step = try type.init(invocation)
            planned.append(PlannedStep(id: id, invocation: invocation, step: step, spec: spec, optionSpecs: optionSpecs,
                                       caption: caption))
        }
        // A later explicit `:name:` may collide with an earlier default id.
        return planned
    }

    /// Type-checks a given option against its spec.
    private static func validate(_ option: OptionSpec, in options: Options) throws {
        switch option.kind {
        case .string: _ = try options.string(option.name)
        case .int: _ = try options.int(option.name)
        case .double: _ = try options.double(option.name)
        case .bool: _ = try options.bool(option.name)
        case .list: _ = try options.list(option.name)
        case .choice: _ = try options.choice(option.name)
        }
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }
}
