import ReportCharts
import ReportData
import ReportEngine
import ReportStats

/// `{kde}`: kernel density of each feature per class, and a ranking of the features by how
/// well they separate the classes (mean pairwise overlap of the class densities).
struct KDEStep: Step {
    static let spec = DirectiveSpec(
        name: "kde",
        summary: "Density of each feature per class (Gaussian KDE) and a ranking of features by class separation.",
        options: [
            OptionSpec("features", .list, default: "the dataset's features", "features to plot"),
            OptionSpec("by", .string, default: "the label", "the class column"),
            OptionSpec("bandwidth", .string, default: "scott", "scott, silverman, or a factor (as scipy's bw_method)"),
            OptionSpec("layout", .choice(["grid", "separate"]), default: "grid", "one figure of panels, or one figure per feature"),
            OptionSpec("rank", .bool, default: "true", "rank features by how well they separate the classes"),
            OptionSpec("weak-overlap", .double, default: "0.85",
                       "a feature whose mean class overlap is at least this is listed as weak"),
            OptionSpec("exact", .bool, default: "false",
                       "sum every kernel exactly; by default large classes use binned evaluation (within 1e-3 of exact)"),
        ],
        drawsFigures: true,
        results: ["overlap.<feature>", "good (list)", "weak (list)", "best", "worst", "bandwidth"]
    )

    /// Grid points per density curve.
    static let gridSize = 256
    /// Classes larger than this use binned evaluation unless `:exact: true`.
    static let exactLimit = 2_000

    let invocation: Invocation
    let bandwidth: Bandwidth
    let bandwidthName: String
    let separate: Bool
    let rank: Bool
    let weakOverlap: Double
    let exact: Bool

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        let options = invocation.options
        let text = try options.string("bandwidth") ?? "scott"
        switch text {
        case "scott": bandwidth = .scott
        case "silverman": bandwidth = .silverman
        default:
            guard let factor = Double(text), factor > 0, factor.isFinite else {
                throw ReportError("option 'bandwidth' must be scott, silverman or a positive number, found '\(text)'",
                                  at: options.location(of: "bandwidth"))
            }
            bandwidth = .factor(factor)
        }
        bandwidthName = text
        separate = try options.choice("layout") == "separate"
        rank = try options.bool("rank") ?? true
        weakOverlap = try options.double("weak-overlap") ?? 0.85
        guard (0...1).contains(weakOverlap) else {
            throw ReportError("option 'weak-overlap' must be between 0 and 1, found \(weakOverlap)",
                              at: options.location(of: "weak-overlap"))
        }
        exact = try options.bool("exact") ?? false
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let features = try ColumnSelection.numericFeatures("features", in: dataset, context: context)
        guard !features.isEmpty else { throw context.error("no numeric features to plot") }
        let groups = try ClassGroups(dataset, context: context)
        guard groups.labels.count >= 1 else { throw context.error("column '\(groups.column)' has no values") }

        var panels: [DensityPanel] = []
        var overlaps: [(feature: String, overlap: Double)] = []
        for (position, feature) in features.enumerated() {
            context.progress.message("density of \(feature) (\(position + 1)/\(features.count))")
            guard let values = dataset.table.column(named: feature)?.numericValues else { continue }
            let estimates = zip(groups.labels, groups.values(of: values)).compactMap { label, classValues in
                KernelDensity(classValues, bandwidth: bandwidth).map { (label, $0) }
            }
            let grid = Self.grid(for: values, kernelWidth: estimates.map(\.1.kernelWidth).max() ?? 0)
            var curves: [DensityCurve] = []
            var densities: [[Double]] = []
            for (label, kde) in estimates {
                let density = exact || kde.samples.count <= Self.exactLimit
                    ? kde.evaluate(at: grid) : kde.evaluateBinned(on: grid)
                curves.append(DensityCurve(label: label, x: grid, density: density))
                densities.append(density)
            }
            panels.append(DensityPanel(title: feature, curves: curves))
            if let overlap = ClassSeparability.meanPairwiseOverlap(densities, grid: grid) {
                overlaps.append((feature, overlap))
            }
        }

        var blocks: [OutputBlock] = []
        let caption = invocation.caption ?? "Density of each feature per \(groups.column)"
        if separate {
            for panel in panels {
                let chart = DensityChart(title: panel.title, panels: [panel], columns: 1)
                blocks.append(.figure(try FigureRendering.figure(
                    chart, id: "\(invocation.id)-\(ExplorationInput.slug(panel.title))", caption: "\(caption): \(panel.title)",
                    alt: "Density of \(panel.title) for each \(groups.column)", context: context)))
            }
        } else {
            let chart = DensityChart(title: nil, panels: panels, columns: min(3, panels.count))
            blocks.append(.figure(try FigureRendering.figure(
                chart, id: invocation.id, caption: caption,
                alt: "Density curves of \(features.count) features for each \(groups.column)", context: context)))
        }

        let ranked = overlaps.sorted { $0.overlap < $1.overlap || ($0.overlap == $1.overlap && $0.feature < $1.feature) }
        let good = ranked.filter { $0.overlap < weakOverlap }.map(\.feature)
        let weak = ranked.filter { $0.overlap >= weakOverlap }.map(\.feature)
        var results = ResultObject()
        results["bandwidth"] = .string(bandwidthName)
        results["overlap"] = .object(ResultObject(overlaps.map { ($0.feature, .double($0.overlap)) }))
        results["good"] = .array(good.map { .string($0) })
        results["weak"] = .array(weak.map { .string($0) })
        results["good_count"] = .int(good.count)
        results["weak_count"] = .int(weak.count)
        if let best = ranked.first { results["best"] = .string(best.feature) }
        if let worst = ranked.last { results["worst"] = .string(worst.feature) }

        if rank, !ranked.isEmpty {
            let threshold = DisplayNumber.fixed(weakOverlap, decimals: 2)
            blocks.append(.table(TableOutput(
                id: "\(invocation.id)-ranking",
                caption: "Features ranked by how well they separate the \(groups.column) classes "
                    + "(mean pairwise overlap of class densities; weak at ≥ \(threshold))",
                columns: ["rank", "feature", "mean overlap", "verdict"],
                alignments: [.right, .left, .right, .left],
                rows: ranked.enumerated().map { index, entry in
                    [String(index + 1), entry.feature, DisplayNumber.fixed(entry.overlap, decimals: 3),
                     entry.overlap < weakOverlap ? "good" : "weak"]
                })))
        }
        return StepOutput(blocks: blocks, results: results)
    }

    /// An evaluation grid over the bulk of the data: the 0.5th to 99.5th percentile, so a few
    /// extreme values do not squash the curves, padded by three kernel widths (at least 10% of
    /// the range) so that each class's density keeps nearly all of its mass on the grid — the
    /// overlap measure would otherwise be biased low for narrow, discrete features.
    static func grid(for values: [Double], kernelWidth: Double) -> [Double] {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard let first = sorted.first, let last = sorted.last else { return [0, 1] }
        var lo = Descriptive.quantile(sorted, 0.005)
        var hi = Descriptive.quantile(sorted, 0.995)
        if hi <= lo { lo = first; hi = last }
        if hi <= lo { lo -= 0.5; hi += 0.5 }
        let pad = max((hi - lo) * 0.1, 3 * kernelWidth)
        return KernelDensity.grid(from: lo - pad, to: hi + pad, count: gridSize)
    }
}
