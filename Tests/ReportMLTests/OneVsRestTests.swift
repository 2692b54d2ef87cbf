import Testing
import ReportML

/// `OneVsRest` against scikit-learn's `OneVsRestClassifier(LogisticRegression())`.
@Suite("One-vs-rest matches scikit-learn")
struct OneVsRestTests {
    let fixture: ReferenceJSON
    let data: TrainingSet
    let query: FeatureMatrix

    init() throws {
        fixture = try ReferenceJSON.load("models_small.json")
        let m = fixture["multiclass"]
        data = TrainingSet(x: m["x"].matrix, y: m["y"].ints, classCount: 3)
        query = m["query"].matrix
    }

    @Test func logisticBase() throws {
        let model = try OneVsRest(LogisticRegression(maxIter: 10_000, tol: 1e-10)).fit(data, context: FitContext(seed: 1))
        let expected = fixture["one_vs_rest_logistic"]
        #expect(model.targets == [0, 1, 2])
        #expect(maxDifference(model.models.flatMap { $0.coefficients.flatMap { $0 } }, expected["coef"].flat) <= 1e-6)
        #expect(maxDifference(model.models.flatMap(\.intercepts), expected["intercept"].doubles) <= 1e-6)
        let probabilities = try #require(model.predictProbabilities(query))
        #expect(maxDifference(probabilities, expected["proba"].flat) <= 1e-7)
        #expect(model.predict(query) == expected["predict"].ints)
    }

    @Test func twoClassesFitOneModel() throws {
        let b = fixture["binary"]
        let binary = TrainingSet(x: b["x"].matrix, y: b["y"].ints, classCount: 2)
        let direct = try LogisticRegression().fit(binary, context: FitContext(seed: 1))
        let wrapped = try OneVsRest(LogisticRegression()).fit(binary, context: FitContext(seed: 1))
        #expect(wrapped.models.count == 1)
        let q = query.selectingColumns(0..<3)
        #expect(wrapped.predictProbabilities(q) == direct.predictProbabilities(q))
        #expect(wrapped.predict(q) == direct.predict(q))
    }

    @Test func invalidBaseHyperparametersSurface() {
        #expect(throws: MLError("k must be at least 1, found 0")) {
            try OneVsRest(KNearestNeighbors(k: 0)).fit(data, context: FitContext(seed: 1))
        }
    }
}
