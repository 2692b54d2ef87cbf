import Testing
import ReportML

/// `KNearestNeighbors` against scikit-learn's `KNeighborsClassifier` on a small fixture.
@Suite("k-nearest neighbours match scikit-learn")
struct KNearestNeighborsTests {
    let fixture: ReferenceJSON
    let data: TrainingSet
    let query: FeatureMatrix

    init() throws {
        fixture = try ReferenceJSON.load("models_small.json")
        let m = fixture["multiclass"]
        data = TrainingSet(x: m["x"].matrix.selectingColumns(0..<3), y: m["y"].ints, classCount: 3)
        query = m["query"].matrix.selectingColumns(0..<3)
    }

    @Test(arguments: [
        ("uniform", KNearestNeighbors()),
        ("distance", KNearestNeighbors(weights: .distance)),
        ("manhattan", KNearestNeighbors(metric: .manhattan)),
        ("cosine", KNearestNeighbors(metric: .cosine)),
        ("k1", KNearestNeighbors(k: 1)),
        ("k7_distance", KNearestNeighbors(k: 7, weights: .distance)),
    ])
    func probabilitiesAndPredictions(key: String, model: KNearestNeighbors) throws {
        let fitted = try model.fit(data, context: FitContext(seed: 1))
        let expected = fixture["knn"][key]
        let probabilities = try #require(fitted.predictProbabilities(query))
        #expect(maxDifference(probabilities, expected["proba"].flat) <= 1e-12, "\(key)")
        #expect(fitted.predict(query) == expected["predict"].ints, "\(key)")
    }

    /// Queries equal to training rows: only the zero-distance neighbours vote.
    @Test func zeroDistancesWithDistanceWeights() throws {
        let fitted = try KNearestNeighbors(weights: .distance).fit(data, context: FitContext(seed: 1))
        let rows = data.x.selecting(rows: Array(0..<25))
        let expected = fixture["knn"]["distance_exact"]
        let probabilities = try #require(fitted.predictProbabilities(rows))
        #expect(maxDifference(probabilities, expected["proba"].flat) <= 1e-12)
        #expect(fitted.predict(rows) == expected["predict"].ints)
    }

    /// On a grid with about eight copies of every row, the k-d tree keeps exactly the rows
    /// scikit-learn's tree keeps among equally distant ones.
    @Test(arguments: [("euclidean", KNearestNeighbors.Metric.euclidean), ("manhattan", .manhattan)])
    func tiedNeighboursMatchScikitLearn(name: String, metric: KNearestNeighbors.Metric) throws {
        let ties = fixture["knn"]["ties"]
        let grid = TrainingSet(x: ties["x"].matrix, y: ties["y"].ints, classCount: 3)
        let queries = ties["query"].matrix
        for k in [1, 5, 12] {
            let expected = ties["\(name)_\(k)"]
            let model = try KNearestNeighbors(k: k, metric: metric).fit(grid, context: FitContext(seed: 1))
            #expect(model.usesTree)
            let (indices, _) = model.neighbors(queries)
            let reference = expected["neighbors"].array
            var differing: [Int] = []
            for row in 0..<queries.rows {
                let found = Set(indices[(row * k)..<((row + 1) * k)])
                if found != Set(reference[row].ints) { differing.append(row) }
            }
            #expect(differing.isEmpty, "\(name), k = \(k): neighbour sets differ on query rows \(differing)")
            let probabilities = try #require(model.predictProbabilities(queries))
            #expect(maxDifference(probabilities, expected["proba"].flat) <= 1e-12, "\(name), k = \(k)")
            #expect(model.predict(queries) == expected["predict"].ints, "\(name), k = \(k)")
        }
    }

    /// Brute force (cosine, or k at least half the rows) keeps the earliest of tied rows.
    @Test func bruteForceKeepsEarliestTiedRows() throws {
        let x = FeatureMatrix(rows: 6, columns: 1, values: [1, 1, 1, 1, 1, 5])
        let data = TrainingSet(x: x, y: [0, 1, 2, 0, 1, 2], classCount: 3)
        let model = try KNearestNeighbors(k: 3).fit(data, context: FitContext(seed: 1))
        #expect(!model.usesTree)
        let (indices, distances) = model.neighbors(FeatureMatrix(rows: 1, columns: 1, values: [0]))
        #expect(indices == [0, 1, 2])
        #expect(distances == [1, 1, 1])
    }

    @Test func invalidHyperparametersNameTheOption() {
        #expect(throws: MLError("k must be at least 1, found 0")) {
            try KNearestNeighbors(k: 0).fit(data, context: FitContext(seed: 1))
        }
        #expect(throws: MLError("k must be at most the number of training rows (300), found 301")) {
            try KNearestNeighbors(k: 301).fit(data, context: FitContext(seed: 1))
        }
    }
}
