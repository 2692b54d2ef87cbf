import Testing
import ReportData
import ReportML

/// The expectations every classifier meets, for logistic regression, naive Bayes, k-NN and
/// one-vs-rest (the tree models have theirs in `TreesConformanceTests`).
@Suite("Classifier conformance: linear, Bayes, neighbours, one-vs-rest")
struct ClassifierConformanceTests {
    /// The models under test, with the options a report would most often use.
    enum Subject: String, CaseIterable, Sendable {
        case logistic
        case logisticUnpenalised
        case logisticElasticNet
        case logisticBalanced
        case gaussianNB
        case knn
        case knnDistance
        case knnManhattan
        case knnCosine
        case oneVsRestLogistic
        case oneVsRestNaiveBayes

        func fit(_ data: TrainingSet, seed: UInt64 = 1, threads: Int = 2) throws -> any FittedClassifier {
            let context = FitContext(seed: seed, threads: threads)
            switch self {
            case .logistic: return try LogisticRegression().fit(data, context: context)
            case .logisticUnpenalised: return try LogisticRegression(penalty: .none, maxIter: 300).fit(data, context: context)
            case .logisticElasticNet: return try LogisticRegression(penalty: .elasticNet(l1Ratio: 0.5)).fit(data, context: context)
            case .logisticBalanced: return try LogisticRegression(classWeight: .balanced).fit(data, context: context)
            case .gaussianNB: return try GaussianNaiveBayes().fit(data, context: context)
            case .knn: return try KNearestNeighbors().fit(data, context: context)
            case .knnDistance: return try KNearestNeighbors(weights: .distance).fit(data, context: context)
            case .knnManhattan: return try KNearestNeighbors(metric: .manhattan).fit(data, context: context)
            case .knnCosine: return try KNearestNeighbors(metric: .cosine).fit(data, context: context)
            case .oneVsRestLogistic: return try OneVsRest(LogisticRegression()).fit(data, context: context)
            case .oneVsRestNaiveBayes: return try OneVsRest(GaussianNaiveBayes()).fit(data, context: context)
            }
        }
    }

    /// Three well-separated Gaussian blobs in three features, `perClass` rows each (cosine
    /// separates them too: the centres point in different directions).
    static func separable(perClass: Int = 30, seed: UInt64 = 7) -> TrainingSet {
        var generator = Xoshiro256StarStar(seed: seed)
        let centres: [[Double]] = [[10, 0, 0], [0, 10, 0], [0, 0, 10]]
        var values: [Double] = []
        var y: [Int] = []
        for row in 0..<(3 * perClass) {
            let label = row % 3
            y.append(label)
            for j in 0..<3 { values.append(centres[label][j] + generator.nextGaussian()) }
        }
        return TrainingSet(x: FeatureMatrix(rows: y.count, columns: 3, values: values), y: y, classCount: 3)
    }

    /// Overlapping classes (so probabilities are far from 0 and 1).
    static func overlapping(rows: Int = 400, seed: UInt64 = 11) -> TrainingSet {
        var generator = Xoshiro256StarStar(seed: seed)
        var values: [Double] = []
        var y: [Int] = []
        for row in 0..<rows {
            let label = row % 4
            y.append(label)
            for j in 0..<3 { values.append(Double(label == j ? 1 : 0) + 1.5 * generator.nextGaussian()) }
        }
        return TrainingSet(x: FeatureMatrix(rows: rows, columns: 3, values: values), y: y, classCount: 4)
    }

    @Test(arguments: Subject.allCases)
    func predictsEveryClassOnSeparableData(subject: Subject) throws {
        let data = Self.separable()
        let model = try subject.fit(data)
        #expect(model.classCount == 3)
        #expect(model.featureCount == 3)
        let predicted = model.predict(data.x)
        #expect(predicted == data.y)
        #expect(Set(predicted) == [0, 1, 2])
    }

