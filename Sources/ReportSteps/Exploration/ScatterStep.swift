import Foundation
import ReportCharts
import ReportData
import ReportEngine
import ReportStats

/// `{scatter} X`: one feature against another, points coloured by class with transparency;
/// large data is down-sampled (each class keeps its share, seeded by the step) and the chart
/// says so. Pearson's r is computed on all rows, not on the sample.
struct ScatterStep: Step {
    static let spec = DirectiveSpec(
        name: "scatter",
        summary: "Scatter plot of two numeric columns, coloured by class, down-sampled when large.",
        argument: .required("the x column"),
        options: [
            OptionSpec("y", .string, "the y column (required)"),
            OptionSpec("color", .string, default: "the label", "the class column that colours the points (none: one colour)"),
            OptionSpec("alpha", .double, default: "0.55", "opacity of a point, from 0.05 to 1"),
            OptionSpec("sample", .int, default: "5000", "points drawn at most (a random sample keeping each class's share)"),
        ],
        drawsFigures: true,
        results: ["x", "y", "r (Pearson, all rows)", "spearman", "rows (complete pairs)", "shown",
                  "per_class.<class>.r", "per_class.<class>.rows"]
    )

    let invocation: Invocation
    let yColumn: String
    let alpha: Double
    let sample: Int

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        let options = invocation.options
        guard let y = try options.string("y"), !y.isEmpty else {
            throw invocation.error("{scatter} needs ':y: COLUMN' (the argument is the x column)")
        }
        yColumn = y
        alpha = try options.double("alpha") ?? 0.55
        guard (0.05...1).contains(alpha) else {
            throw ReportError("option 'alpha' must be between 0.05 and 1, found \(alpha)", at: options.location(of: "alpha"))
        }
        sample = try options.int("sample", min: 1) ?? 5000
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let xColumn = invocation.argument.trimmingCharacters(in: .whitespaces)
        let x = try ExplorationInput.numbers(xColumn, option: nil, in: dataset, context: context)
        let y = try ExplorationInput.numbers(yColumn, option: "y", in: dataset, context: context)
        let groups = try ExplorationInput.classesOrAll(dataset, option: "color", context: context)

        let series = zip(groups.labels, groups.rows).map { label, rows in
            ScatterSeries(name: label, x: rows.map { x[$0] }, y: rows.map { y[$0] })
        }
        let chart = ScatterChart(title: nil, series: series, xAxisTitle: xColumn, yAxisTitle: yColumn,
                                 maxPoints: sample, seed: context.seed, opacity: alpha)
        let shown = chart.sampledIndices().map(\.count).reduce(0, +)
        let complete = zip(x, y).filter { $0.isFinite && $1.isFinite }.count
        guard complete > 0 else {
            throw context.error("no row has both '\(xColumn)' and '\(yColumn)'")
        }
        let r = Correlation.pearson(x, y)
        let caption = invocation.caption ?? "\(yColumn) against \(xColumn)"
            + (groups.column.map { ", coloured by \($0)" } ?? "") + " (Pearson r = \(DisplayNumber.fixed(r, decimals: 2)))"
        let alt = "Scatter plot of \(yColumn) against \(xColumn)"
            + (groups.column.map { ", one colour per \($0)" } ?? "")
            + (shown < complete ? ", \(shown) of \(complete) points shown" : "")
        let figure = try FigureRendering.figure(chart, id: invocation.id, caption: caption, alt: alt, context: context)

        var results = ResultObject()
        results["x"] = .string(xColumn)
        results["y"] = .string(yColumn)
        results["r"] = ExplorationInput.number(r)
        results["spearman"] = ExplorationInput.number(Correlation.spearman(x, y))
        results["rows"] = .int(complete)
        results["shown"] = .int(shown)
        if groups.column != nil {
            results["per_class"] = .object(ResultObject(series.map { s in
                let rows = zip(s.x, s.y).filter { $0.isFinite && $1.isFinite }.count
                return (s.name, .object(ResultObject([
                    ("r", ExplorationInput.number(Correlation.pearson(s.x, s.y))), ("rows", .int(rows)),
                ])))
            }))
        }
        return StepOutput(blocks: [.figure(figure)], results: results)
    }
}
