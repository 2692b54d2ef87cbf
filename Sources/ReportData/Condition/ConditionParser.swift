/// Reads the text of a `Condition` into clauses (see `Condition` for the grammar), with errors
/// that say at which character reading failed.
struct ConditionParser {
    private let text: String
    private let chars: [Character]
    private var position = 0
    /// Whether the value of the clause just read was quoted.
    private var lastValueQuoted = false

    init(_ text: String) {
        self.text = text
        self.chars = Array(text)
    }

    /// Characters that end an unquoted column name.
    private static let nameStops: Set<Character> = ["=", "!", "<", ">", "[", "]", ",", "\"", "'", "`"]

    mutating func parse() throws -> [Condition.Clause] {
        skipSpaces()
        guard !atEnd else { throw error("the condition is empty") }
        var clauses = [try clause()]
        while true {
            skipSpaces()
            if atEnd { return clauses }
            let start = position
            guard keyword("and") else {
                let found = word(at: start)
                if found.lowercased() == "or" {
                    throw error("only 'and' joins clauses; 'or' is not supported (use 'in [a, b]' for one of several values)",
                                at: start)
                }
                var message = "expected 'and' or the end of the condition, found '\(found)'"
                if let last = clauses.last, last.comparison != .isIn, !lastValueQuoted {
                    message += "; quote a value that contains spaces: \"\(last.values[0]) \(found)…\""
                }
                throw error(message, at: start)
            }
            skipSpaces()
            guard !atEnd else { throw error("expected a clause after 'and'", at: start) }
            clauses.append(try clause())
        }
    }

    private mutating func clause() throws -> Condition.Clause {
        let columnOffset = position
        let column = try name()
        skipSpaces()
        let operatorOffset = position
        guard let comparison = comparison() else {
            let found = atEnd ? "the end" : "'\(word(at: position))'"
            throw error("expected an operator (= != < <= > >= in) after '\(column)', found \(found)", at: operatorOffset)
        }
        skipSpaces()
        if comparison == .isIn {
            let (values, offsets) = try list(after: operatorOffset)
            return Condition.Clause(column: column, comparison: comparison, values: values,
                                    columnOffset: columnOffset, valueOffsets: offsets)
        }
        let valueOffset = position
        if peek == "[" {
            throw error("a list needs 'in': write '\(column) in [...]'", at: valueOffset)
        }
        let value = try self.value(after: comparison)
        return Condition.Clause(column: column, comparison: comparison, values: [value],
                                columnOffset: columnOffset, valueOffsets: [valueOffset])
    }

    /// A column name: quoted, in backticks, or a run of characters up to a space or an operator.
    private mutating func name() throws -> String {
        if let quote = peek, quote == "\"" || quote == "'" || quote == "`" {
            let start = position
            let name = try quoted()
            guard !name.isEmpty else { throw error("expected a column name, found an empty quoted name", at: start) }
            return name
        }
        let start = position
        while let c = peek, !c.isWhitespace, !Self.nameStops.contains(c) { position += 1 }
        guard position > start else {
            let found = atEnd ? "the end" : "'\(word(at: start))'"
            throw error("expected a column name, found \(found)", at: start)
        }
        return String(chars[start..<position])
    }

    private mutating func comparison() -> Condition.Comparison? {
        for (symbol, comparison) in [("<=", Condition.Comparison.lessOrEqual), (">=", .greaterOrEqual), ("!=", .notEqual),
                                     ("==", .equal), ("=", .equal), ("<", .less), (">", .greater)] where starts(with: symbol) {
            position += symbol.count
            return comparison
        }
        if keyword("in") { return .isIn }
        return nil
    }

