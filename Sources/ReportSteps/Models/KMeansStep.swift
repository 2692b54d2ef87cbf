import Foundation
import ReportCharts
import ReportEngine
import ReportML

/// `{kmeans}`: k-means clustering of the rows (k-means++ seeding, `n-init` restarts, the
/// lowest inertia kept), compared with a class column by a cluster × class table, its
/// heatmap, stacked share bars, the adjusted Rand index and normalised mutual information.
struct KMeansStep: Step {
    static let spec = DirectiveSpec(
        name: "kmeans",
        summary: "k-means clustering of the rows, compared with the label (or another column).",
        options: [
            OptionSpec("k", .int, "number of clusters (required)"),
            OptionSpec("features", .list, default: "the dataset's features", "numeric columns to cluster on"),
            OptionSpec("n-init", .int, default: "10", "restarts with different k-means++ seeds; the lowest inertia is kept"),
            OptionSpec("max-iter", .int, default: "300", "Lloyd iterations per restart at most"),
            OptionSpec("seed", .int, "seed of the k-means++ draws (default: derived from the report seed)"),
            OptionSpec("crosstab", .string, default: "the label", "the column the clusters are compared with"),
            OptionSpec("profile", .list, "numeric columns drawn as per-cluster histograms"),
        ],
        drawsFigures: true,
        results: ["inertia", "sizes (list)", "iterations", "ari (against crosstab)", "nmi (against crosstab)",
                  "shares.<cluster>.<class>, leads.<class> (clusters where the class is the largest, with crosstab)",
                  "k", "rows", "features", "centroids.<cluster>.<feature>", "centroids_original.<cluster>.<feature> (after {normalize})"]
    )

    let invocation: Invocation
    let k: Int
    let restarts: Int
    let maxIterations: Int

    init(_ invocation: Invocation) throws {
        self.invocation = invocation
        guard let k = try invocation.options.int("k", min: 1) else {
            throw invocation.error("{kmeans} needs ':k:', the number of clusters")
        }
        self.k = k
        restarts = try invocation.options.int("n-init", min: 1) ?? 10
        maxIterations = try invocation.options.int("max-iter", min: 1) ?? 300
    }

