import ReportCharts
import ReportData
import ReportEngine

/// `{boxplot}`: one box per class for each feature — quartiles, median, Tukey's whiskers and
/// outliers, as matplotlib draws them. One figure for one feature; with several features one
/// figure per feature, `<id>-<feature>`, since box plots of different scales share no axis.
struct BoxplotStep: Step {
    static let spec = DirectiveSpec(
        name: "boxplot",
        summary: "Box plots of each feature, one box per class (quartiles, median, 1.5 IQR whiskers, outliers).",
        options: [
            OptionSpec("features", .list, default: "the dataset's features",
                       "features to plot; one figure each (<id>-<feature>) when there are several"),
            OptionSpec("by", .string, default: "the label", "the class column (none: all rows in one box)"),
            OptionSpec("means", .bool, default: "false", "mark each class's mean with a diamond"),
        ],
        drawsFigures: true,
        results: ["<feature>.<class>.count", "<feature>.<class>.median", "<feature>.<class>.q1", "<feature>.<class>.q3",
                  "<feature>.<class>.iqr", "<feature>.<class>.whisker_low", "<feature>.<class>.whisker_high",
                  "<feature>.<class>.outliers", "<feature>.<class>.mean"]
    )

    let invocation: Invocation
    let showsMeans: Bool

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        showsMeans = try invocation.options.bool("means") ?? false
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let features = try ColumnSelection.numericFeatures("features", in: dataset, context: context)
        guard !features.isEmpty else { throw context.error("no numeric features to plot") }
        let groups = try ExplorationInput.classesOrAll(dataset, context: context)

        var blocks: [OutputBlock] = []
        var results = ResultObject()
        for feature in features {
            guard let values = dataset.table.column(named: feature)?.numericValues else { continue }
            let boxes = zip(groups.labels, groups.values(of: values)).map { BoxPlotBox(label: $0, values: $1) }
            let chart = BoxPlotChart(title: nil, boxes: boxes, orientation: .horizontal, valueAxisTitle: feature,
                                     categoryAxisTitle: groups.column, showsMean: showsMeans)
            var featureResults = ResultObject()
            for (box, statistics) in zip(boxes, chart.statistics) {
                featureResults[box.label] = .object(Self.results(statistics))
            }
            results[feature] = .object(featureResults)

            let single = features.count == 1
            let id = single ? invocation.id : "\(invocation.id)-\(ExplorationInput.slug(feature))"
            let plain = "Box plot of \(feature)\(groups.perClass)"
            let caption = invocation.caption.map { single ? $0 : "\($0): \(feature)" } ?? plain
            let alt = plain + " (median, quartiles, whiskers at 1.5 IQR, outliers as dots)"
            blocks.append(.figure(try FigureRendering.figure(chart, id: id, caption: caption, alt: alt, context: context)))
        }
        return StepOutput(blocks: blocks, results: results)
    }

    static func results(_ statistics: BoxStatistics?) -> ResultObject {
        guard let s = statistics else {
            return ResultObject([("count", .int(0))])
        }
        return ResultObject([
            ("count", .int(s.count)), ("median", .double(s.median)), ("q1", .double(s.lowerQuartile)),
            ("q3", .double(s.upperQuartile)), ("iqr", .double(s.upperQuartile - s.lowerQuartile)),
            ("whisker_low", .double(s.lowerWhisker)), ("whisker_high", .double(s.upperWhisker)),
            ("outliers", .int(s.outliers.count)), ("mean", .double(s.mean)),
        ])
    }
}
