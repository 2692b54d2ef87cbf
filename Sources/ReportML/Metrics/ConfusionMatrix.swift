/// Counts of (true class, predicted class) pairs, as `confusion_matrix(y_true, y_pred,
/// labels=range(classCount))`: row = true class, column = predicted class.
public struct ConfusionMatrix: Sendable, Equatable {
    public let classCount: Int
    /// Row-major `classCount × classCount` counts.
    public let counts: [Int]

    public init(yTrue: [Int], yPred: [Int], classCount: Int) {
        precondition(yTrue.count == yPred.count, "ConfusionMatrix: \(yTrue.count) true labels, \(yPred.count) predictions")
        var counts = [Int](repeating: 0, count: classCount * classCount)
        for i in yTrue.indices {
            counts[yTrue[i] * classCount + yPred[i]] += 1
        }
        self.classCount = classCount
        self.counts = counts
    }

    /// The count of rows of true class `trueClass` predicted as `predicted`.
    public subscript(trueClass: Int, predicted: Int) -> Int {
        counts[trueClass * classCount + predicted]
    }

    /// Each row divided by its total (`normalize='true'`); rows with no rows are 0.
    public var rowNormalized: [Double] {
        var out = [Double](repeating: 0, count: counts.count)
        for row in 0..<classCount {
            let total = (0..<classCount).reduce(0) { $0 + counts[row * classCount + $1] }
            guard total > 0 else { continue }
            for column in 0..<classCount {
                out[row * classCount + column] = Double(counts[row * classCount + column]) / Double(total)
            }
        }
        return out
    }
}
