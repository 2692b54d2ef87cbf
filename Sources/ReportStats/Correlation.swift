/// Pearson and Spearman correlation with pandas' missing-value semantics.
///
/// Every coefficient uses the rows where both columns are present (pairwise complete, like
/// `DataFrame.corr`). A column that is constant on those rows, or fewer than two rows, gives
/// NaN. Sums are mean-centred (two-pass) and added in NumPy's pairwise order, so results agree
/// with `np.corrcoef` / `scipy.stats.spearmanr` to about 1e-15.
public enum Correlation {
    /// Pearson's r of `x` and `y` over their complete rows, clamped to [-1, 1]; NaN when either
    /// is constant there or fewer than two rows remain. Precondition: equal lengths.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "pearson: lengths differ (\(x.count) vs \(y.count))")
        let (cx, cy) = completeRows(x, y)
        return pearsonOfComplete(cx, cy)
    }

    /// Spearman's rho of `x` and `y`: Pearson's r of their average ranks, both ranked over the
    /// complete rows only; NaN as for `pearson`. Precondition: equal lengths.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "spearman: lengths differ (\(x.count) vs \(y.count))")
        let (cx, cy) = completeRows(x, y)
        return pearsonOfComplete(ranks(cx), ranks(cy))
    }

    /// The 1-based average ranks of `x` (ties share the mean of their ranks, as
    /// `scipy.stats.rankdata(method: "average")`); NaN entries get rank NaN and are not counted.
    public static func ranks(_ x: [Double]) -> [Double] {
        var order = x.indices.filter { !x[$0].isNaN }
        order.sort { x[$0] < x[$1] }
        var result = [Double](repeating: .nan, count: x.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && x[order[end]] == x[order[start]] { end += 1 }
            // Positions start..<end hold ranks start+1 ... end; their mean is exact in binary.
            let rank = 0.5 * Double(start + 1 + end)
            for k in start..<end { result[order[k]] = rank }
            start = end
        }
        return result
    }

    /// The symmetric matrix of coefficients between `columns` (each pair over its complete
    /// rows); the diagonal is 1, or NaN for a column with fewer than two distinct values.
    /// Precondition: all columns have the same length.
    ///
    /// Pairs run in parallel when the work is large; each pair is computed by the same
    /// sequential code as `pearson`/`spearman`, so results do not depend on thread count.
    public static func matrix(_ columns: [[Double]], method: CorrelationMethod) -> [[Double]] {
        let k = columns.count
        guard k > 0 else { return [] }
        let rows = columns[0].count
        precondition(columns.allSatisfy { $0.count == rows }, "matrix: columns differ in length")
        let complete = columns.map { !$0.contains(where: \.isNaN) }
        // Spearman ranks of NaN-free columns are the same for every pair: rank them once.
        let prepared: [[Double]] = method == .spearman
            ? zip(columns, complete).map { $1 ? ranks($0) : $0 }
            : columns

        let pairs: [(i: Int, j: Int)] = (0..<k).flatMap { i in ((i + 1)..<k).map { (i, $0) } }
        let values = fillSlots(count: pairs.count, parallel: pairs.count * rows >= 200_000) { p in
            let (i, j) = pairs[p]
            if complete[i] && complete[j] { return pearsonOfComplete(prepared[i], prepared[j]) }
            switch method {
            case .pearson: return pearson(columns[i], columns[j])
            case .spearman: return spearman(columns[i], columns[j])
            }
        }

        var result = [[Double]](repeating: [Double](repeating: .nan, count: k), count: k)
        for i in 0..<k { result[i][i] = hasSpread(columns[i]) ? 1 : .nan }
        for (p, (i, j)) in pairs.enumerated() {
            result[i][j] = values[p]
            result[j][i] = values[p]
        }
        return result
    }

    /// Pearson's r of NaN-free, equal-length `x` and `y` (two-pass, pairwise sums).
    static func pearsonOfComplete(_ x: [Double], _ y: [Double]) -> Double {
        let n = x.count
        guard n >= 2, hasSpread(x), hasSpread(y) else { return .nan }
        let meanX = PairwiseSummation.sum(x) / Double(n)
        let meanY = PairwiseSummation.sum(y) / Double(n)
        var xx = [Double](repeating: 0, count: n)
        var yy = [Double](repeating: 0, count: n)
        var xy = [Double](repeating: 0, count: n)
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                xx.withUnsafeMutableBufferPointer { xx in
                    yy.withUnsafeMutableBufferPointer { yy in
                        xy.withUnsafeMutableBufferPointer { xy in
                            for i in 0..<n {
                                let dx = x[i] - meanX
                                let dy = y[i] - meanY
                                xx[i] = dx * dx
                                yy[i] = dy * dy
                                xy[i] = dx * dy
                            }
                        }
                    }
                }
            }
        }
        let sxx = PairwiseSummation.sum(xx)
        let syy = PairwiseSummation.sum(yy)
        let sxy = PairwiseSummation.sum(xy)
        // One square root of the product is exact for perfect (anti)correlation; separate
        // roots only when the product would overflow or underflow.
        let product = sxx * syy
        let r = product.isNormal && product.isFinite
            ? sxy / product.squareRoot()
            : sxy / (sxx.squareRoot() * syy.squareRoot())
        return r.isNaN ? r : min(max(r, -1), 1)
    }

    /// True when `x` has at least two distinct non-missing values.
    static func hasSpread(_ x: [Double]) -> Bool {
        guard let first = x.first(where: { !$0.isNaN }) else { return false }
        return x.contains { !$0.isNaN && $0 != first }
    }

    /// The entries of `x` and `y` on rows where neither is NaN (the inputs when none is).
    static func completeRows(_ x: [Double], _ y: [Double]) -> ([Double], [Double]) {
        guard x.contains(where: \.isNaN) || y.contains(where: \.isNaN) else { return (x, y) }
        var cx: [Double] = [], cy: [Double] = []
        cx.reserveCapacity(x.count)
        cy.reserveCapacity(y.count)
        for i in x.indices where !x[i].isNaN && !y[i].isNaN {
            cx.append(x[i])
            cy.append(y[i])
        }
        return (cx, cy)
    }
}
