import Yams

/// Reads the YAML of front matter and directive option blocks into plain values, turning
/// libyaml errors into `ReportError`s with the file line they refer to.
enum YAMLBlock {
    /// One entry of a top-level YAML mapping.
    struct Entry {
        var key: String
        var value: Node
        /// File line of the key.
        var line: Int
    }

    /// Parses `text` (whose first line is file line `firstLine`) as a mapping; an empty text
    /// is an empty mapping.
    static func mapping(_ text: String, file: String, firstLine: Int, what: String) throws -> [Entry] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw reportError(error, file: file, firstLine: firstLine, what: what)
        } catch {
            throw ReportError("malformed YAML in \(what): \(error)", at: SourceLocation(file: file, line: firstLine))
        }
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            throw ReportError("\(what) must be a YAML mapping of `key: value` lines",
                              at: SourceLocation(file: file, line: firstLine))
        }
        return mapping.map { key, value in
            Entry(key: key.string ?? String(describing: key),
                  value: value,
                  line: firstLine + max(0, (key.mark?.line ?? 1) - 1))
        }
    }

    /// A scalar or a list of scalars as an option value; nested mappings are rejected.
    static func optionValue(_ node: Node, key: String, line: Int, file: String) throws -> OptionValue.Value {
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string)
        case .sequence(let sequence):
            return .list(try sequence.map { item in
                guard case .scalar(let scalar) = item else {
                    throw ReportError("option '\(key)': list items must be plain values",
                                      at: SourceLocation(file: file, line: line))
                }
                return scalar.string
            })
        case .mapping, .alias:
            throw ReportError("option '\(key)': expected a value or a list, found a nested mapping",
                              at: SourceLocation(file: file, line: line))
        }
    }

    /// Parses a flow list like `[a, "b c", 3]`.
    static func flowList(_ text: String, key: String, location: SourceLocation) throws -> [String] {
        do {
            guard let node = try Yams.compose(yaml: text), case .sequence(let sequence) = node else {
                throw ReportError("option '\(key)': malformed list \(text)", at: location)
            }
            return try sequence.map { item in
                guard case .scalar(let scalar) = item else {
                    throw ReportError("option '\(key)': list items must be plain values", at: location)
                }
                return scalar.string
            }
        } catch let error as YamlError {
            throw ReportError("option '\(key)': malformed list \(text): \(problem(of: error))", at: location)
        }
    }

    /// Unquotes a YAML-quoted scalar (`"a: b"`, `'x'`); other text is returned trimmed.
    static func scalar(_ text: String, key: String, location: SourceLocation) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first == "\"" || first == "'" else { return trimmed }
        do {
            guard let node = try Yams.compose(yaml: trimmed), case .scalar(let scalar) = node else {
                throw ReportError("option '\(key)': malformed quoted value \(trimmed)", at: location)
            }
            return scalar.string
        } catch let error as YamlError {
            throw ReportError("option '\(key)': malformed quoted value \(trimmed): \(problem(of: error))",
                              at: location)
        }
    }

    private static func reportError(_ error: YamlError, file: String, firstLine: Int, what: String) -> ReportError {
        var line = firstLine
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            line = firstLine + max(0, mark.line - 1)
        case .duplicatedKeysInMapping(_, let context):
            line = firstLine + max(0, context.mark.line - 1)
        default:
            break
        }
        return ReportError("malformed YAML in \(what): \(problem(of: error))",
                           at: SourceLocation(file: file, line: line))
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicated keys \(duplicates.joined(separator: ", "))"
        default:
            return String(describing: error)
        }
    }
}

import Foundation
