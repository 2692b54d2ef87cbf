extension ClassWeight {
    /// The per-row weights (`rowWeights`) after checking an explicit weight list, throwing
    /// `MLError` naming the `class-weight` option when it is malformed.
    ///
    /// `.balanced` uses unweighted class counts; scikit-learn ≥ 1.6 counts sample weights
    /// there, so the two agree whenever no sample weights are given.
    func validatedRowWeights(y: [Int], classCount: Int, sampleWeight: [Double]?) throws -> [Double]? {
        if case .explicit(let weights) = self {
            guard weights.count == classCount else {
                throw MLError("class-weight must give one weight per class (\(classCount)), found \(weights.count)")
            }
            guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw MLError("class-weight weights must be finite and non-negative")
            }
        }
        return rowWeights(y: y, classCount: classCount, sampleWeight: sampleWeight)
    }
}
