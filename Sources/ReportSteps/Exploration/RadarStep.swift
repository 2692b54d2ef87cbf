import ReportCharts
import ReportData
import ReportEngine
import ReportStats

/// `{radar}`: class profiles — the mean of each feature per class, scaled feature by feature
/// so that features on different scales share one chart; plus a table of the unscaled means.
///
/// `minmax` (the default) stretches each feature's class means over 0…1 (lowest class mean
/// to highest), which shows the order of the classes on every axis but also stretches tiny
/// differences; `zscore` draws each class mean in standard deviations of the feature from its
/// overall mean, the same scale on every axis, so a feature on which the classes hardly
/// differ stays near the middle ring.
struct RadarStep: Step {
    static let spec = DirectiveSpec(
        name: "radar",
        summary: "Class profiles on a radar chart: per-class feature means, min–max scaled across the classes.",
        options: [
            OptionSpec("features", .list, default: "the dataset's features", "the axes (at least 3)"),
            OptionSpec("by", .string, default: "the label", "the class column"),
            OptionSpec("scaling", .choice(["minmax", "zscore"]), default: "minmax",
                       "minmax: class means stretched to 0…1 per feature; zscore: in standard deviations from the overall mean"),
            OptionSpec("table", .bool, default: "true", "also show the unscaled means as a table"),
        ],
        drawsFigures: true,
        results: ["scaling", "means.<class>.<feature>", "scaled.<class>.<feature> (as drawn, 0…1)",
                  "z.<class>.<feature> (with scaling: zscore)"]
    )

    let invocation: Invocation
    let showsTable: Bool
    let zScores: Bool

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        showsTable = try invocation.options.bool("table") ?? true
        zScores = try invocation.options.choice("scaling") == "zscore"
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let features = try ColumnSelection.numericFeatures("features", in: dataset, context: context)
        guard features.count >= 3 else {
            throw ReportError("a radar chart needs at least 3 features, found \(features.count)",
                              at: context.options.location(of: "features"))
        }
        let groups = try ExplorationInput.classes(dataset, context: context)

        // means[class][feature]; z[class][feature] in standard deviations from the overall mean.
        var means = [[Double]](repeating: [], count: groups.labels.count)
        var z = means
        for feature in features {
            guard let values = dataset.table.column(named: feature)?.numericValues else { continue }
            let overall = Descriptive.mean(values), spread = Descriptive.standardDeviation(values)
            for (k, classValues) in groups.values(of: values).enumerated() {
                let mean = Descriptive.mean(classValues)
                means[k].append(mean)
                z[k].append(spread > 0 ? (mean - overall) / spread : 0)
            }
        }

        let scaled: [[Double]]
        let caption: String
        var ringLabel: (@Sendable (Double) -> String)?
        if zScores {
            // Rings at −L/2, 0, L/2, L standard deviations, L the largest |z| rounded up to a
            // half, so that the rings fall on quarters.
            let limit = max(0.5, ((z.flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0) * 2).rounded(.up) / 2)
            scaled = z.map { row in row.map { ($0 / limit + 1) / 2 } }
            ringLabel = { value in
                let sd = ((2 * value - 1) * limit * 4).rounded() / 4
                guard sd != 0 else { return "0 sd" }
                var text = DisplayNumber.fixed(abs(sd), decimals: 2)
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
                return (sd > 0 ? "+" : "−") + text + " sd"
            }
            caption = "Profile of each \(groups.column): mean of each feature in standard deviations from the "
                + "feature's overall mean (the ring marked 0 sd is the overall mean; the centre is −\(DisplayNumber.format(limit)) sd)"
        } else {
            scaled = Self.minMaxScaled(means)
            caption = "Profile of each \(groups.column): mean of each feature, min–max scaled across the "
                + "\(groups.column) classes (0 = lowest class mean, 1 = highest)"
        }

        let chart = RadarChart(
            title: nil, axes: features,
            series: zip(groups.labels, scaled).map { RadarSeries(name: $0, values: $1) }, ringLabelFormat: ringLabel)
        let figure = try FigureRendering.figure(
            chart, id: invocation.id, caption: invocation.caption ?? caption,
            alt: "Radar chart of \(groups.labels.count) \(groups.column) profiles over \(features.count) features", context: context)

        var blocks: [OutputBlock] = [.figure(figure)]
        if showsTable {
            blocks.append(.table(TableOutput(
                id: "\(invocation.id)-means", caption: "Mean of each feature per \(groups.column)",
                columns: ["feature"] + groups.labels,
                alignments: [.left] + Array(repeating: .right, count: groups.labels.count),
                rows: features.indices.map { j in [features[j]] + Self.formatted(means.map { $0[j] }) })))
        }

        var results = ResultObject()
        results["scaling"] = .string(zScores ? "zscore" : "minmax")
        if zScores { results["z"] = .object(Self.object(groups.labels, features, z)) }
        results["means"] = .object(Self.object(groups.labels, features, means))
        results["scaled"] = .object(Self.object(groups.labels, features, scaled))
        return StepOutput(blocks: blocks, results: results)
    }

    /// Each column (feature) scaled to 0…1 over the rows (classes); a feature whose class
    /// means are all equal sits at 0.5. NaN stays NaN.
    static func minMaxScaled(_ means: [[Double]]) -> [[Double]] {
        guard let width = means.first?.count else { return means }
        var out = means
        for j in 0..<width {
            let column = means.map { $0[j] }.filter(\.isFinite)
            guard let lo = column.min(), let hi = column.max() else { continue }
            for k in means.indices where means[k][j].isFinite {
                out[k][j] = hi > lo ? (means[k][j] - lo) / (hi - lo) : 0.5
            }
        }
        return out
    }

    /// One feature's class means with the same number of decimals, so they line up: about
    /// four significant digits for the largest.
    static func formatted(_ values: [Double]) -> [String] {
        let largest = values.filter(\.isFinite).map(abs).max() ?? 0
        let decimals = largest >= 1000 ? 0 : largest >= 100 ? 1 : largest >= 10 ? 2 : largest >= 0.1 || largest == 0 ? 3 : 4
        return values.map { decimals == 0 ? DisplayNumber.format($0.rounded()) : DisplayNumber.fixed($0, decimals: decimals) }
    }

    private static func object(_ classes: [String], _ features: [String], _ values: [[Double]]) -> ResultObject {
        ResultObject(zip(classes, values).map { label, row in
            (label, .object(ResultObject(zip(features, row).map { ($0, ExplorationInput.number($1)) })))
        })
    }
}
