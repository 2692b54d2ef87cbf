import Foundation
@testable import ReportData

/// Small, exact statistics and a simple classifier for the synthetic-data tests.
enum SyntheticStats {
    /// The mean of `x`.
    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    /// The population standard deviation of `x`.
    static func sd(_ x: [Double]) -> Double {
        let m = mean(x)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count)).squareRoot()
    }

    /// Pearson's correlation of two equally long arrays.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let mx = mean(x), my = mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// The share of the variance of `x` explained by the groups `labels` (eta squared).
    static func etaSquared(_ x: [Double], by labels: [Int]) -> Double {
        let m = mean(x)
        var sums: [Int: (Double, Int)] = [:]
        for (v, g) in zip(x, labels) {
            let s = sums[g] ?? (0, 0)
            sums[g] = (s.0 + v, s.1 + 1)
        }
        let between = sums.values.reduce(0) { acc, s in
            let gm = s.0 / Double(s.1)
            return acc + Double(s.1) * (gm - m) * (gm - m)
        }
        let total = x.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return between / total
    }

    /// The largest gap between the empirical distribution functions of `a` and `b`
    /// (two-sample Kolmogorov–Smirnov statistic).
    static func ksDistance(_ a: [Double], _ b: [Double]) -> Double {
        let x = a.sorted(), y = b.sorted()
        var i = 0, j = 0, worst = 0.0
        while i < x.count && j < y.count {
            let v = min(x[i], y[j])
            while i < x.count && x[i] <= v { i += 1 }
            while j < y.count && y[j] <= v { j += 1 }
            worst = max(worst, abs(Double(i) / Double(x.count) - Double(j) / Double(y.count)))
        }
        return worst
    }

    /// The area under the ROC curve of `scores` for the positives `truth` (ties count half).
    static func auc(scores: [Double], truth: [Bool]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var k = 0
        while k < order.count {
            var end = k
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[k]] { end += 1 }
            let rank = Double(k + end) / 2 + 1
            for m in k...end where truth[order[m]] { rankSum += rank }
            k = end + 1
        }
        let positives = Double(truth.filter { $0 }.count)
        let negatives = Double(truth.count) - positives
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// Label codes (index into `classes`) of a text column.
    static func codes(_ table: Table, _ column: String, classes: [String]) -> [Int] {
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        return (table.column(named: column)?.textValues ?? []).map { index[$0 ?? ""] ?? -1 }
    }

    /// The numeric columns `names` of `table`.
    static func features(_ table: Table, _ names: [String]) -> [[Double]] {
        names.map { table.column(named: $0)?.numericValues ?? [] }
    }
}

/// Naive Bayes with per-feature histogram densities: a simple, exact stand-in for a forest
/// that, unlike a Gaussian model, follows bimodal features (half-time tempos, vocal or
/// instrumental tracks). Bin edges are the 1/20 … 19/20 quantiles of each training feature
/// (duplicates dropped); class counts per bin get one pseudo-count.
struct HistogramNaiveBayes {
    let edges: [[Double]]
    /// `logProbability[feature][class][bin]`.
    let logProbability: [[[Double]]]
    let classCount: Int

    init(features: [[Double]], labels: [Int], classCount: Int, rows: [Int], bins: Int = 20) {
        self.classCount = classCount
        var edges: [[Double]] = []
        var logs: [[[Double]]] = []
        for column in features {
            let values = rows.map { column[$0] }.sorted()
            var cuts: [Double] = []
            for k in 1..<bins {
                // numpy's default (linear) quantile at k / bins.
                let position = Double(values.count - 1) * Double(k) / Double(bins)
                let low = Int(position)
                let high = min(low + 1, values.count - 1)
                let cut = values[low] + (values[high] - values[low]) * (position - Double(low))
                if cuts.last != cut { cuts.append(cut) }
            }
            var counts = [[Double]](repeating: [Double](repeating: 1, count: cuts.count + 1), count: classCount)
            for row in rows { counts[labels[row]][Self.bin(column[row], cuts)] += 1 }
            logs.append(counts.map { c in
                let total = c.reduce(0, +)
                return c.map { Foundation.log($0 / total) }
            })
            edges.append(cuts)
        }
        self.edges = edges
        logProbability = logs
    }

    /// The number of edges at or below `x` (numpy's `searchsorted(side="right")`).
    static func bin(_ x: Double, _ cuts: [Double]) -> Int {
        var lo = 0, hi = cuts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cuts[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Per-class log scores (up to a constant) of `row` of `features`.
    func scores(_ features: [[Double]], row: Int) -> [Double] {
        var s = [Double](repeating: 0, count: classCount)
        for (f, column) in features.enumerated() {
            let b = Self.bin(column[row], edges[f])
            for c in 0..<classCount { s[c] += logProbability[f][c][b] }
        }
        return s
    }

    /// The most likely class of `row`.
    func predict(_ features: [[Double]], row: Int) -> Int {
        let s = scores(features, row: row)
        return s.indices.max { s[$0] < s[$1] } ?? 0
    }

    /// Recall per class and accuracy on `rows`.
    func evaluate(_ features: [[Double]], labels: [Int], rows: [Int]) -> (recall: [Double], accuracy: Double) {
        var hits = [Double](repeating: 0, count: classCount), totals = hits
        for row in rows {
            totals[labels[row]] += 1
            if predict(features, row: row) == labels[row] { hits[labels[row]] += 1 }
        }
        return (zip(hits, totals).map { $0 / $1 }, hits.reduce(0, +) / totals.reduce(0, +))
    }
}

