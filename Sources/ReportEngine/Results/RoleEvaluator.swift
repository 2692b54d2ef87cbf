/// Evaluates the argument of an `{eval}` role: `path` or `path:format`.
public enum RoleEvaluator {
    public static func eval(_ argument: String, results: ResultObject, at location: SourceLocation) throws -> String {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        var path = trimmed
        var spec = ""
        if ResultPath.lookup(trimmed, in: results) == nil, let colon = trimmed.lastIndex(of: ":") {
            path = String(trimmed[..<colon])
            spec = String(trimmed[trimmed.index(after: colon)...])
        }
        guard let value = ResultPath.lookup(path, in: results) else {
            var notes: [String] = []
            let keys = ResultPath.availableKeys(near: path, in: results)
            if let near = Suggestion.nearest(to: path, in: keys) { notes.append("did you mean '\(near)'?") }
            if !keys.isEmpty {
                let shown = keys.prefix(20).joined(separator: ", ")
                notes.append("available: \(shown)\(keys.count > 20 ? ", …" : "")")
            }
            throw ReportError("{eval}`\(argument)`: no result '\(path)'", at: location, notes: notes)
        }
        let formatValue: FormatValue
        switch value {
        case .int(let number): formatValue = .int(number)
        case .double(let number): formatValue = .double(number)
        case .string(let text): formatValue = .string(text)
        case .bool(let flag): formatValue = .bool(flag)
        case .null: formatValue = .string("n/a")
        case .array, .object:
            throw ReportError("{eval}`\(argument)`: '\(path)' holds several values; name one of them", at: location,
                              notes: ["available: \(ResultPath.availableKeys(near: path, in: results).prefix(20).joined(separator: ", "))"])
        }
        do {
            return try PythonFormat.format(formatValue, spec: spec)
        } catch {
            throw ReportError("{eval}`\(argument)`: bad format '\(spec)': \(error)", at: location)
        }
    }
}

import Foundation
