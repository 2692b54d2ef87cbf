import ReportData
import ReportEngine

/// Before/after tables of class counts shown by the steps that remove or draw rows.
enum ClassChangeTable {
    /// A table `class | before | after` (one row per class seen before or after, then `all`).
    static func table(id: String, caption: String, label: String, before: ClassRows, after: ClassRows,
                      totalBefore: Int, totalAfter: Int) -> TableOutput {
        let afterCounts = after.countsByLabel
        let beforeCounts = before.countsByLabel
        let labels = (before.labels + after.labels.filter { beforeCounts[$0] == nil }).sorted()
        var rows = labels.map { label in
            [label, DisplayNumber.format(Double(beforeCounts[label] ?? 0)), DisplayNumber.format(Double(afterCounts[label] ?? 0))]
        }
        if !before.missing.isEmpty || !after.missing.isEmpty {
            rows.append(["(missing)", DisplayNumber.format(Double(before.missing.count)),
                         DisplayNumber.format(Double(after.missing.count))])
        }
        rows.append(["all", DisplayNumber.format(Double(totalBefore)), DisplayNumber.format(Double(totalAfter))])
        return TableOutput(id: id, caption: caption, columns: [label, "before", "after"],
                           alignments: [.left, .right, .right], rows: rows)
    }

    /// `{label: count}` for results.
    static func counts(_ classes: ClassRows) -> ResultValue {
        .object(ResultObject(zip(classes.labels, classes.counts).map { ($0, .int($1)) }))
    }
}
