import ReportData

/// The classes of a label column with their row counts, sorted by name as scikit-learn sorts
/// `classes_`.
struct ClassCounts {
    let labels: [String]
    let counts: [Int]

    init(_ column: Column) {
        var index: [String: Int] = [:]
        var labels: [String] = []
        var counts: [Int] = []
        for row in 0..<column.count {
            guard let value = column.displayValue(at: row) else { continue }
            if let position = index[value] {
                counts[position] += 1
            } else {
                index[value] = labels.count
                labels.append(value)
                counts.append(1)
            }
        }
        let order = labels.indices.sorted { labels[$0] < labels[$1] }
        self.labels = order.map { labels[$0] }
        self.counts = order.map { counts[$0] }
    }
}
