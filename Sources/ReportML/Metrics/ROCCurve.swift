/// A receiver operating characteristic curve, as `sklearn.metrics.roc_curve` with
/// `drop_intermediate=True`.
///
/// Scores are sorted descending and tied scores form one threshold; interior points that
/// are collinear with their neighbours (no change in the slope of false or true positive
/// counts) are dropped; the curve starts at (0, 0) with threshold +∞.
public struct ROCCurve: Sendable, Equatable {
    /// False positive rate at each threshold (NaN when there are no negatives).
    public let falsePositiveRate: [Double]
    /// True positive rate at each threshold (NaN when there are no positives).
    public let truePositiveRate: [Double]
    /// Decreasing thresholds: a row is called positive when its score ≥ the threshold.
    public let thresholds: [Double]

    /// The curve of `scores` for rows where `positive` marks the positive class.
    public init(positive: [Bool], scores: [Double]) {
        precondition(positive.count == scores.count, "ROCCurve: \(positive.count) labels, \(scores.count) scores")
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var fps = [Double]()
        var tps = [Double]()
        var thresholds = [Double]()
        var truePositives = 0.0
        for (rank, row) in order.enumerated() {
            if positive[row] { truePositives += 1 }
            let isLast = rank == order.count - 1
            if isLast || scores[order[rank + 1]] != scores[row] {
                tps.append(truePositives)
                fps.append(Double(rank + 1) - truePositives)
                thresholds.append(scores[row])
            }
        }
        if fps.count > 2 {
            var keep = [0]
            for i in 1..<(fps.count - 1) {
                let secondFps = fps[i + 1] - 2 * fps[i] + fps[i - 1]
                let secondTps = tps[i + 1] - 2 * tps[i] + tps[i - 1]
                if secondFps != 0 || secondTps != 0 { keep.append(i) }
            }
            keep.append(fps.count - 1)
            fps = keep.map { fps[$0] }
            tps = keep.map { tps[$0] }
            thresholds = keep.map { thresholds[$0] }
        }
        fps.insert(0, at: 0)
        tps.insert(0, at: 0)
        thresholds.insert(.infinity, at: 0)
        let negatives = fps.last ?? 0
        let positives = tps.last ?? 0
        falsePositiveRate = fps.map { negatives > 0 ? $0 / negatives : .nan }
        truePositiveRate = tps.map { positives > 0 ? $0 / positives : .nan }
        self.thresholds = thresholds
    }

    /// The area under the curve by the trapezoidal rule (`auc(fpr, tpr)`); NaN when the
    /// rows are all positive or all negative.
    public var area: Double {
        var sum = 0.0
        for i in 1..<falsePositiveRate.count {
            let width = falsePositiveRate[i] - falsePositiveRate[i - 1]
            sum += width * (truePositiveRate[i] + truePositiveRate[i - 1]) / 2
        }
        return sum
    }

    /// One curve per class, that class against the rest, from row-major
    /// `rows × classCount` probabilities; nil for a class absent from `yTrue` or present in
    /// every row.
    public static func oneVsRest(yTrue: [Int], probabilities: [Double], classCount: Int) -> [ROCCurve?] {
        precondition(probabilities.count == yTrue.count * classCount, "ROCCurve: probabilities must be rows × classCount")
        return (0..<classCount).map { k in
            let positive = yTrue.map { $0 == k }
            guard positive.contains(true), positive.contains(false) else { return nil }
            let scores = (0..<yTrue.count).map { probabilities[$0 * classCount + k] }
            return ROCCurve(positive: positive, scores: scores)
        }
    }
}