    /// A value after `=` and the like: quoted, or a run of characters up to a space.
    private mutating func value(after comparison: Condition.Comparison) throws -> String {
        let start = position
        lastValueQuoted = false
        if let quote = peek, quote == "\"" || quote == "'" {
            lastValueQuoted = true
            return try quoted()
        }
        if let c = peek, "=<>!".contains(c) {
            // `energy >> 0.5`, `x = = 1`: an operator where the value should be.
            throw error("expected a value after '\(comparison.rawValue)', found '\(word(at: start))'", at: start)
        }
        while let c = peek, !c.isWhitespace { position += 1 }
        guard position > start else {
            throw error("expected a value after '\(comparison.rawValue)'", at: start)
        }
        return String(chars[start..<position])
    }

    /// `[a, "b c", 3]` after `in`.
    private mutating func list(after operatorOffset: Int) throws -> ([String], [Int]) {
        guard peek == "[" else {
            let found = atEnd ? "the end" : "'\(word(at: position))'"
            throw error("expected a list like [a, b] after 'in', found \(found)", at: position)
        }
        let open = position
        position += 1
        var values: [String] = []
        var offsets: [Int] = []
        while true {
            skipSpaces()
            guard !atEnd else { throw error("the list opened here is never closed with ']'", at: open) }
            if peek == "]", values.isEmpty {
                throw error("the list after 'in' is empty", at: open)
            }
            let start = position
            let item: String
            if let quote = peek, quote == "\"" || quote == "'" {
                item = try quoted()
            } else {
                while let c = peek, c != ",", c != "]" { position += 1 }
                item = String(chars[start..<position]).trimmingSpaces()
                guard !item.isEmpty else { throw error("expected a value in the list", at: start) }
            }
            values.append(item)
            offsets.append(start)
            skipSpaces()
            switch peek {
            case ","?:
                position += 1
            case "]"?:
                position += 1
                return (values, offsets)
            case nil:
                throw error("the list opened here is never closed with ']'", at: open)
            case let other?:
                throw error("expected ',' or ']' in the list, found '\(other)'", at: position)
            }
        }
    }

    /// A quoted text starting at the current quote character; a backslash escapes the next one.
    private mutating func quoted() throws -> String {
        let open = position
        let quote = chars[position]
        position += 1
        var out = ""
        while position < chars.count {
            let c = chars[position]
            position += 1
            if c == "\\", position < chars.count {
                out.append(chars[position])
                position += 1
            } else if c == quote {
                return out
            } else {
                out.append(c)
            }
        }
        throw error("the quote opened here is never closed", at: open)
    }

    // MARK: - Scanning

    private var atEnd: Bool { position >= chars.count }
    private var peek: Character? { atEnd ? nil : chars[position] }

    private mutating func skipSpaces() {
        while let c = peek, c.isWhitespace { position += 1 }
    }

    private func starts(with symbol: String) -> Bool {
        let symbol = Array(symbol)
        guard position + symbol.count <= chars.count else { return false }
        return Array(chars[position..<position + symbol.count]) == symbol
    }

    /// Whether the case-insensitive word `word` stands at the current position, followed by a
    /// space, the end, or (for `in`) a bracket.
    private func isKeyword(_ word: String) -> Bool {
        let letters = Array(word)
        guard position + letters.count <= chars.count else { return false }
        for (offset, letter) in letters.enumerated() where chars[position + offset].lowercased() != String(letter) {
            return false
        }
        let after = position + letters.count
        return after == chars.count || chars[after].isWhitespace || chars[after] == "[" || chars[after] == "\"" || chars[after] == "'"
            || chars[after] == "`"
    }

    private mutating func keyword(_ word: String) -> Bool {
        guard isKeyword(word) else { return false }
        position += word.count
        return true
    }

    /// The run of non-space characters at `offset`, for messages.
    private func word(at offset: Int) -> String {
        var end = offset
        while end < chars.count, !chars[end].isWhitespace { end += 1 }
        let word = String(chars[offset..<end])
        return word.count > 20 ? String(word.prefix(19)) + "…" : word
    }

    private func error(_ message: String, at offset: Int? = nil) -> ConditionError {
        ConditionError(.syntax, message, text: text, offset: offset ?? position)
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
