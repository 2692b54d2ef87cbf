import ReportData

/// The rows of each class of a column (classes sorted by name, as `ClassCounts`), and the rows
/// whose class is missing.
struct ClassRows {
    let labels: [String]
    /// Row indices per class, ascending, parallel to `labels`.
    let rows: [[Int]]
    /// Rows with no value in the column.
    let missing: [Int]

    init(_ column: Column, among subset: [Int]? = nil) {
        var index: [String: Int] = [:]
        var labels: [String] = []
        var rows: [[Int]] = []
        var missing: [Int] = []
        for row in subset ?? Array(0..<column.count) {
            guard let value = column.displayValue(at: row) else {
                missing.append(row)
                continue
            }
            if let position = index[value] {
                rows[position].append(row)
            } else {
                index[value] = labels.count
                labels.append(value)
                rows.append([row])
            }
        }
        let order = labels.indices.sorted { labels[$0] < labels[$1] }
        self.labels = order.map { labels[$0] }
        self.rows = order.map { rows[$0] }
        self.missing = missing
    }

    var counts: [Int] { rows.map(\.count) }

    /// Row count of each class by name.
    var countsByLabel: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(labels, rows.map(\.count)))
    }
}
