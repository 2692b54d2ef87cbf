/// A row filter: clauses `column op value` joined by `and`, as in `energy > 0.5 and genre in [rock, pop]`.
///
/// Grammar (SPEC §2):
///
///     condition := clause ("and" clause)*
///     clause    := column op value | column "in" "[" value ("," value)* "]"
///     op        := "=" | "==" | "!=" | "<" | "<=" | ">" | ">="
///
/// A column or value may be quoted with `"…"`, `'…'` (a backslash escapes the next character);
/// a column may also be written in backticks. An unquoted value ends at the first space, so a
/// value with spaces is quoted (`genre = "Drum & Bass"`), except inside a list, where items end
/// at `,` or `]` (`genre in [Drum & Bass, Techno]`). The keywords `and` and `in` are
/// case-insensitive; there is no `or` (use `in`).
///
/// Semantics (chosen to match pandas' boolean indexing):
/// - On a numeric column every value must be a number, and comparisons are numeric.
/// - On a text column comparisons are exact (code point by code point) and case-sensitive; `<`, `<=`, `>`, `>=` compare
///   text lexicographically by Unicode code points, as Python does (so ISO dates like
///   `2019-06-14` order correctly; `"10" < "9"` as text).
/// - A missing value never satisfies `=`, `<`, `<=`, `>`, `>=` or `in`, and always satisfies
///   `!=` (it is not equal to anything), as `NaN != x` in pandas.
public struct Condition: Sendable, Equatable {
    /// A comparison operator.
    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case isIn = "in"
    }

    /// One `column op value` test.
    public struct Clause: Sendable, Equatable {
        public var column: String
        public var comparison: Comparison
        /// One value, or the list of an `in` clause.
        public var values: [String]
        /// Character offsets of the column and of each value in the condition text.
        public var columnOffset: Int
        public var valueOffsets: [Int]

        public init(column: String, comparison: Comparison, values: [String], columnOffset: Int = 0,
                    valueOffsets: [Int]? = nil) {
            self.column = column
            self.comparison = comparison
            self.values = values
            self.columnOffset = columnOffset
            self.valueOffsets = valueOffsets ?? Array(repeating: columnOffset, count: values.count)
        }
    }

    /// The condition as written.
    public let text: String
    /// The clauses; a row matches when it satisfies every one.
    public let clauses: [Clause]

    /// Parses `text`; throws a `ConditionError` of kind `.syntax` that says where reading failed.
    public init(parsing text: String) throws {
        self.text = text
        var parser = ConditionParser(text)
        self.clauses = try parser.parse()
    }

    /// The columns the clauses name, in order of first mention.
    public var columns: [String] {
        var seen = Set<String>()
        return clauses.map(\.column).filter { seen.insert($0).inserted }
    }

    /// Whether each row of `table` satisfies the condition.
    ///
    /// Throws a `ConditionError` for a column the table lacks or a non-number compared with a
    /// numeric column.
    public func evaluate(on table: Table) throws -> [Bool] {
        var mask = [Bool](repeating: true, count: table.rowCount)
        for clause in clauses {
            guard let column = table.column(named: clause.column) else {
                throw ConditionError(.unknownColumn(clause.column, available: table.columnNames),
                                     "no column '\(clause.column)' in the data", text: text, offset: clause.columnOffset)
            }
            switch column.values {
            case .numeric(let values):
                let numbers = try clause.values.indices.map { index -> Double in
                    let value = clause.values[index]
                    guard let number = Self.number(value) else {
                        throw ConditionError(.notANumber(column: clause.column, value: value),
                                             "column '\(clause.column)' holds numbers, but '\(value)' is not a number",
                                             text: text, offset: clause.valueOffsets[index])
                    }
                    return number
                }
                for row in mask.indices where mask[row] {
                    mask[row] = Self.test(values[row], clause.comparison, numbers)
                }
            case .text(let values):
                for row in mask.indices where mask[row] {
                    mask[row] = Self.test(values[row], clause.comparison, clause.values)
                }
            }
        }
        return mask
    }

    /// The indices of the rows that satisfy the condition, ascending.
    public func matchingRows(in table: Table) throws -> [Int] {
        let mask = try evaluate(on: table)
        return mask.indices.filter { mask[$0] }
    }

    static func number(_ text: String) -> Double? {
        let trimmed = text.replacingOccurrences(of: "_", with: "")
        guard let value = Double(trimmed), !value.isNaN else { return nil }
        return value
    }

    private static func test(_ x: Double, _ comparison: Comparison, _ values: [Double]) -> Bool {
        if x.isNaN { return comparison == .notEqual }
        switch comparison {
        case .equal: return x == values[0]
        case .notEqual: return x != values[0]
        case .less: return x < values[0]
        case .lessOrEqual: return x <= values[0]
        case .greater: return x > values[0]
        case .greaterOrEqual: return x >= values[0]
        case .isIn: return values.contains(x)
        }
    }

    private static func test(_ x: String?, _ comparison: Comparison, _ values: [String]) -> Bool {
        guard let x else { return comparison == .notEqual }
        switch comparison {
        case .equal: return same(x, values[0])
        case .notEqual: return !same(x, values[0])
        case .less: return precedes(x, values[0])
        case .lessOrEqual: return !precedes(values[0], x)
        case .greater: return precedes(values[0], x)
        case .greaterOrEqual: return !precedes(x, values[0])
        case .isIn: return values.contains { same(x, $0) }
        }
    }

    /// Exact equality of code points, as Python compares `str` (Swift's `==` on `String`
    /// also equates canonically equivalent spellings such as a composed and a decomposed `é`).
    private static func same(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    /// Code-point order, as Python compares `str` (Swift's `<` on `String` uses a different,
    /// normalisation-aware order).
    private static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
