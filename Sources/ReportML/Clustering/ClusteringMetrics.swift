import Foundation

/// Agreement between two labelings, as `sklearn.metrics.adjusted_rand_score` and
/// `normalized_mutual_info_score` (arithmetic-mean normalisation).
public enum ClusteringMetrics {
    /// The contingency table of two labelings (any integer codes): counts, row and column sums.
    struct Contingency {
        var cells: [Int]          // nonzero cell counts
        var rowSums: [Int]
        var columnSums: [Int]
        var total: Int
    }

    static func contingency(_ a: [Int], _ b: [Int]) -> Contingency {
        precondition(a.count == b.count, "ClusteringMetrics: labelings of different lengths")
        let aCodes = Dictionary(uniqueKeysWithValues: Set(a).sorted().enumerated().map { ($1, $0) })
        let bCodes = Dictionary(uniqueKeysWithValues: Set(b).sorted().enumerated().map { ($1, $0) })
        let columns = bCodes.count
        var table = [Int](repeating: 0, count: aCodes.count * columns)
        for i in a.indices { table[aCodes[a[i]]! * columns + bCodes[b[i]]!] += 1 }
        var rowSums = [Int](repeating: 0, count: aCodes.count)
        var columnSums = [Int](repeating: 0, count: columns)
        for r in 0..<aCodes.count {
            for c in 0..<columns {
                rowSums[r] += table[r * columns + c]
                columnSums[c] += table[r * columns + c]
            }
        }
        return Contingency(cells: table.filter { $0 > 0 }, rowSums: rowSums, columnSums: columnSums, total: a.count)
    }

    /// The adjusted Rand index: 1 for identical partitions, about 0 for random ones.
    public static func adjustedRandIndex(_ a: [Int], _ b: [Int]) -> Double {
        let table = contingency(a, b)
        let n = table.total
        if n == 0 { return 1 }
        // pair_confusion_matrix in integers, then sklearn's float formula.
        var sumSquares = 0
        for cell in table.cells { sumSquares += cell * cell }
        var rowSquares = 0
        for value in table.rowSums { rowSquares += value * value }
        var columnSquares = 0
        for value in table.columnSums { columnSquares += value * value }
        let n11 = sumSquares - n
        // sklearn's pair_confusion_matrix: fp from the predicted (column) sums, fn from the true (row) sums.
        let fpCount = columnSquares - sumSquares
        let fnCount = rowSquares - sumSquares
        let tnCount = n * n - fpCount - fnCount - sumSquares
        let tp = Double(n11), tn = Double(tnCount), fp = Double(fpCount), fn = Double(fnCount)
        if fn == 0 && fp == 0 { return 1 }
        return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
    }

    /// Mutual information (natural log) from a contingency table, as sklearn's `mutual_info_score`.
    static func mutualInformation(_ a: [Int], _ b: [Int]) -> Double {
        let aCodes = Dictionary(uniqueKeysWithValues: Set(a).sorted().enumerated().map { ($1, $0) })
        let bCodes = Dictionary(uniqueKeysWithValues: Set(b).sorted().enumerated().map { ($1, $0) })
        let columns = bCodes.count
        var table = [Int](repeating: 0, count: aCodes.count * columns)
        for i in a.indices { table[aCodes[a[i]]! * columns + bCodes[b[i]]!] += 1 }
        var pi = [Double](repeating: 0, count: aCodes.count)
        var pj = [Double](repeating: 0, count: columns)
        // sklearn iterates nonzero entries of the CSR matrix (row-major order).
        var nzRows: [Int] = [], nzColumns: [Int] = [], nzValues: [Double] = []
        for r in 0..<aCodes.count {
            for c in 0..<columns where table[r * columns + c] > 0 {
                nzRows.append(r); nzColumns.append(c); nzValues.append(Double(table[r * columns + c]))
                pi[r] += Double(table[r * columns + c])
                pj[c] += Double(table[r * columns + c])
            }
        }
        if pi.count == 1 || pj.count == 1 { return 0 }
        let contingencySum = nzValues.reduce(0, +)
        let logContingency = nzValues.map { Foundation.log($0) }
        let contingencyNm = nzValues.map { $0 / contingencySum }
        let logOuter = nzRows.indices.map { -Foundation.log(pi[nzRows[$0]] * pj[nzColumns[$0]]) + Foundation.log(pi.reduce(0, +)) + Foundation.log(pj.reduce(0, +)) }
        var mi = 0.0
        for index in nzValues.indices {
            let term = contingencyNm[index] * (logContingency[index] - Foundation.log(contingencySum)) + contingencyNm[index] * logOuter[index]
            mi += abs(term) < Double.ulpOfOne ? 0 : term
        }
        return max(mi, 0)
    }

    /// Entropy (natural log) of a labeling, as sklearn's `entropy`.
    static func entropy(_ labels: [Int]) -> Double {
        guard !labels.isEmpty else { return 1 }
        var counts: [Int: Int] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        let pi = counts.keys.sorted().map { Double(counts[$0]!) }
        if pi.count == 1 { return 0 }
        let piSum = pi.reduce(0, +)
        var sum = 0.0
        for p in pi { sum += (p / piSum) * (Foundation.log(p) - Foundation.log(piSum)) }
        return -sum
    }

    /// Normalised mutual information with the arithmetic mean of the entropies.
    public static func normalizedMutualInfo(_ a: [Int], _ b: [Int]) -> Double {
        let aClasses = Set(a).count, bClasses = Set(b).count
        if aClasses == bClasses && (aClasses == 1 || aClasses == 0) { return 1 }
        let mi = mutualInformation(a, b)
        if mi == 0 { return 0 }
        let normalizer = (entropy(a) + entropy(b)) / 2
        return mi / normalizer
    }
}
