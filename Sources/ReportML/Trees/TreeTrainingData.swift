/// A training set laid out for tree growing: single-precision columns (scikit-learn grows
/// trees on `float32` features too), class codes and the per-row weights from sample and
/// class weights. Built once per fit and shared, read-only, by every tree of a forest.
final class TreeTrainingData: Sendable {
    let rowCount: Int
    let featureCount: Int
    let classCount: Int
    /// Column-major features: `columns[feature * rowCount + row]`.
    let columns: SharedTreeBuffer<Float>
    let labels: SharedTreeBuffer<Int32>
    /// Sample weight times class weight of every row (all 1 when neither is given).
    let weights: [Double]

    /// Validates `data` and converts it; throws `MLError` for bad data or class weights.
    init(_ data: TrainingSet, classWeight: ClassWeight) throws {
        try data.validate()
        if case .explicit(let perClass) = classWeight {
            guard perClass.count == data.classCount else {
                throw MLError("class-weight has \(perClass.count) weights for \(data.classCount) classes")
            }
            guard perClass.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw MLError("class-weight values must be finite and non-negative")
            }
        }
        let rows = data.x.rows
        let features = data.x.columns
        var columns = [Float](repeating: 0, count: rows * features)
        for row in 0..<rows {
            for feature in 0..<features {
                let value = Float(data.x.values[row * features + feature])
                guard value.isFinite else {
                    throw MLError("feature \(feature + 1) of training row \(row + 1) is too large for single precision (\(data.x.values[row * features + feature]))")
                }
                columns[feature * rows + row] = value
            }
        }
        let weights = classWeight.rowWeights(y: data.y, classCount: data.classCount, sampleWeight: data.sampleWeight)
            ?? [Double](repeating: 1, count: rows)
        guard weights.contains(where: { $0 > 0 }) else {
            throw MLError("every training row has weight 0")
        }
        self.rowCount = rows
        self.featureCount = features
        self.classCount = data.classCount
        self.columns = SharedTreeBuffer(columns)
        self.labels = SharedTreeBuffer(data.y.map { Int32($0) })
        self.weights = weights
    }
}
