/// A columnar data set: named, typed columns of equal length.
public struct Table: Sendable, Equatable {
    /// The columns in order. Change them through `append(_:)`, `setColumn(_:)` and
    /// `removeColumn(named:)`, which keep lengths equal and names unique.
    public private(set) var columns: [Column]

    /// Makes a table; every column must have the same length and a unique name.
    public init(columns: [Column]) throws {
        var seen = Set<String>()
        for column in columns {
            guard seen.insert(column.name).inserted else {
                throw TableError.duplicateName(column.name)
            }
            if let first = columns.first, column.count != first.count {
                throw TableError.lengthMismatch(
                    column: column.name, expected: first.count, actual: column.count)
            }
        }
        self.columns = columns
    }

    /// Makes a table whose invariants the caller has already checked.
    init(uncheckedColumns columns: [Column]) {
        self.columns = columns
    }

    /// The column names in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The number of rows (0 for a table without columns).
    public var rowCount: Int { columns.first?.count ?? 0 }

    /// The position of the column named `name`, if any.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The column named `name`, if any.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// The column named `name`, or a `TableError.unknownColumn` listing the columns.
    public func requireColumn(named name: String) throws -> Column {
        guard let column = column(named: name) else {
            throw TableError.unknownColumn(name, available: columnNames)
        }
        return column
    }

    /// The table restricted to `rows`, in that order (indices may repeat).
    public func selecting(rows: [Int]) -> Table {
        Table(uncheckedColumns: columns.map { $0.selecting(rows: rows) })
    }

    /// The table restricted to the named columns, in the given order.
    public func selecting(columns names: [String]) throws -> Table {
        try Table(columns: names.map { try requireColumn(named: $0) })
    }

    /// Adds a column at the end; its name must be new and its length the row count.
    public mutating func append(_ column: Column) throws {
        if columnIndex(named: column.name) != nil {
            throw TableError.duplicateName(column.name)
        }
        try checkLength(column)
        columns.append(column)
    }

    /// Replaces the column with the same name in place, or appends it when the name is new.
    public mutating func setColumn(_ column: Column) throws {
        try checkLength(column)
        if let index = columnIndex(named: column.name) {
            columns[index] = column
        } else {
            columns.append(column)
        }
    }

    /// Removes the column named `name`; returns whether one was removed.
    @discardableResult
    public mutating func removeColumn(named name: String) -> Bool {
        guard let index = columnIndex(named: name) else { return false }
        columns.remove(at: index)
        return true
    }

    /// Throws unless `column` fits the table's row count (any length fits an empty table).
    private func checkLength(_ column: Column) throws {
        if !columns.isEmpty, column.count != rowCount {
            throw TableError.lengthMismatch(
                column: column.name, expected: rowCount, actual: column.count)
        }
    }
}
