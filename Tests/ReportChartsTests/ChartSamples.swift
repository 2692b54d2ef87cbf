import Foundation
import ReportCharts

/// Charts of every kind added after the heatmap, bar and density charts, with deterministic
/// data shaped like the reports' (six genres with long names, twelve audio features).
enum ChartSamples {
    static let genres = HeatmapSamples.genres
    static let features = Array(HeatmapSamples.features.prefix(12))

    /// SplitMix64: deterministic test data without ReportData.
    struct Numbers {
        var state: UInt64
        mutating func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) * 0x1.0p-53
        }
        mutating func normal() -> Double {
            let u = max(uniform(), 1e-12), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    /// `count` values around `mean`.
    static func normal(_ count: Int, mean: Double, sd: Double, seed: UInt64) -> [Double] {
        var numbers = Numbers(state: seed)
        return (0..<count).map { _ in mean + sd * numbers.normal() }
    }

    static var histogramFacets: HistogramChart {
        let panels = features.prefix(6).enumerated().map { f, name in
            HistogramPanel(title: name, series: genres.prefix(3).enumerated().map { g, genre in
                HistogramSeries(label: genre, values: normal(300, mean: Double(f) + 0.4 * Double(g), sd: 0.3 + 0.1 * Double(g), seed: UInt64(10 * f + g)))
            })
        }
        return HistogramChart(title: "Feature distributions by genre", panels: panels)
    }

    static var histogramSingle: HistogramChart {
        HistogramChart(
            title: "Tempo by genre", feature: "tempo (BPM)",
            series: genres.enumerated().map { g, genre in
                HistogramSeries(label: genre, values: normal(400, mean: 118 + 9 * Double(g), sd: 4, seed: UInt64(100 + g)))
            })
    }

    static let clusterCounts: [[Double]] = genres.indices.map { g in
        (0..<8).map { c in Double((g * 37 + c * 53) % 90 + ((g + c) % 6 == 0 ? 150 : 5)) }
    }

    static var stackedBars: BarChart {
        BarChart(
            title: "Genres per cluster", categories: (0..<8).map { "Cluster \($0)" },
            series: genres.indices.map { BarSeries(name: genres[$0], values: clusterCounts[$0]) }, layout: .stacked,
            valueAxisTitle: "Tracks", categoryAxisTitle: "Cluster")
    }

    static var shareBars: BarChart {
        BarChart(
            title: "Genre mix per cluster", categories: (0..<8).map { "Cluster \($0)" },
            series: genres.indices.map { BarSeries(name: genres[$0], values: clusterCounts[$0]) }, layout: .stackedShares,
            valueAxisTitle: "Share of tracks", valueLabelFormat: { NumberFormat.fixed($0 * 100, 0) + "%" })
    }

    static var boxPlot: BoxPlotChart {
        BoxPlotChart(
            title: "Tempo by genre",
            boxes: genres.enumerated().map { g, genre in
                BoxPlotBox(label: genre, values: normal(500, mean: 120 + 8 * Double(g), sd: 5, seed: UInt64(200 + g)) + [60, 200 - Double(g)])
            },
            valueAxisTitle: "Tempo (BPM)", categoryAxisTitle: "Genre")
    }

    static let candidates = [
        ("RandomForest(n_estimators=300)", "Trees", 0.81), ("GradientBoosting(lr=0.1)", "Trees", 0.83),
        ("LogisticRegression(C=1)", "Linear", 0.71), ("SVC(rbf, C=10)", "Kernel", 0.79), ("GaussianNB", "Bayes", 0.62),
    ]

    static var crossValidation: BoxPlotChart {
        BoxPlotChart(
            title: "Cross-validation accuracy (5 folds)",
            boxes: candidates.enumerated().map { i, c in
                BoxPlotBox(label: c.0, values: normal(5, mean: c.2, sd: 0.012, seed: UInt64(300 + i)), group: c.1)
            },
            orientation: .horizontal, valueAxisTitle: "Accuracy", showsPoints: true, showsMean: true)
    }

    static func scatterSeries(perClass: Int) -> [ScatterSeries] {
        genres.enumerated().map { g, genre in
            ScatterSeries(
                name: genre, x: normal(perClass, mean: Double(g % 3) * 2, sd: 1, seed: UInt64(400 + g)),
                y: normal(perClass, mean: Double(g / 3) * 2, sd: 1, seed: UInt64(500 + g)))
        }
    }

    static var scatter: ScatterChart {
        ScatterChart(
            title: "PCA of audio features", series: scatterSeries(perClass: 2000), xAxisTitle: "PC 1", yAxisTitle: "PC 2",
            maxPoints: 3000, seed: 42)
    }

    static var radar: RadarChart {
        RadarChart(
            title: "Genre profiles", axes: features,
            series: genres.enumerated().map { g, genre in
                RadarSeries(name: genre, values: features.indices.map { f in (sin(Double(g * 5 + f * 3)) + 1) / 2 })
            })
    }

    static func rocCurve(_ label: String, strength: Double) -> ROCCurve {
        let fpr = (0...50).map { Double($0) / 50 }
        return ROCCurve(label: label, falsePositiveRate: fpr, truePositiveRate: fpr.map { pow($0, 1 / strength) })
    }

    static var roc: ROCChart {
        ROCChart(curves: genres.enumerated().map { g, genre in rocCurve(genre, strength: 1.5 + Double(g)) })
    }

    /// A linkage of 12 genres in three well separated groups, in SciPy's format.
    static let linkage: [[Double]] = [
        [0, 1, 0.5, 2], [2, 3, 0.7, 2], [12, 13, 1.1, 4],
        [4, 5, 0.4, 2], [6, 15, 0.9, 3], [7, 16, 1.3, 4],
        [8, 9, 0.6, 2], [10, 11, 0.8, 2], [18, 19, 1.5, 4],
        [14, 17, 4.0, 8], [20, 21, 6.0, 12],
    ]

    static let dendrogramLabels = [
        "Techno (Peak Time / Driving)", "Hard Techno", "Minimal / Deep Tech", "Tech House", "House", "Deep House",
        "Afro House", "Organic House / Downtempo", "Trance (Main Floor)", "Progressive House", "Drum & Bass", "Dubstep",
    ]

    static var dendrogram: DendrogramChart {
        DendrogramChart(title: "Genres clustered (Ward)", linkage: linkage, labels: dendrogramLabels, colorThreshold: 3)
    }

    static var dendrogramHorizontal: DendrogramChart {
        DendrogramChart(
            title: "Genres clustered (Ward)", linkage: linkage, labels: dendrogramLabels, orientation: .horizontal,
            colorThreshold: 3)
    }

    static var learningCurve: LineChart {
        let sizes = [100.0, 200, 400, 800, 1600, 3200]
        return LineChart(
            title: "Learning curve",
            series: [
                LineSeries(name: "Training", x: sizes, y: sizes.map { 0.99 - 0.1 * (1 - exp(-$0 / 1500)) }),
                LineSeries(name: "Validation", x: sizes, y: sizes.map { 0.55 + 0.27 * (1 - exp(-$0 / 1200)) }),
            ],
            xAxisTitle: "Training tracks", yAxisTitle: "Accuracy")
    }

    /// Every sample with a name, for tests that run over all kinds.
    static var all: [(name: String, chart: any Chart)] {
        [
            ("histogram facets", histogramFacets), ("histogram", histogramSingle), ("stacked bars", stackedBars),
            ("share bars", shareBars), ("box plot", boxPlot), ("cross-validation", crossValidation), ("scatter", scatter),
            ("radar", radar), ("roc", roc), ("dendrogram", dendrogram), ("dendrogram horizontal", dendrogramHorizontal),
            ("line", learningCurve),
        ]
    }
}
