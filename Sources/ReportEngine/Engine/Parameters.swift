/// Report parameters: front-matter defaults overridden by `--param name=value`, and the
/// `{{ params.x }}` substitution in directive arguments and options.
public struct Parameters: Sendable, Equatable {
    public private(set) var values: [String: String]
    public let names: [String]
    /// Names given with `--param` (their values are command-line input: paths resolve against
    /// the working directory and may lie outside the report's folder).
    public let overridden: Set<String>

    /// Merges overrides into the declared defaults; an undeclared name is an error.
    public init(frontMatter: FrontMatter, overrides: [(name: String, value: String)], file: String) throws {
        var values: [String: String] = [:]
        for param in frontMatter.params { values[param.name] = param.value }
        let names = frontMatter.params.map(\.name)
        for override in overrides {
            guard values[override.name] != nil else {
                let declared = names.isEmpty ? "the report declares no params" : "declared params: \(names.joined(separator: ", "))"
                var notes = [declared]
                if let near = Suggestion.nearest(to: override.name, in: names) { notes.insert("did you mean '\(near)'?", at: 0) }
                throw ReportError("--param \(override.name): the report has no parameter '\(override.name)'",
                                  at: SourceLocation(file: file, line: frontMatter.lines["params"] ?? 1), notes: notes)
            }
            values[override.name] = override.value
        }
        self.values = values
        self.names = names
        self.overridden = Set(overrides.map(\.name))
    }

    /// Whether `text` uses a parameter that was given on the command line.
    public func usesOverride(_ text: String) -> Bool {
        overridden.contains { name in
            text.range(of: "params\\.\(NSRegularExpression.escapedPattern(for: name))\\s*\\}\\}",
                       options: .regularExpression) != nil
        }
    }

    /// Replaces every `{{ params.x }}` in `text`; an unknown name is an error at `location`.
    public func substitute(_ text: String, at location: SourceLocation) throws -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw ReportError("'{{' without a closing '}}'", at: location)
            }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard inner.hasPrefix("params.") else {
                throw ReportError("'{{ \(inner) }}': only '{{ params.NAME }}' can be substituted", at: location)
            }
            let name = String(inner.dropFirst("params.".count))
            guard let value = values[name] else {
                var notes = ["declared params: \(names.isEmpty ? "none" : names.joined(separator: ", "))"]
                if let near = Suggestion.nearest(to: name, in: names) { notes.insert("did you mean '\(near)'?", at: 0) }
                throw ReportError("unknown parameter '\(name)'", at: location, notes: notes)
            }
            out += value
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The directive with parameters substituted in its argument and option values.
    public func substitute(in directive: Directive, file: String) throws -> Directive {
        var result = directive
        result.argument = try substitute(directive.argument, at: SourceLocation(file: file, line: directive.line))
        result.options = try directive.options.map { key, option in
            let location = SourceLocation(file: file, line: option.line)
            var option = option
            switch option.value {
            case .scalar(let text): option.value = .scalar(try substitute(text, at: location))
            case .list(let items): option.value = .list(try items.map { try substitute($0, at: location) })
            }
            return (key, option)
        }
        return result
    }
}

import Foundation
