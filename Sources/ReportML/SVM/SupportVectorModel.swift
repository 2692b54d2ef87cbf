/// A fitted `SupportVectorClassifier`: support vectors, dual coefficients and intercepts of
/// every one-vs-one problem, laid out as libsvm / scikit-learn's `SVC`.
///
/// Predictions are libsvm's one-vs-one votes (ties to the lowest class) or, with
/// `breakTies` and more than two classes, the largest one-vs-rest score. Decision values
/// are kernel expansions over the support vectors, in the precision training used for its
/// kernel rows (`usesSinglePrecision`), computed in blocks (`SupportVectorExpansion`) over
/// fixed chunks of rows on the fit context's threads (the chunks do not depend on the
/// thread count).
public struct SupportVectorModel: ScoringClassifier {
    public let classCount: Int
    public let featureCount: Int
    /// The classes seen in training (with positive weight), ascending: scikit-learn's `classes_`.
    public let classes: [Int]
    /// Training-row indices of the support vectors, grouped by class in class order and
    /// ascending within a class (scikit-learn's `support_`).
    public let supportIndices: [Int]
    /// The support vectors, in `supportIndices` order.
    public let supportVectors: FeatureMatrix
    /// Support vectors per class index `0..<classCount` (0 for absent classes; scikit-learn's
    /// `n_support_` spread over all classes).
    public let supportVectorCounts: [Int]
    /// scikit-learn's `dual_coef_`: (classes − 1) rows of one coefficient yᵢαᵢ per support
    /// vector (libsvm's `sv_coef`; negated for two classes, as scikit-learn).
    public let dualCoefficients: [[Double]]
    /// scikit-learn's `intercept_`, one per pair of classes in libsvm's order (−ρ, or ρ for
    /// two classes).
    public let intercepts: [Double]
    /// SMO iterations per pair (scikit-learn's `n_iter_`).
    public let iterations: [Int]
    /// Whether every pair met the tolerance within the iteration cap.
    public let converged: Bool
    /// The kernel coefficient used (scikit-learn's `_gamma`).
    public let gamma: Double
    /// Platt sigmoid slopes per pair (scikit-learn's `probA_`), when fitted with probabilities.
    public private(set) var probabilityA: [Double]?
    /// Platt sigmoid offsets per pair (scikit-learn's `probB_`).
    public private(set) var probabilityB: [Double]?
    /// Whether `predict` breaks vote ties by decision values.
    public let breakTies: Bool
    /// Whether training computed kernel rows in single precision (some binary problem had
    /// `SupportVectorClassifier.singlePrecisionRows` rows or more, or `precision` was
    /// `.single`); decision values are then computed in single precision too (kernel values
    /// within about 1e-6 relative, summed in double precision per 256 vectors).
    public let usesSinglePrecision: Bool
    /// libsvm's ρ per pair (decision value = expansion − ρ).
    let rho: [Double]
    let expansion: SupportVectorExpansion
    let present: PresentClasses
    /// Worker threads for prediction (the fit context's).
    let threads: Int

    static let chunkSize = 256

    /// This model with other Platt sigmoids per pair (for comparing the probability coupling
    /// with scikit-learn's given its sigmoids).
    func replacingSigmoids(a: [Double], b: [Double]) -> SupportVectorModel {
        var copy = self
        copy.probabilityA = a
        copy.probabilityB = b
        return copy
    }

    /// The total number of support vectors.
    public var supportVectorCount: Int { supportIndices.count }

