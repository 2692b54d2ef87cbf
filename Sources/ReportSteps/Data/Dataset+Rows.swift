import ReportData
import ReportEngine

extension Dataset {
    /// The dataset restricted to `rows` (ascending, distinct indices); a split carries over,
    /// each part keeping its surviving rows under their new numbers.
    func keepingRows(_ rows: [Int]) -> Dataset {
        var out = self
        out.table = table.selecting(rows: rows)
        if let split {
            var renumbered = [Int](repeating: -1, count: table.rowCount)
            for (new, old) in rows.enumerated() { renumbered[old] = new }
            func part(_ indices: [Int]) -> [Int] { indices.compactMap { renumbered[$0] >= 0 ? renumbered[$0] : nil } }
            out.split = DataSplit(train: part(split.train), validation: part(split.validation), test: part(split.test))
        }
        return out
    }

    /// The dataset with a new table whose rows no longer correspond to the old ones (a join, a
    /// sample drawn with replacement): any split is dropped. Returns whether one was.
    func replacingRows(with newTable: Table) -> (dataset: Dataset, droppedSplit: Bool) {
        var out = self
        out.table = newTable
        out.split = nil
        return (out, split != nil)
    }
}
