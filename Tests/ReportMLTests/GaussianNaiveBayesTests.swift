import Testing
import ReportML

/// `GaussianNaiveBayes` against scikit-learn's `GaussianNB` on a small fixture.
@Suite("Gaussian naive Bayes matches scikit-learn")
struct GaussianNaiveBayesTests {
    let fixture: ReferenceJSON
    let data: TrainingSet
    let query: FeatureMatrix

    init() throws {
        fixture = try ReferenceJSON.load("models_small.json")
        let m = fixture["multiclass"]
        data = TrainingSet(x: m["x"].matrix, y: m["y"].ints, classCount: 3)
        query = m["query"].matrix
    }

    @Test func parametersAndProbabilities() throws {
        let model = try GaussianNaiveBayes().fit(data, context: FitContext(seed: 1))
        let expected = fixture["gaussian_nb"]
        #expect(maxDifference(model.means, expected["theta"].flat) <= 1e-12)
        #expect(maxDifference(model.variances, expected["var"].flat) <= 1e-12)
        #expect(abs(model.epsilon - expected["epsilon"].double) <= 1e-20)
        #expect(maxDifference(model.priors, expected["prior"].doubles) <= 1e-15)
        let probabilities = try #require(model.predictProbabilities(query))
        #expect(maxDifference(probabilities, expected["proba"].flat) <= 1e-12)
        #expect(model.predict(query) == expected["predict"].ints)
    }

    @Test func givenPriorsAndSmoothing() throws {
        let model = try GaussianNaiveBayes(varSmoothing: 1e-3, priors: [0.5, 0.3, 0.2]).fit(data, context: FitContext(seed: 1))
        let expected = fixture["gaussian_nb_priors"]
        #expect(maxDifference(model.variances, expected["var"].flat) <= 1e-12)
        let probabilities = try #require(model.predictProbabilities(query))
        #expect(maxDifference(probabilities, expected["proba"].flat) <= 1e-12)
        #expect(model.predict(query) == expected["predict"].ints)
    }

    @Test func invalidHyperparametersNameTheOption() {
        let cases: [(GaussianNaiveBayes, String)] = [
            (GaussianNaiveBayes(varSmoothing: -1), "var-smoothing must be a non-negative number, found -1"),
            (GaussianNaiveBayes(priors: [0.5, 0.5]), "priors must give one probability per class (3), found 2"),
            (GaussianNaiveBayes(priors: [0.5, 0.3, 0.3]), "priors must sum to 1, found 1.1"),
            (GaussianNaiveBayes(priors: [1.2, -0.1, -0.1]), "priors must be non-negative"),
        ]
        for (model, message) in cases {
            #expect(throws: MLError(message)) { try model.fit(data, context: FitContext(seed: 1)) }
        }
    }
}
