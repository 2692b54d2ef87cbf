import ReportData
import ReportEngine

/// Reads a condition option (`{filter} :where:`, `{clean} :drop-where:`, `{histogram} :where:`)
/// and applies it, turning `ConditionError`s into `FILE:LINE: error:` at the option's line.
enum ConditionOption {
    /// The parsed condition of option `name`, or `nil` when it is not given. Call it when the
    /// step is built, so a malformed condition fails before anything runs.
    static func parse(_ name: String, in options: Options) throws -> Condition? {
        guard let text = try options.string(name) else { return nil }
        do {
            return try Condition(parsing: text)
        } catch let error as ConditionError {
            throw reportError(error, option: name, options: options)
        }
    }

    /// The rows of `table` that satisfy `condition`, ascending.
    static func matchingRows(_ condition: Condition, option: String, in table: Table, options: Options) throws -> [Int] {
        do {
            return try condition.matchingRows(in: table)
        } catch let error as ConditionError {
            throw reportError(error, option: option, options: options)
        }
    }

    /// The error at the option's line; syntax errors point at the character with a caret.
    static func reportError(_ error: ConditionError, option: String, options: Options) -> ReportError {
        let location = options.location(of: option)
        switch error.kind {
        case .unknownColumn(let name, let available):
            var notes: [String] = []
            if let near = Suggestion.nearest(to: name, in: available) { notes.append("did you mean '\(near)'?") }
            notes.append("columns: \(available.joined(separator: ", "))")
            return ReportError("option '\(option)': no column '\(name)' in the data", at: location, notes: notes)
        case .notANumber, .syntax:
            let pointer = String(repeating: " ", count: error.offset) + "^"
            return ReportError("option '\(option)': \(error.message) (at character \(error.offset + 1))", at: location,
                               notes: [error.text, pointer])
        }
    }
}
