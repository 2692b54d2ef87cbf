import Testing
import ReportML
import ReportData

/// `LogisticRegression` against scikit-learn's fitted coefficients (fixtures from
/// `Tests/reference/ml_reference.py`, solved to tol 1e-10 on both sides).
@Suite("Logistic regression matches scikit-learn")
struct LogisticRegressionTests {
    let fixture: ReferenceJSON
    let multiclass: TrainingSet
    let binary: TrainingSet
    let query: FeatureMatrix

    init() throws {
        fixture = try ReferenceJSON.load("models_small.json")
        let m = fixture["multiclass"]
        multiclass = TrainingSet(x: m["x"].matrix, y: m["y"].ints, classCount: 3)
        let b = fixture["binary"]
        binary = TrainingSet(x: b["x"].matrix, y: b["y"].ints, classCount: 2)
        query = m["query"].matrix
    }

    private func compare(
        _ key: String, _ model: LogisticRegression, _ data: TrainingSet, query: FeatureMatrix,
        coefficientTolerance: Double = 1e-6, probabilityTolerance: Double = 1e-7
    ) throws {
        let fitted = try model.fit(data, context: FitContext(seed: 1))
        let expected = fixture[key]
        #expect(fitted.converged, "\(key): did not converge in \(fitted.iterations) iterations")
        let coefficients = fitted.coefficients.flatMap { $0 }
        let coefficientError = maxDifference(coefficients, expected["coef"].flat)
        #expect(coefficientError <= coefficientTolerance, "\(key): coefficients differ by \(coefficientError)")
        let interceptError = maxDifference(fitted.intercepts, expected["intercept"].doubles)
        #expect(interceptError <= coefficientTolerance, "\(key): intercepts differ by \(interceptError): \(fitted.intercepts) vs \(expected["intercept"].doubles), coef \(coefficients)")
        let probabilities = try #require(fitted.predictProbabilities(query))
        let probabilityError = maxDifference(probabilities, expected["proba"].flat)
        #expect(probabilityError <= probabilityTolerance, "\(key): probabilities differ by \(probabilityError)")
        #expect(fitted.predict(query) == expected["predict"].ints, "\(key): predictions differ")
    }

    @Test func multinomialL2() throws {
        try compare("logistic_l2", LogisticRegression(maxIter: 10_000, tol: 1e-10), multiclass, query: query)
    }

    @Test func multinomialStrongPenalty() throws {
        try compare("logistic_l2_c0.05", LogisticRegression(c: 0.05, maxIter: 10_000, tol: 1e-10), multiclass, query: query)
    }

    @Test func multinomialWithoutPenalty() throws {
        try compare("logistic_none", LogisticRegression(penalty: .none, maxIter: 10_000, tol: 1e-10), multiclass, query: query,
                    coefficientTolerance: 1e-5, probabilityTolerance: 1e-6)
    }

    @Test func infiniteCMeansNoPenalty() throws {
        try compare("logistic_none", LogisticRegression(c: .infinity, maxIter: 10_000, tol: 1e-10), multiclass, query: query,
                    coefficientTolerance: 1e-5, probabilityTolerance: 1e-6)
    }

    @Test func binomialHasOneCoefficientRow() throws {
        let binaryQuery = query.selectingColumns(0..<3)
        try compare("logistic_binary", LogisticRegression(maxIter: 10_000, tol: 1e-10), binary, query: binaryQuery)
        let fitted = try LogisticRegression().fit(binary, context: FitContext(seed: 1))
        #expect(fitted.coefficients.count == 1)
        #expect(fitted.coefficientClasses == [1])
    }

    @Test func balancedClassWeights() throws {
        let rows = fixture["imbalanced_rows"].ints
        let data = TrainingSet(x: multiclass.x.selecting(rows: rows), y: rows.map { multiclass.y[$0] }, classCount: 3)
        try compare("logistic_balanced", LogisticRegression(maxIter: 10_000, tol: 1e-10, classWeight: .balanced), data, query: query)
    }

    @Test func withoutIntercept() throws {
        try compare("logistic_no_intercept", LogisticRegression(maxIter: 10_000, tol: 1e-10, fitIntercept: false), multiclass, query: query)
    }

    /// scikit-learn solves elastic-net with SAGA (tol 1e-12 in the fixture), here OWL-QN.
    @Test func elasticNet() throws {
        try compare("logistic_elasticnet", LogisticRegression(c: 0.1, penalty: .elasticNet(l1Ratio: 0.5), maxIter: 10_000, tol: 1e-10),
                    multiclass, query: query, coefficientTolerance: 1e-5, probabilityTolerance: 1e-5)
    }

    /// With the defaults (tol 1e-4) the solver stops early, at the same iterate as
    /// scikit-learn's L-BFGS-B (same line search, same stopping rules).
    @Test func defaultsStopWhereScikitLearnStops() throws {
        try compare("logistic_default", LogisticRegression(), multiclass, query: query,
                    coefficientTolerance: 1e-9, probabilityTolerance: 1e-9)
        let fitted = try LogisticRegression().fit(multiclass, context: FitContext(seed: 1))
        #expect(fitted.iterations == fixture["logistic_default"]["n_iter"][0].int)
    }

    @Test func invalidHyperparametersNameTheOption() {
        let cases: [(LogisticRegression, String)] = [
            (LogisticRegression(c: 0), "C must be positive, found 0"),
            (LogisticRegression(c: -1), "C must be positive, found -1"),
            (LogisticRegression(penalty: .elasticNet(l1Ratio: 1.5)), "l1-ratio must be between 0 and 1, found 1.5"),
            (LogisticRegression(maxIter: 0), "max-iter must be at least 1, found 0"),
            (LogisticRegression(tol: -1), "tol must be a non-negative number, found -1"),
            (LogisticRegression(classWeight: .explicit([1, 2])), "class-weight must give one weight per class (3), found 2"),
        ]
        for (model, message) in cases {
            #expect(throws: MLError(message)) { try model.fit(multiclass, context: FitContext(seed: 1)) }
        }
    }

    /// A class missing from the training rows gets probability 0 and no coefficient row.
    @Test func absentClassHasProbabilityZero() throws {
        let data = TrainingSet(x: multiclass.x, y: multiclass.y.map { $0 == 2 ? 3 : $0 }, classCount: 4)
        let fitted = try LogisticRegression().fit(data, context: FitContext(seed: 1))
        #expect(fitted.coefficientClasses == [0, 1, 3])
        let probabilities = try #require(fitted.predictProbabilities(query))
        for row in 0..<query.rows { #expect(probabilities[row * 4 + 2] == 0) }
    }
}

extension FeatureMatrix {
    /// The columns `range`, in order.
    func selectingColumns(_ range: Range<Int>) -> FeatureMatrix {
        var values = [Double]()
        for row in 0..<rows { values.append(contentsOf: range.map { self[row, $0] }) }
        return FeatureMatrix(rows: rows, columns: range.count, values: values)
    }
}