    init(
        data: TrainingSet, present: PresentClasses, classRows: [[Int]],
        results: [SupportVectorClassifier.PairFit], kernel: KernelFunction, breakTies: Bool,
        singlePrecision: Bool, threads: Int
    ) {
        usesSinglePrecision = singlePrecision
        let k = present.classes.count
        classCount = data.classCount
        featureCount = data.x.columns
        classes = present.classes
        gamma = kernel.gamma
        self.breakTies = breakTies
        self.present = present
        self.threads = threads
        // libsvm's svm_train: a row is a support vector when it has a nonzero coefficient in
        // any of its pairs.
        var nonzero = classRows.map { [Bool](repeating: false, count: $0.count) }
        var pairs: [(Int, Int)] = []
        for a in 0..<k { for b in (a + 1)..<k { pairs.append((a, b)) } }
        for (p, (a, b)) in pairs.enumerated() {
            let coefficients = results[p].solution.coefficients
            let countA = classRows[a].count
            for t in 0..<countA where coefficients[t] != 0 { nonzero[a][t] = true }
            for t in 0..<classRows[b].count where coefficients[countA + t] != 0 { nonzero[b][t] = true }
        }
        var counts = [Int](repeating: 0, count: data.classCount)
        var starts = [Int](repeating: 0, count: k)
        var indices: [Int] = []
        for c in 0..<k {
            starts[c] = indices.count
            for (t, row) in classRows[c].enumerated() where nonzero[c][t] { indices.append(row) }
            counts[present.classes[c]] = indices.count - starts[c]
        }
        var svCoefficients = [[Double]](repeating: [Double](repeating: 0, count: indices.count), count: max(0, k - 1))
        for (p, (a, b)) in pairs.enumerated() {
            let coefficients = results[p].solution.coefficients
            var position = starts[a]
            for t in 0..<classRows[a].count where nonzero[a][t] {
                svCoefficients[b - 1][position] = coefficients[t]
                position += 1
            }
            position = starts[b]
            let countA = classRows[a].count
            for t in 0..<classRows[b].count where nonzero[b][t] {
                svCoefficients[a][position] = coefficients[countA + t]
                position += 1
            }
        }
        supportIndices = indices
        supportVectors = data.x.selecting(rows: indices)
        supportVectorCounts = counts
        rho = results.map(\.solution.rho)
        iterations = results.map(\.solution.iterations)
        converged = results.allSatisfy(\.solution.converged)
        if k == 2 {
            dualCoefficients = svCoefficients.map { $0.map { -$0 } }
            intercepts = rho
        } else {
            dualCoefficients = svCoefficients
            intercepts = rho.map { -$0 }
        }
        let sigmoids = results.compactMap(\.sigmoid)
        probabilityA = sigmoids.count == results.count ? sigmoids.map(\.a) : nil
        probabilityB = sigmoids.count == results.count ? sigmoids.map(\.b) : nil
        expansion = SupportVectorExpansion(
            kernel: kernel, vectors: supportVectors,
            groupCounts: (0..<k).map { counts[present.classes[$0]] }, coefficients: svCoefficients,
            precision: singlePrecision ? .single : .double
        )
    }

    /// libsvm's one-vs-one decision values, row-major `rows × pairs` (pairs (i, j), i < j, over
    /// `classes` in libsvm's order; positive favours the first class). scikit-learn's
    /// `decision_function` with `decision_function_shape="ovo"` for more than two classes.
    public func pairwiseDecisionFunction(_ x: FeatureMatrix) -> [Double] {
        let k = classes.count
        let pairCount = rho.count
        let expansion = self.expansion
        let rho = self.rho
        let perRow = expansion.sumsPerRow
        let chunks = RowChunks.map(count: x.rows, chunkSize: Self.chunkSize, threads: threads) { rows -> [Double] in
            var sums = [Double](repeating: 0, count: rows.count * perRow)
            x.values.withUnsafeBufferPointer { values in
                sums.withUnsafeMutableBufferPointer { out in
                    if let base = out.baseAddress { expansion.sums(values, rows: rows, into: base) }
                }
            }
            var decisions = [Double](repeating: 0, count: rows.count * pairCount)
            for r in 0..<rows.count {
                var p = 0
                for a in 0..<k {
                    for b in (a + 1)..<k {
                        let fromA = sums[(r * (k - 1) + (b - 1)) * k + a]
                        let fromB = sums[(r * (k - 1) + a) * k + b]
                        decisions[r * pairCount + p] = (fromA + fromB) - rho[p]
                        p += 1
                    }
                }
            }
            return decisions
        }
        return chunks.flatMap { $0 }
    }

    /// scikit-learn's `decision_function`: for two classes one column, positive favouring the
    /// second; for more, `rows × classes.count` one-vs-rest scores, votes plus confidences
    /// scaled into (−⅓, ⅓) (`_ovr_decision_function`).
    public func decisionFunction(_ x: FeatureMatrix) -> [Double] {
        let pairwise = pairwiseDecisionFunction(x)
        let k = classes.count
        if k == 2 { return pairwise.map { -$0 } }
        return Self.oneVsRest(pairwise, rows: x.rows, classes: k)
    }

    /// `_ovr_decision_function(dec < 0, -dec, k)` on libsvm's pairwise decision values.
    static func oneVsRest(_ pairwise: [Double], rows: Int, classes k: Int) -> [Double] {
        let pairCount = k * (k - 1) / 2
        var out = [Double](repeating: 0, count: rows * k)
        var votes = [Double](repeating: 0, count: k)
        var confidences = [Double](repeating: 0, count: k)
        for r in 0..<rows {
            for c in 0..<k {
                votes[c] = 0
                confidences[c] = 0
            }
            var p = 0
            for a in 0..<k {
                for b in (a + 1)..<k {
                    let value = pairwise[r * pairCount + p]
                    confidences[a] -= -value
                    confidences[b] += -value
                    if value < 0 { votes[b] += 1 } else { votes[a] += 1 }
                    p += 1
                }
            }
            for c in 0..<k {
                out[r * k + c] = votes[c] + confidences[c] / (3 * (abs(confidences[c]) + 1))
            }
        }
        return out
    }