    @Test(arguments: Subject.allCases)
    func probabilitiesSumToOne(subject: Subject) throws {
        let data = Self.overlapping()
        let model = try subject.fit(data)
        let probabilities = try #require(model.predictProbabilities(data.x))
        #expect(probabilities.count == data.x.rows * data.classCount)
        var worst = 0.0
        for row in 0..<data.x.rows {
            let slice = probabilities[(row * data.classCount)..<((row + 1) * data.classCount)]
            worst = max(worst, abs(slice.reduce(0, +) - 1))
            #expect(slice.allSatisfy { $0 >= 0 && $0 <= 1 })
        }
        #expect(worst < 1e-12)
        // Predictions are the most probable class (up to ties).
        let predicted = model.predict(data.x)
        for row in 0..<data.x.rows {
            let slice = Array(probabilities[(row * data.classCount)..<((row + 1) * data.classCount)])
            #expect(slice[predicted[row]] >= (slice.max() ?? 0) - 1e-12)
        }
    }

    @Test(arguments: Subject.allCases)
    func sameSeedGivesIdenticalModels(subject: Subject) throws {
        let data = Self.overlapping()
        let first = try subject.fit(data, seed: 3)
        let second = try subject.fit(data, seed: 3)
        #expect(first.predictProbabilities(data.x) == second.predictProbabilities(data.x))
        #expect(first.predict(data.x) == second.predict(data.x))
    }

    @Test(arguments: Subject.allCases)
    func threadCountDoesNotChangeTheModel(subject: Subject) throws {
        // Enough rows for several chunks of work (4,096 rows for the logistic loss, 256
        // queries for k-NN, 4,096 rows for naive Bayes).
        let data = Self.overlapping(rows: 9_000)
        let query = data.x.selecting(rows: Array(0..<1_000))
        let one = try subject.fit(data, threads: 1).predictProbabilities(query)
        let three = try subject.fit(data, threads: 3).predictProbabilities(query)
        #expect(one == three)
    }

    @Test(arguments: Subject.allCases)
    func handlesAClassWithOneRow(subject: Subject) throws {
        let base = Self.separable(perClass: 20)
        let data = TrainingSet(
            x: FeatureMatrix(rows: base.x.rows + 1, columns: 3, values: base.x.values + [10, 10, 10]),
            y: base.y + [3], classCount: 4
        )
        let model = try subject.fit(data)
        let probabilities = try #require(model.predictProbabilities(data.x))
        #expect(probabilities.count == data.x.rows * 4)
        for row in 0..<data.x.rows {
            #expect(abs(probabilities[(row * 4)..<((row + 1) * 4)].reduce(0, +) - 1) < 1e-12)
        }
        #expect(Set(model.predict(base.x)) == [0, 1, 2])
    }

    @Test(arguments: Subject.allCases)
    func rejectsNaN(subject: Subject) throws {
        let data = Self.separable()
        var values = data.x.values
        values[7] = .nan
        let broken = TrainingSet(x: FeatureMatrix(rows: data.x.rows, columns: 3, values: values), y: data.y, classCount: 3)
        let error = #expect(throws: MLError.self) { try subject.fit(broken) }
        #expect(error?.message.contains("NaN") == true)
        #expect(error?.message.contains("row 3") == true)
    }

    @Test(arguments: Subject.allCases)
    func rejectsASingleClass(subject: Subject) throws {
        let data = Self.separable()
        let single = TrainingSet(x: data.x, y: [Int](repeating: 1, count: data.y.count), classCount: 3)
        let error = #expect(throws: MLError.self) { try subject.fit(single) }
        #expect(error?.message.contains("single class") == true)
    }

    /// Classes absent from the training rows get probability 0 and are never predicted.
    @Test(arguments: Subject.allCases)
    func absentClassesHaveProbabilityZero(subject: Subject) throws {
        let base = Self.separable()
        let data = TrainingSet(x: base.x, y: base.y.map { $0 * 2 }, classCount: 5)
        let model = try subject.fit(data)
        let probabilities = try #require(model.predictProbabilities(data.x))
        for row in 0..<data.x.rows {
            #expect(probabilities[row * 5 + 1] == 0 && probabilities[row * 5 + 3] == 0)
        }
        #expect(model.predict(data.x) == data.y)
    }
}
