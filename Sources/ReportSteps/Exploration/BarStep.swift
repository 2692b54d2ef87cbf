import Foundation
import ReportCharts
import ReportData
import ReportEngine
import ReportStats

/// `{bar} FEATURE`: the mean (or median) of one feature for each class, one bar per class.
///
/// Bars keep the class order every other chart and table uses (sorted by name, as
/// scikit-learn's `classes_`), so a class sits in the same place everywhere; the value
/// printed on each bar and the `highest`/`lowest` results give the ranking.
struct BarStep: Step {
    static let spec = DirectiveSpec(
        name: "bar",
        summary: "One bar per class: the mean (or median) of a feature, classes in the order every other chart uses (by name).",
        argument: .required("the feature"),
        options: [
            OptionSpec("by", .string, default: "the label", "the class column"),
            OptionSpec("stat", .choice(["mean", "median"]), default: "mean", "the statistic of each class"),
        ],
        drawsFigures: true,
        results: ["feature", "stat", "values.<class>", "counts.<class>", "highest", "lowest"]
    )

    let invocation: Invocation
    let stat: String

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        stat = try invocation.options.choice("stat") ?? "mean"
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let feature = invocation.argument.trimmingCharacters(in: .whitespaces)
        let values = try ExplorationInput.numbers(feature, option: nil, in: dataset, context: context)
        let groups = try ExplorationInput.classes(dataset, context: context)
        let perClass = groups.values(of: values).map { $0.filter { !$0.isNaN } }
        let statistics = perClass.map { classValues -> Double in
            guard !classValues.isEmpty else { return .nan }
            return stat == "median" ? Descriptive.quantile(classValues.sorted(), 0.5) : Descriptive.mean(classValues)
        }

        let chart = BarChart(
            title: nil, categories: groups.labels, values: statistics, orientation: .horizontal,
            valueAxisTitle: "\(stat) \(feature)", categoryAxisTitle: groups.column,
            valueLabelFormat: { DisplayNumber.format($0) })
        let caption = invocation.caption ?? "\(stat.capitalized) \(feature) per \(groups.column)"
        let figure = try FigureRendering.figure(
            chart, id: invocation.id, caption: caption,
            alt: "Bar chart of the \(stat) \(feature) of each \(groups.column)", context: context)

        var results = ResultObject()
        results["feature"] = .string(feature)
        results["stat"] = .string(stat)
        results["values"] = .object(ResultObject(zip(groups.labels, statistics).map { ($0, ExplorationInput.number($1)) }))
        results["counts"] = .object(ResultObject(zip(groups.labels, perClass).map { ($0, .int($1.count)) }))
        let ranked = statistics.indices.filter { statistics[$0].isFinite }
        if let highest = ranked.max(by: { statistics[$0] < statistics[$1] }),
           let lowest = ranked.min(by: { statistics[$0] < statistics[$1] }) {
            results["highest"] = .string(groups.labels[highest])
            results["lowest"] = .string(groups.labels[lowest])
        }
        return StepOutput(blocks: [.figure(figure)], results: results)
    }
}