    /// Scores per class index, row-major `rows × classCount`: the one-vs-rest scores of
    /// `decisionFunction` (for two classes, −d and d for the first and second class); classes
    /// absent from training score −∞.
    public func classScores(_ x: FeatureMatrix) -> [Double] {
        let k = classes.count
        let scores = decisionFunction(x)
        var out = [Double](repeating: -.infinity, count: x.rows * classCount)
        for r in 0..<x.rows {
            if k == 2 {
                out[r * classCount + classes[0]] = -scores[r]
                out[r * classCount + classes[1]] = scores[r]
            } else {
                for (c, full) in classes.enumerated() { out[r * classCount + full] = scores[r * k + c] }
            }
        }
        return out
    }

    /// libsvm's prediction: one vote per pair (positive decision value → first class), the
    /// most votes wins, ties to the lowest class; with `breakTies` and more than two classes
    /// the largest one-vs-rest score (first on ties), as scikit-learn.
    public func predict(_ x: FeatureMatrix) -> [Int] {
        let k = classes.count
        let pairwise = pairwiseDecisionFunction(x)
        if breakTies && k > 2 {
            let scores = Self.oneVsRest(pairwise, rows: x.rows, classes: k)
            return (0..<x.rows).map { r in
                var best = 0
                for c in 1..<k where scores[r * k + c] > scores[r * k + best] { best = c }
                return classes[best]
            }
        }
        let pairCount = k * (k - 1) / 2
        var votes = [Int](repeating: 0, count: k)
        return (0..<x.rows).map { r in
            for c in 0..<k { votes[c] = 0 }
            var p = 0
            for a in 0..<k {
                for b in (a + 1)..<k {
                    if pairwise[r * pairCount + p] > 0 { votes[a] += 1 } else { votes[b] += 1 }
                    p += 1
                }
            }
            var best = 0
            for c in 1..<k where votes[c] > votes[best] { best = c }
            return classes[best]
        }
    }

    /// libsvm's probabilities (Platt sigmoids per pair, clipped to [1e-7, 1 − 1e-7], coupled
    /// by `PlattScaling.coupled`), row-major `rows × classCount` with 0 for absent classes;
    /// nil unless fitted with `probability`.
    public func predictProbabilities(_ x: FeatureMatrix) -> [Double]? {
        guard let probabilityA, let probabilityB else { return nil }
        let k = classes.count
        let pairCount = k * (k - 1) / 2
        let pairwise = pairwiseDecisionFunction(x)
        let minimum = 1e-7
        var out = [Double](repeating: 0, count: x.rows * k)
        var r = [Double](repeating: 0, count: k * k)
        for row in 0..<x.rows {
            var p = 0
            for a in 0..<k {
                for b in (a + 1)..<k {
                    let probability = PlattScaling.sigmoidProbability(
                        pairwise[row * pairCount + p], a: probabilityA[p], b: probabilityB[p]
                    )
                    r[a * k + b] = min(max(probability, minimum), 1 - minimum)
                    r[b * k + a] = 1 - r[a * k + b]
                    p += 1
                }
            }
            let coupled = PlattScaling.coupled(pairwise: r, classes: k)
            for c in 0..<k { out[row * k + c] = coupled[c] }
        }
        return present.expand(out, rows: x.rows)
    }
}

