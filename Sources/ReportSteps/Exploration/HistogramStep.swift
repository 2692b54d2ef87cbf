import ReportCharts
import ReportData
import ReportEngine
import ReportStats

/// `{histogram}`: a histogram of each feature with the classes overlaid in shared bins, one
/// panel per feature, optionally on the rows that satisfy a condition.
struct HistogramStep: Step {
    static let spec = DirectiveSpec(
        name: "histogram",
        summary: "Histograms of the features, classes overlaid in shared bins; one panel per feature.",
        options: [
            OptionSpec("features", .list, default: "the dataset's features", "features to plot"),
            OptionSpec("by", .string, default: "the label", "the class column (none: all rows as one histogram)"),
            OptionSpec("bins", .string, default: "auto",
                       "auto (numpy's 'auto' rule, at most 50 bins per panel or 100 for one feature; one bin per value for whole numbers spanning at most 60), or a number of equal bins"),
            OptionSpec("where", .string, "plot only the rows that satisfy this condition, e.g. `energy > 0.5`"),
            OptionSpec("stat", .choice(["count", "density"]), default: "count",
                       "bar heights: counts, or densities (each class's area is 1, so classes of different sizes compare by shape)"),
        ],
        drawsFigures: true,
        results: ["rows", "<feature>.bins", "<feature>.lo", "<feature>.hi", "<feature>.width",
                  "<feature>.classes.<class>.count", "<feature>.classes.<class>.mean", "<feature>.classes.<class>.mode"]
    )

    /// Most bins `:bins:` may ask for.
    static let maxBins = 1_000
    /// Most bins `:bins: auto` draws in one panel of a grid, and in a single histogram: with
    /// 100,000 rows numpy's rule asks for hundreds, which in a 280-pixel panel is noise.
    static let maxAutoBinsPanel = 50
    static let maxAutoBinsSingle = 100

    let invocation: Invocation
    /// A fixed number of equal bins, or `nil` for the automatic rule.
    let binCount: Int?
    let condition: Condition?
    let density: Bool

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        let options = invocation.options
        let bins = try options.string("bins") ?? "auto"
        if bins == "auto" {
            binCount = nil
        } else {
            guard let count = Int(bins), (1...Self.maxBins).contains(count) else {
                throw ReportError("option 'bins' must be auto or a whole number from 1 to \(Self.maxBins), found '\(bins)'",
                                  at: options.location(of: "bins"))
            }
            binCount = count
        }
        condition = try ConditionOption.parse("where", in: options)
        density = try options.choice("stat") == "density"
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let unfiltered = try context.dataset()
        let dataset = try ExplorationInput.filtered(unfiltered, by: condition, context: context)
        let features = try ColumnSelection.numericFeatures("features", in: dataset, context: context)
        guard !features.isEmpty else { throw context.error("no numeric features to plot") }
        let groups = try ExplorationInput.classesOrAll(dataset, context: context)

        var panels: [HistogramPanel] = []
        var results = ResultObject()
        results["rows"] = .int(dataset.table.rowCount)
        for feature in features {
            guard let values = dataset.table.column(named: feature)?.numericValues else { continue }
            let perClass = groups.values(of: values)
            let finite = values.filter(\.isFinite)
            let bins: HistogramBins
            if let binCount {
                bins = .uniform(count: binCount, lo: finite.min() ?? 0, hi: finite.max() ?? 1)
            } else {
                bins = Self.automaticBins(finite, cap: features.count == 1 ? Self.maxAutoBinsSingle : Self.maxAutoBinsPanel)
            }
            panels.append(HistogramPanel(
                title: feature, series: zip(groups.labels, perClass).map { HistogramSeries(label: $0, values: $1) },
                bins: bins))
            results[feature] = .object(Self.results(bins: bins, labels: groups.labels, values: perClass))
        }

        let filter = condition.map { " (rows where \($0.text))" } ?? ""
        let caption = invocation.caption ?? (features.count == 1
            ? "Histogram of \(features[0])\(groups.perClass)\(filter)"
            : "Histogram of each feature\(groups.perClass)\(filter)")
        let opacity = Self.fillOpacity(classes: groups.labels.count)
        let chart = HistogramChart(title: nil, panels: panels, normalization: density ? .density : .count,
                                   columns: min(3, panels.count), fillOpacity: opacity,
                                   palette: try palette(for: groups, unfiltered: unfiltered, context: context))
        let alt = (features.count == 1 ? "Histogram of \(features[0])" : "Histograms of \(features.count) features")
            + (groups.column.map { ", one translucent colour per \($0) overlaid in shared bins" } ?? "")
        let figure = try FigureRendering.figure(chart, id: invocation.id, caption: caption, alt: alt, context: context)
        return StepOutput(blocks: [.figure(figure)], results: results)
    }

    /// With `:where:`, each class keeps the colour it has in charts of all the rows, so a
    /// filtered histogram does not recolour the classes it still shows.
    private func palette(for groups: ExplorationInput.PlotGroups, unfiltered: Dataset,
                         context: StepContext) throws -> CategoricalPalette? {
        guard condition != nil, groups.column != nil else { return nil }
        let all = try ExplorationInput.classesOrAll(unfiltered, context: context).labels
        let standard = CategoricalPalette.standard(count: all.count)
        let position = Dictionary(all.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return CategoricalPalette(colors: groups.labels.map { standard.color(at: position[$0] ?? 0) })
    }

    /// Fainter fills for more classes, so six overlaid classes read as outlines over a light
    /// wash instead of a grey block; the outlines stay fully opaque.
    static func fillOpacity(classes: Int) -> Double {
        switch classes {
        case ...2: return 0.35
        case 3: return 0.25
        case 4: return 0.18
        case 5: return 0.12
        default: return 0.08
        }
    }

    /// `:bins: auto`: one bin per value for whole numbers spanning at most 60 (keys, counts),
    /// else numpy's `histogram_bin_edges(values, bins="auto")`; more than `cap` bins become
    /// `cap` equal bins over the same range.
    static func automaticBins(_ values: [Double], cap: Int) -> HistogramBins {
        if let discrete = HistogramBins.discrete(values) { return discrete }
        let bins = HistogramBins.auto(values)
        guard bins.count > cap else { return bins }
        return .uniform(count: cap, lo: bins.edges[0], hi: bins.edges[bins.count])
    }

    /// The bins of one feature, and each class's count, mean and tallest bin.
    static func results(bins: HistogramBins, labels: [String], values: [[Double]]) -> ResultObject {
        var object = ResultObject()
        object["bins"] = .int(bins.count)
        object["lo"] = .double(bins.edges[0])
        object["hi"] = .double(bins.edges[bins.count])
        object["width"] = .double((bins.edges[bins.count] - bins.edges[0]) / Double(bins.count))
        var classes = ResultObject()
        for (label, classValues) in zip(labels, values) {
            let counts = bins.counts(classValues)
            var entry = ResultObject()
            entry["count"] = .int(classValues.filter(\.isFinite).count)
            entry["mean"] = ExplorationInput.number(Descriptive.mean(classValues.filter(\.isFinite)))
            // The centre of the tallest bin (the first when several tie), as a rough mode.
            if let tallest = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
               counts[tallest] > 0 {
                entry["mode"] = .double((bins.edges[tallest] + bins.edges[tallest + 1]) / 2)
            } else {
                entry["mode"] = .null
            }
            classes[label] = .object(entry)
        }
        object["classes"] = .object(classes)
        return object
    }
}
