/// Per-class weights as scikit-learn's `class_weight`.
public enum ClassWeight: Sendable, Equatable {
    case none
    /// `n_samples / (n_classes * count(class))`.
    case balanced
    /// An explicit weight per class index.
    case explicit([Double])

    /// The weight of every row (multiplied into any sample weights).
    public func rowWeights(y: [Int], classCount: Int, sampleWeight: [Double]?) -> [Double]? {
        let perClass: [Double]
        switch self {
        case .none:
            return sampleWeight
        case .balanced:
            var counts = [Double](repeating: 0, count: classCount)
            for label in y { counts[label] += 1 }
            let present = Double(counts.filter { $0 > 0 }.count)
            perClass = counts.map { $0 > 0 ? Double(y.count) / (present * $0) : 0 }
        case .explicit(let weights):
            perClass = weights
        }
        return y.enumerated().map { row, label in perClass[label] * (sampleWeight?[row] ?? 1) }
    }
}