/// Stored without the packed kernel expansion, which decoding rebuilds from the support
/// vectors, their coefficients and the kernel exactly as training built it. Decoding checks
/// that the support vectors, coefficients and pairs fit the classes.
extension SupportVectorModel: Codable {
    private enum CodingKeys: String, CodingKey {
        case classCount, featureCount, classes, supportIndices, supportVectors, supportVectorCounts
        case dualCoefficients, intercepts, iterations, converged, gamma, probabilityA, probabilityB
        case breakTies, usesSinglePrecision, rho, kernel, present, threads
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let classCount = try container.decode(Int.self, forKey: .classCount)
        let featureCount = try container.decode(Int.self, forKey: .featureCount)
        let classes = try container.decode([Int].self, forKey: .classes)
        let supportIndices = try container.decode([Int].self, forKey: .supportIndices)
        let supportVectors = try container.decode(FeatureMatrix.self, forKey: .supportVectors)
        let supportVectorCounts = try container.decode([Int].self, forKey: .supportVectorCounts)
        let dualCoefficients = try container.decode([[Double]].self, forKey: .dualCoefficients)
        let intercepts = try container.decode([Double].self, forKey: .intercepts)
        let iterations = try container.decode([Int].self, forKey: .iterations)
        let converged = try container.decode(Bool.self, forKey: .converged)
        let gamma = try container.decode(Double.self, forKey: .gamma)
        let probabilityA = try container.decodeIfPresent([Double].self, forKey: .probabilityA)
        let probabilityB = try container.decodeIfPresent([Double].self, forKey: .probabilityB)
        let breakTies = try container.decode(Bool.self, forKey: .breakTies)
        let usesSinglePrecision = try container.decode(Bool.self, forKey: .usesSinglePrecision)
        let rho = try container.decode([Double].self, forKey: .rho)
        let kernel = try container.decode(KernelFunction.self, forKey: .kernel)
        let present = try container.decode(PresentClasses.self, forKey: .present)
        let threads = try container.decode(Int.self, forKey: .threads)

        let k = classes.count
        let pairs = k * (k - 1) / 2
        let vectors = supportVectors.rows
        try ArchiveCheck.require(present.classCount == classCount && present.classes == classes && k >= 2,
                                 "support vector classes \(classes) do not match the \(classCount) classes")
        try ArchiveCheck.require(
            supportVectors.columns == featureCount && supportIndices.count == vectors
                && supportVectorCounts.count == classCount && supportVectorCounts.allSatisfy({ $0 >= 0 })
                && classes.reduce(0, { $0 + supportVectorCounts[$1] }) == vectors,
            "\(vectors) support vectors of \(supportVectors.columns) features do not fit their counts and indices")
        try ArchiveCheck.require(
            dualCoefficients.count == k - 1 && dualCoefficients.allSatisfy({ $0.count == vectors })
                && rho.count == pairs && intercepts.count == pairs && iterations.count == pairs
                && (probabilityA == nil) == (probabilityB == nil)
                && (probabilityA?.count ?? pairs) == pairs && (probabilityB?.count ?? pairs) == pairs
                && kernel.degree >= 0,
            "the coefficients, intercepts or sigmoids of a support vector model do not fit its \(pairs) class pairs")

        self.classCount = classCount
        self.featureCount = featureCount
        self.classes = classes
        self.supportIndices = supportIndices
        self.supportVectors = supportVectors
        self.supportVectorCounts = supportVectorCounts
        self.dualCoefficients = dualCoefficients
        self.intercepts = intercepts
        self.iterations = iterations
        self.converged = converged
        self.gamma = gamma
        self.probabilityA = probabilityA
        self.probabilityB = probabilityB
        self.breakTies = breakTies
        self.usesSinglePrecision = usesSinglePrecision
        self.rho = rho
        self.present = present
        self.threads = threads
        // `dualCoefficients` are libsvm's coefficients, negated for two classes (exactly undone).
        expansion = SupportVectorExpansion(
            kernel: kernel, vectors: supportVectors, groupCounts: classes.map { supportVectorCounts[$0] },
            coefficients: k == 2 ? dualCoefficients.map { $0.map { -$0 } } : dualCoefficients,
            precision: usesSinglePrecision ? .single : .double)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(classCount, forKey: .classCount)
        try container.encode(featureCount, forKey: .featureCount)
        try container.encode(classes, forKey: .classes)
        try container.encode(supportIndices, forKey: .supportIndices)
        try container.encode(supportVectors, forKey: .supportVectors)
        try container.encode(supportVectorCounts, forKey: .supportVectorCounts)
        try container.encode(dualCoefficients, forKey: .dualCoefficients)
        try container.encode(intercepts, forKey: .intercepts)
        try container.encode(iterations, forKey: .iterations)
        try container.encode(converged, forKey: .converged)
        try container.encode(gamma, forKey: .gamma)
        try container.encodeIfPresent(probabilityA, forKey: .probabilityA)
        try container.encodeIfPresent(probabilityB, forKey: .probabilityB)
        try container.encode(breakTies, forKey: .breakTies)
        try container.encode(usesSinglePrecision, forKey: .usesSinglePrecision)
        try container.encode(rho, forKey: .rho)
        try container.encode(expansion.kernel, forKey: .kernel)
        try container.encode(present, forKey: .present)
        try container.encode(threads, forKey: .threads)
    }
}
