/// A named, typed column of a `Table`.
public struct Column: Sendable, Equatable {
    /// The column's name, unique within its table.
    public var name: String
    /// The column's values.
    public var values: ColumnValues

    /// Makes a column from typed storage.
    public init(name: String, values: ColumnValues) {
        self.name = name
        self.values = values
    }

    /// Makes a numeric column; `Double.nan` marks a missing value.
    public init(name: String, numeric: [Double]) {
        self.init(name: name, values: .numeric(numeric))
    }

    /// Makes a text column; `nil` marks a missing value.
    public init(name: String, text: [String?]) {
        self.init(name: name, values: .text(text))
    }

    /// Whether the column holds numbers.
    public var isNumeric: Bool {
        if case .numeric = values { return true }
        return false
    }

    /// The number of values (the table's row count).
    public var count: Int { values.count }

    /// The number of missing values (NaN or `nil`).
    public var missingCount: Int {
        switch values {
        case .numeric(let v): return v.reduce(0) { $1.isNaN ? $0 + 1 : $0 }
        case .text(let v): return v.reduce(0) { $1 == nil ? $0 + 1 : $0 }
        }
    }

    /// The numbers, or `nil` for a text column.
    public var numericValues: [Double]? {
        if case .numeric(let v) = values { return v }
        return nil
    }

    /// The texts, or `nil` for a numeric column.
    public var textValues: [String?]? {
        if case .text(let v) = values { return v }
        return nil
    }

    /// Whether the column is numeric and every non-missing value is a whole number.
    public var isIntegral: Bool {
        guard case .numeric(let v) = values else { return false }
        for x in v where !x.isNaN && (!x.isFinite || x != x.rounded(.towardZero)) {
            return false
        }
        return true
    }

    /// The value at `row` as display text, or `nil` when missing.
    ///
    /// Numbers use their shortest round-trip form, whole numbers without a trailing `.0`.
    public func displayValue(at row: Int) -> String? {
        switch values {
        case .numeric(let v):
            let x = v[row]
            return x.isNaN ? nil : NumberText.shortest(x)
        case .text(let v):
            return v[row]
        }
    }

    /// The column restricted to `rows`, in that order (indices may repeat).
    public func selecting(rows: [Int]) -> Column {
        switch values {
        case .numeric(let v): return Column(name: name, numeric: rows.map { v[$0] })
        case .text(let v): return Column(name: name, text: rows.map { v[$0] })
        }
    }

    /// The distinct non-missing display values with their counts, most frequent first
    /// (ties in order of first appearance).
    public func valueCounts() -> [(value: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for row in 0..<count {
            guard let key = displayValue(at: row) else { continue }
            if let c = counts[key] {
                counts[key] = c + 1
            } else {
                counts[key] = 1
                order.append(key)
            }
        }
        let firstSeen = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return order
            .map { (value: $0, count: counts[$0] ?? 0) }
            .sorted { a, b in
                a.count != b.count ? a.count > b.count
                    : (firstSeen[a.value] ?? 0) < (firstSeen[b.value] ?? 0)
            }
    }
}
