import Foundation
import ReportCharts

/// Heatmaps shaped like the ones the reports draw, with deterministic values.
enum HeatmapSamples {
    static let features = [
        "danceability", "energy", "loudness", "speechiness", "acousticness", "instrumentalness",
        "liveness", "valence", "tempo", "duration_ms", "key", "mode", "time_signature", "popularity",
    ]

    static let genres = [
        "Techno (Peak Time / Driving)", "Minimal / Deep Tech", "Nu Disco / Disco",
        "House", "Drum & Bass", "Trance (Main Floor)",
    ]

    /// A symmetric 14×14 matrix with ones on the diagonal and values in −0.9…0.9.
    static var correlation: HeatmapChart {
        let n = features.count
        var values = [[Double]]()
        for i in 0..<n {
            var row = [Double]()
            for j in 0..<n {
                let phase = Double((i + 1) * (j + 1)) * 0.7
                row.append(i == j ? 1 : 0.9 * sin(phase))
            }
            values.append(row)
        }
        return HeatmapChart(
            title: "Correlation of audio features", rowLabels: features, columnLabels: features,
            values: values, colorScale: .diverging(min: -1, max: 1), colorbarTitle: "Pearson r")
    }

    /// A 6×6 confusion matrix of counts with long genre names.
    static var confusion: HeatmapChart {
        let n = genres.count
        var values = [[Double]]()
        for i in 0..<n {
            var row = [Double]()
            for j in 0..<n {
                let count: Int = i == j ? 150 + 20 * i : (i * 7 + j * 3) % 40
                row.append(Double(count))
            }
            values.append(row)
        }
        return HeatmapChart(
            title: "Confusion matrix", rowLabels: genres, columnLabels: genres, values: values,
            colorScale: .sequential(min: 0, max: 250), valueFormat: { String(Int($0)) },
            colorbarTitle: "Tracks", rowAxisTitle: "True genre", columnAxisTitle: "Predicted genre")
    }

    /// A small table with short labels and one empty (NaN) cell.
    static var small: HeatmapChart {
        HeatmapChart(
            title: nil, rowLabels: ["a", "b"], columnLabels: ["yes", "no"], values: [[1, 2], [3, .nan]],
            colorScale: .sequential(min: 0, max: 3), valueFormat: { String(Int($0)) })
    }

    /// Many columns with long names: forces 90° column labels.
    static var wide: HeatmapChart {
        let columns = (0..<40).map { "a rather long column name \($0)" }
        let rows = (0..<5).map { "row \($0)" }
        let values: [[Double]] = rows.indices.map { i in columns.indices.map { j in Double((i + j) % 7) / 6 } }
        return HeatmapChart(
            title: "Wide", rowLabels: rows, columnLabels: columns, values: values,
            colorScale: .sequential(min: 0, max: 1), annotate: false)
    }
}