    func run(_ context: StepContext) throws -> StepOutput {
        let dataset = try context.dataset()
        let features = try ColumnSelection.numericFeatures("features", in: dataset, context: context)
        guard !features.isEmpty else { throw context.error("no numeric features to cluster on") }
        let table = dataset.table
        var columns: [[Double]] = []
        for feature in features {
            guard let values = table.column(named: feature)?.numericValues else {
                throw ColumnSelection.missingColumn(feature, in: table, at: context.options.location(of: "features"))
            }
            let missing = values.filter { !$0.isFinite }.count
            if missing > 0 {
                throw context.error("feature '\(feature)' is missing in \(missing) rows",
                                    notes: ["remove or fill them first, e.g. with {clean} (drop-missing: true)"])
            }
            columns.append(values)
        }
        let x = FeatureMatrix(columns: columns)
        guard k <= x.rows else {
            throw ReportError("k = \(k) is larger than the number of rows (\(x.rows))", at: context.options.location(of: "k"))
        }
        let throttle = ProgressThrottle(sink: context.progress, label: "k-means")
        let model: KMeansModel
        do {
            model = try KMeans(clusters: k, restarts: restarts, maxIterations: maxIterations).fit(
                x, context: FitContext(seed: context.seed, threads: context.threads,
                                       progress: { throttle.report($0) }))
        } catch let error as MLError {
            throw context.error("k-means failed: \(error.message)")
        }
        let clusterNames = (1...k).map { "cluster \($0)" }
        let sizes = model.sizes
        var blocks: [OutputBlock] = []
        var results = ResultObject()
        results["k"] = .int(k)
        results["rows"] = .int(x.rows)
        results["features"] = .array(features.map { .string($0) })
        results["inertia"] = .double(model.inertia)
        results["iterations"] = .int(model.iterations)
        results["sizes"] = .array(sizes.map { .int($0) })

        // Sizes and centroids.
        let centroidRows = (0..<k).map { cluster in
            [clusterNames[cluster], DisplayNumber.format(Double(sizes[cluster])),
             DisplayNumber.fixed(Double(sizes[cluster]) / Double(x.rows) * 100, decimals: 1) + "%"]
                + (0..<features.count).map { DisplayNumber.format(model.centroids[cluster, $0]) }
        }
        blocks.append(.table(TableOutput(
            id: "\(invocation.id)-centroids",
            caption: invocation.caption ?? "k-means with k = \(k) on \(features.count) features: cluster sizes and centroids (inertia \(DisplayNumber.format(model.inertia)))",
            columns: ["cluster", "rows", "share"] + features,
            alignments: [.left, .right, .right] + features.map { _ in .right }, rows: centroidRows)))
        var centroidResults = ResultObject()
        for cluster in 0..<k {
            centroidResults[String(cluster + 1)] = .object(ResultObject(features.enumerated().map {
                ($1, .double(model.centroids[cluster, $0]))
            }))
        }
        results["centroids"] = .object(centroidResults)

        // Centroids in the data's own units, where {normalize} rescaled the features: a reader
        // can tell "120 BPM" from "0.31 after z-scoring and max-abs division".
        let units = features.map { dataset.originalUnits[$0] }
        if units.contains(where: { $0 != nil }) {
            let original = (0..<k).map { cluster in
                features.indices.map { j in units[j]?.original(model.centroids[cluster, j]) ?? model.centroids[cluster, j] }
            }
            blocks.append(.table(TableOutput(
                id: "\(invocation.id)-centroids-original",
                caption: "Centroids in the data's original units (the normalisation undone)",
                columns: ["cluster"] + features, alignments: [.left] + features.map { _ in .right },
                rows: (0..<k).map { [clusterNames[$0]] + original[$0].map { DisplayNumber.format($0) } })))
            var originalResults = ResultObject()
            for cluster in 0..<k {
                originalResults[String(cluster + 1)] = .object(ResultObject(zip(features, original[cluster]).map { ($0, .double($1)) }))
            }
            results["centroids_original"] = .object(originalResults)
        }

        // Cluster × class.
        if let name = try context.options.string("crosstab") ?? dataset.label {
            let column = try ColumnSelection.require(name, in: table, option: "crosstab", context: context)
            var classRows: [String: [Int]] = [:]
            for row in 0..<column.count {
                guard let value = column.displayValue(at: row) else { continue }
                classRows[value, default: []].append(row)
            }
            let classes = classRows.keys.sorted()
            let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
            var counts = [[Int]](repeating: [Int](repeating: 0, count: classes.count), count: k)
            var truth: [Int] = [], predicted: [Int] = []
            for row in 0..<column.count {
                guard let value = column.displayValue(at: row), let code = classIndex[value] else { continue }
                counts[model.labels[row]][code] += 1
                truth.append(code)
                predicted.append(model.labels[row])
            }
            guard !classes.isEmpty else { throw context.error("column '\(name)' has no values") }
            let shares = counts.map { row -> [Double] in
                let total = Double(row.reduce(0, +))
                return row.map { total > 0 ? Double($0) / total : .nan }
            }
            let ari = ClusteringMetrics.adjustedRandIndex(truth, predicted)
            let nmi = ClusteringMetrics.normalizedMutualInfo(truth, predicted)
            results["ari"] = .double(ari)
            results["nmi"] = .double(nmi)
            results["crosstab"] = .string(name)
            var shareResults = ResultObject()
            for cluster in 0..<k {
                shareResults[String(cluster + 1)] = .object(ResultObject(classes.enumerated().map {
                    ($1, .double(shares[cluster][$0]))
                }))
            }
            results["shares"] = .object(shareResults)
            // How many clusters each class leads (holds the largest share of; first class on ties).
            var leads = [Int](repeating: 0, count: classes.count)
            for cluster in 0..<k where counts[cluster].reduce(0, +) > 0 {
                if let top = counts[cluster].indices.max(by: { counts[cluster][$0] < counts[cluster][$1] || (counts[cluster][$0] == counts[cluster][$1] && $0 > $1) }) {
                    leads[top] += 1
                }
            }
            results["leads"] = .object(ResultObject(classes.enumerated().map { ($1, .int(leads[$0])) }))

            blocks.append(.table(TableOutput(
                id: "\(invocation.id)-crosstab",
                caption: "Share of each \(name) within each cluster (rows sum to 100%); ARI \(DisplayNumber.fixed(ari, decimals: 3)), NMI \(DisplayNumber.fixed(nmi, decimals: 3))",
                columns: ["cluster", "rows"] + classes,
                alignments: [.left, .right] + classes.map { _ in .right },
                rows: (0..<k).map { cluster in
                    [clusterNames[cluster], DisplayNumber.format(Double(counts[cluster].reduce(0, +)))]
                        + shares[cluster].map { $0.isFinite ? DisplayNumber.fixed($0 * 100, decimals: 1) + "%" : "—" }
                })))
            let heatmap = HeatmapChart(
                title: nil, rowLabels: clusterNames, columnLabels: classes, values: shares,
                colorScale: .sequential(min: 0, max: 1), annotate: k * classes.count <= 400,
                valueFormat: { NumberFormat.fixed($0, 2) }, colorbarTitle: "share of the cluster",
                rowAxisTitle: "cluster", columnAxisTitle: name)
            blocks.append(.figure(try FigureRendering.figure(
                heatmap, id: "\(invocation.id)-heatmap",
                caption: "Clusters against \(name): share of each cluster's rows in each \(name)",
                alt: "Heatmap of the share of each \(name) within each of the \(k) k-means clusters", context: context)))
            let bars = BarChart(
                title: nil, categories: clusterNames,
                series: classes.enumerated().map { index, label in
                    BarSeries(name: label, values: counts.map { Double($0[index]) })
                },
                orientation: .horizontal, layout: .stackedShares, valueAxisTitle: "share of the cluster's rows",
                categoryAxisTitle: "cluster")
            blocks.append(.figure(try FigureRendering.figure(
                bars, id: "\(invocation.id)-shares",
                caption: "Composition of each cluster by \(name)",
                alt: "Stacked bars of the share of each \(name) in each k-means cluster", context: context)))
        }

        // Per-cluster histograms.
        if let profile = try context.options.list("profile") {
            var panels: [HistogramPanel] = []
            for feature in profile {
                let column = try ColumnSelection.require(feature, in: table, option: "profile", context: context)
                guard let values = column.numericValues else {
                    throw ReportError("column '\(feature)' holds text, not numbers", at: context.options.location(of: "profile"))
                }
                var perCluster = [[Double]](repeating: [], count: k)
                for row in 0..<x.rows where values[row].isFinite { perCluster[model.labels[row]].append(values[row]) }
                panels.append(HistogramPanel(title: feature, series: zip(clusterNames, perCluster).map {
                    HistogramSeries(label: $0, values: $1)
                }))
            }
            if !panels.isEmpty {
                let chart = HistogramChart(title: nil, panels: panels, normalization: .density,
                                           columns: min(3, panels.count), fillOpacity: k > 4 ? 0.2 : 0.35)
                blocks.append(.figure(try FigureRendering.figure(
                    chart, id: "\(invocation.id)-profile",
                    caption: "Distribution of \(profile.joined(separator: ", ")) in each cluster (densities)",
                    alt: "Histograms of \(profile.joined(separator: ", ")) per k-means cluster", context: context)))
            }
        }
        return StepOutput(blocks: blocks, results: results)
    }
}
