import ReportData
import ReportML
import Testing

/// `BinaryArchive` and `ClassifierArchive`: every fitted model `{train}` can make (each
/// estimator in the variants that store different parts, and one-vs-rest wrappers) reads
/// back with bit-identical predictions, probabilities and scores and re-encodes to the same
/// bytes; binary relevance keeps its constant and fitted tags; and truncated, extended,
/// mis-tagged or garbled bytes throw instead of trapping.
@Suite("Model archive: exact round trips and damaged bytes")
struct ModelArchiveTests {
    /// The models under test, each fitted through its public API on small data.
    enum Subject: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case decisionTree, decisionTreeHistogram, randomForest, randomForestHistogram, extraTrees
        case knn, knnDistanceManhattan, knnCosine, knnBruteForce
        case logistic, logisticBinary, naiveBayes
        case boosting, boostingBinary, boostingEarlyStopping
        case svm, svmSinglePrecision, svmPolyProbability, svmLinearBinaryTies, svmSigmoid
        case linearSVC, linearSVCBinary
        case sgdHinge, sgdLogLoss, sgdModifiedHuber
        case mlpSingle, mlpDouble, mlpBinaryEarlyStopping
        case oneVsRestLogistic, oneVsRestForest, oneVsRestSVM, oneVsRestBinaryBoosting

        var testDescription: String { rawValue }

        /// Whether the subject is fitted on two classes (else four of five, one absent).
        var binary: Bool {
            [.logisticBinary, .boostingBinary, .svmLinearBinaryTies, .linearSVCBinary, .mlpBinaryEarlyStopping,
             .oneVsRestBinaryBoosting].contains(self)
        }

        func fit(_ data: TrainingSet) throws -> any FittedClassifier {
            let context = FitContext(seed: 17, threads: 2)
            switch self {
            case .decisionTree: return try DecisionTreeClassifier().fit(data, context: context)
            case .decisionTreeHistogram: return try DecisionTreeClassifier(maxDepth: 4, maxBins: 16).fit(data, context: context)
            case .randomForest: return try RandomForestClassifier(nEstimators: 6).fit(data, context: context)
            case .randomForestHistogram:
                return try RandomForestClassifier(nEstimators: 4, maxBins: 32, classWeight: .balanced).fit(data, context: context)
            case .extraTrees: return try ExtraTreesClassifier(nEstimators: 5, criterion: .entropy).fit(data, context: context)
            case .knn: return try KNearestNeighbors().fit(data, context: context)
            case .knnDistanceManhattan: return try KNearestNeighbors(k: 7, weights: .distance, metric: .manhattan).fit(data, context: context)
            case .knnCosine: return try KNearestNeighbors(metric: .cosine).fit(data, context: context)
            case .knnBruteForce: return try KNearestNeighbors(k: data.x.rows / 2 + 1).fit(data, context: context)
            case .logistic, .logisticBinary: return try LogisticRegression().fit(data, context: context)
            case .naiveBayes: return try GaussianNaiveBayes().fit(data, context: context)
            case .boosting, .boostingBinary:
                return try GradientBoostingClassifier(maxIter: 15, maxLeafNodes: 7, minSamplesLeaf: 5).fit(data, context: context)
            case .boostingEarlyStopping:
                return try GradientBoostingClassifier(maxIter: 30, minSamplesLeaf: 5, earlyStopping: .on, nIterNoChange: 3)
                    .fit(data, context: context)
            case .svm: return try SupportVectorClassifier().fit(data, context: context)
            case .svmSinglePrecision: return try SupportVectorClassifier(precision: .single).fit(data, context: context)
            case .svmPolyProbability:
                return try SupportVectorClassifier(kernel: .poly(degree: 2, coef0: 1), gamma: .auto, probability: true)
                    .fit(data, context: context)
            case .svmLinearBinaryTies:
                return try SupportVectorClassifier(kernel: .linear, breakTies: true, probability: true).fit(data, context: context)
            case .svmSigmoid:
                return try SupportVectorClassifier(kernel: .sigmoid(coef0: 0.5), gamma: .value(0.05), breakTies: true)
                    .fit(data, context: context)
            case .linearSVC, .linearSVCBinary: return try LinearSVC(maxIter: 200).fit(data, context: context)
            case .sgdHinge: return try SGDClassifier(maxIter: 30).fit(data, context: context)
            case .sgdLogLoss: return try SGDClassifier(loss: .logLoss, penalty: .elasticNet, maxIter: 30).fit(data, context: context)
            case .sgdModifiedHuber:
                return try SGDClassifier(loss: .modifiedHuber, maxIter: 30, average: true).fit(data, context: context)
            case .mlpSingle: return try MultilayerPerceptron(hiddenLayerSizes: [8, 6], maxIter: 20).fit(data, context: context)
            case .mlpDouble:
                return try MultilayerPerceptron(hiddenLayerSizes: [7], activation: .tanh, maxIter: 20, precision: .double)
                    .fit(data, context: context)
            case .mlpBinaryEarlyStopping:
                return try MultilayerPerceptron(hiddenLayerSizes: [6], activation: .logistic, maxIter: 20, earlyStopping: true)
                    .fit(data, context: context)
            case .oneVsRestLogistic: return try OneVsRest(LogisticRegression()).fit(data, context: context)
            case .oneVsRestForest: return try OneVsRest(RandomForestClassifier(nEstimators: 3)).fit(data, context: context)
            case .oneVsRestSVM: return try OneVsRest(SupportVectorClassifier(probability: true)).fit(data, context: context)
            case .oneVsRestBinaryBoosting:
                return try OneVsRest(GradientBoostingClassifier(maxIter: 10, minSamplesLeaf: 5)).fit(data, context: context)
            }
        }
    }

    /// Overlapping Gaussian classes in `features` features: `classes` classes of which the
    /// last is absent when `absentClass` (so models spread probabilities over present classes).
    static func data(rows: Int, features: Int = 5, classes: Int = 5, absentClass: Bool = true,
                     seed: UInt64 = 23) -> TrainingSet {
        var generator = Xoshiro256StarStar(seed: seed)
        let present = absentClass ? classes - 1 : classes
        var values: [Double] = []
        var y: [Int] = []
        for row in 0..<rows {
            let label = row % present
            y.append(label)
            for j in 0..<features {
                values.append(Double((label + j) % present) * 0.8 + generator.nextGaussian())
            }
        }
        return TrainingSet(x: FeatureMatrix(rows: rows, columns: features, values: values), y: y, classCount: classes)
    }

    /// Training and held-out rows for a subject.
    static func split(for subject: Subject) -> (train: TrainingSet, test: FeatureMatrix) {
        let features = subject == .knnBruteForce ? 18 : 5
        let train = subject.binary
            ? data(rows: 160, features: features, classes: 2, absentClass: false)
            : data(rows: 160, features: features)
        let test = data(rows: 60, features: features, seed: 99).x
        return (train, test)
    }

    /// What a model tells about rows, as bit patterns (so NaN and −0 compare exactly).
    static func answers(_ model: any FittedClassifier, _ x: FeatureMatrix) -> [[UInt64]] {
        var out: [[UInt64]] = [model.predict(x).map { UInt64(bitPattern: Int64($0)) }]
        out.append(model.predictProbabilities(x)?.map(\.bitPattern) ?? [])
        if let scoring = model as? any ScoringClassifier { out.append(scoring.classScores(x).map(\.bitPattern)) }
        if let trees = model as? any ImpurityImportanceModel { out.append(trees.featureImportances.map(\.bitPattern)) }
        return out
    }

    @Test(arguments: Subject.allCases)
    func roundTripsExactly(subject: Subject) throws {
        let (train, test) = Self.split(for: subject)
        let model = try subject.fit(train)
        let (tag, bytes) = try ClassifierArchive.encode(model)
        let restored = try ClassifierArchive.decode(tag: tag, bytes: bytes)
        #expect(ObjectIdentifier(type(of: restored)) == ObjectIdentifier(type(of: model)))
        #expect(restored.classCount == model.classCount && restored.featureCount == model.featureCount)
        #expect(Self.answers(restored, test) == Self.answers(model, test))
        #expect(Self.answers(restored, train.x) == Self.answers(model, train.x))
        // The same model always gives the same bytes (the step cache versions models by them).
        #expect(try ClassifierArchive.encode(restored).bytes == bytes)
        let again = try ClassifierArchive.encode(model)
        #expect(again.tag == tag && again.bytes == bytes)
    }

    @Test func tagsNameTheConcreteModel() throws {
        let data = Self.data(rows: 80)
        let forest = try OneVsRest(RandomForestClassifier(nEstimators: 2)).fit(data, context: FitContext(seed: 1))
        #expect(try ClassifierArchive.encode(forest).tag == "one-vs-rest<forest>")
        let nested = try OneVsRest(OneVsRest(LogisticRegression())).fit(data, context: FitContext(seed: 1))
        let (tag, bytes) = try ClassifierArchive.encode(nested)
        #expect(tag == "one-vs-rest<one-vs-rest<logistic-regression>>")
        let restored = try ClassifierArchive.decode(tag: tag, bytes: bytes)
        #expect(Self.answers(restored, data.x) == Self.answers(nested, data.x))
    }

    /// Binary relevance over `labelCount` tags where tag 0 is never set and tag 1 always is.
    static func tagged(rows: Int, seed: UInt64) -> (x: FeatureMatrix, labels: [Bool], labelCount: Int) {
        let base = data(rows: rows, features: 4, classes: 4, absentClass: false, seed: seed)
        let labelCount = 5
        var labels: [Bool] = []
        for row in 0..<rows {
            let x = base.x.row(row)
            labels += [false, true, base.y[row] >= 2, x[x.startIndex] > 0.5, x[x.startIndex + 1] + x[x.startIndex + 2] > 1]
        }
        return (base.x, labels, labelCount)
    }

    @Test(arguments: ["knn", "logistic", "forest", "svm", "mixed"])
    func binaryRelevanceRoundTripsWithConstantTags(model: String) throws {
        let train = Self.tagged(rows: 120, seed: 5), test = Self.tagged(rows: 40, seed: 6)
        let relevance = BinaryRelevance { data, context in
            switch model {
            case "knn": return try KNearestNeighbors(k: 4).fit(data, context: context)
            case "logistic": return try LogisticRegression().fit(data, context: context)
            case "forest": return try RandomForestClassifier(nEstimators: 3).fit(data, context: context)
            case "svm": return try SupportVectorClassifier().fit(data, context: context)
            default:
                // A different model per tag, as nothing stops a fit closure from choosing.
                return context.seed % 2 == 0
                    ? try OneVsRest(GaussianNaiveBayes()).fit(data, context: context)
                    : try SGDClassifier(loss: .logLoss, maxIter: 20).fit(data, context: context)
            }
        }
        let fitted = try relevance.fit(x: train.x, labels: train.labels, labelCount: train.labelCount,
                                       context: FitContext(seed: 3))
        guard case .constant(false) = fitted.models[0], case .constant(true) = fitted.models[1] else {
            Issue.record("tags that are never or always set should be constant")
            return
        }
        let bytes = try BinaryArchive.encode(fitted)
        let restored = try BinaryArchive.decode(BinaryRelevanceModel.self, from: bytes)
        #expect(restored.labelCount == fitted.labelCount && restored.featureCount == fitted.featureCount)
        #expect(restored.predict(test.x) == fitted.predict(test.x))
        #expect(restored.scores(test.x).map(\.bitPattern) == fitted.scores(test.x).map(\.bitPattern))
        for (a, b) in zip(restored.models, fitted.models) {
            switch (a, b) {
            case (.constant(let x), .constant(let y)): #expect(x == y)
            case (.fitted(let x), .fitted(let y)): #expect(Self.answers(x, test.x) == Self.answers(y, test.x))
            default: Issue.record("a tag changed between constant and fitted")
            }
        }
        #expect(try BinaryArchive.encode(restored) == bytes)
    }

    // MARK: Damaged bytes

    @Test(arguments: [Subject.randomForest, .knn, .knnCosine, .boosting, .svmPolyProbability, .mlpSingle, .oneVsRestSVM])
    func truncatedOrExtendedBytesThrow(subject: Subject) throws {
        let model = try subject.fit(Self.split(for: subject).train)
        let (tag, bytes) = try ClassifierArchive.encode(model)
        for cut in Set((0..<24).map { bytes.count * $0 / 24 } + [bytes.count - 1]) {
            #expect(throws: (any Error).self, "cut at \(cut) of \(bytes.count)") {
                try ClassifierArchive.decode(tag: tag, bytes: Array(bytes.prefix(cut)))
            }
        }
        #expect(throws: BinaryArchiveError.self) { try ClassifierArchive.decode(tag: tag, bytes: bytes + [0]) }
    }

    @Test func unknownOrMismatchedTagsThrow() throws {
        let data = Self.data(rows: 80)
        let forest = try RandomForestClassifier(nEstimators: 2).fit(data, context: FitContext(seed: 1))
        let (_, bytes) = try ClassifierArchive.encode(forest)
        for tag in ["", "forrest", "one-vs-rest<forest", "one-vs-rest<>", "one-vs-rest<tree>"] {
            #expect(throws: BinaryArchiveError.self, "tag '\(tag)'") { try ClassifierArchive.decode(tag: tag, bytes: bytes) }
        }
        // A forest's bytes read as another model fail somewhere, never trap.
        for tag in ClassifierArchive.modelTags where tag != "forest" {
            #expect(throws: (any Error).self, "forest bytes read as \(tag)") { try ClassifierArchive.decode(tag: tag, bytes: bytes) }
        }
    }

    @Test func garbledCountsThrow() throws {
        let data = Self.data(rows: 80)
        let model = try KNearestNeighbors().fit(data, context: FitContext(seed: 1))
        let (tag, bytes) = try ClassifierArchive.encode(model)
        // The first field is the class count: huge, negative or zero.
        for garbage: [UInt8] in [[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
                                 [0, 0, 0, 0, 0, 0, 0, 0]] {
            var damaged = bytes
            damaged.replaceSubrange(0..<8, with: garbage)
            #expect(throws: BinaryArchiveError.self) { try ClassifierArchive.decode(tag: tag, bytes: damaged) }
        }
        // Every byte set to 0xFF in turn: counts become impossible, flags invalid, or the
        // model fails its checks; whatever decodes must still predict.
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            var damaged = bytes
            damaged[position] = 0xFF
            Self.decodeAndPredict(tag: tag, bytes: damaged, x: data.x)
        }
    }

    /// Random single-byte changes to several models: decoding throws, or gives a model that
    /// predicts without trapping.
    @Test(arguments: [Subject.decisionTree, .extraTrees, .knn, .knnBruteForce, .boosting, .svm, .linearSVC, .mlpDouble,
                      .oneVsRestLogistic, .naiveBayes])
    func randomDamageNeverTraps(subject: Subject) throws {
        let (train, test) = Self.split(for: subject)
        let model = try subject.fit(train)
        let (tag, bytes) = try ClassifierArchive.encode(model)
        var generator = Xoshiro256StarStar(seed: 41)
        for _ in 0..<150 {
            var damaged = bytes
            let position = generator.nextInt(below: bytes.count)
            damaged[position] = UInt8(truncatingIfNeeded: generator.next())
            Self.decodeAndPredict(tag: tag, bytes: damaged, x: test)
        }
    }

    static func decodeAndPredict(tag: String, bytes: [UInt8], x: FeatureMatrix) {
        guard let model = try? ClassifierArchive.decode(tag: tag, bytes: bytes) else { return }
        guard model.featureCount == x.columns else { return }
        _ = answers(model, x)
    }

    // MARK: The encoder itself

    /// Values of every kind the encoder treats specially.
    struct Sample: Codable, Equatable {
        var text: String
        var flag: Bool
        var small: Int8
        var wide: UInt64
        var single: Float
        var doubles: [Double]
        var floats: [Float]
        var ints: [Int]
        var int32s: [Int32]
        var bytes: [UInt8]
        var flags: [Bool]
        var missing: Double?
        var present: [Int]?
        var nested: [[Double]]
        var optionals: [String?]
        var range: Range<Int>
    }

    @Test func keepsEveryBitOfEveryKindOfValue() throws {
        let sample = Sample(
            text: "tempo – ♩ = 120", flag: true, small: -3, wide: .max, single: -.zero,
            doubles: [.nan, -.zero, .infinity, -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 1 / 3],
            floats: [.nan, .leastNonzeroMagnitude, -2.5], ints: [.min, -1, 0, .max], int32s: [.min, 7], bytes: [0, 255], flags: [true, false, true],
            missing: nil, present: [4, 5], nested: [[], [1, 2], [3]], optionals: ["a", nil, ""], range: 3..<9)
        let bytes = try BinaryArchive.encode(sample)
        let restored = try BinaryArchive.decode(Sample.self, from: bytes)
        #expect(restored.doubles.map(\.bitPattern) == sample.doubles.map(\.bitPattern))
        #expect(restored.floats.map(\.bitPattern) == sample.floats.map(\.bitPattern))
        #expect(restored.single.bitPattern == sample.single.bitPattern)
        var comparable = restored
        comparable.doubles = sample.doubles
        comparable.floats = sample.floats
        #expect(comparable == sample)
        #expect(try BinaryArchive.encode(restored) == bytes)
        // A count, then the elements' bit patterns.
        #expect(try BinaryArchive.encode([1.5]) == [1, 0, 0, 0, 0, 0, 0, 0] + withUnsafeBytes(of: 1.5.bitPattern.littleEndian) { Array($0) })
    }

    @Test func rejectsBadFlagsAndText() throws {
        #expect(throws: BinaryArchiveError.self) { try BinaryArchive.decode(Bool.self, from: [2]) }
        #expect(throws: BinaryArchiveError.self) { try BinaryArchive.decode([Bool].self, from: [1, 0, 0, 0, 0, 0, 0, 0, 7]) }
        #expect(throws: BinaryArchiveError.self) { try BinaryArchive.decode(String.self, from: [1, 0, 0, 0, 0, 0, 0, 0, 0xC3]) }
        #expect(throws: BinaryArchiveError.self) { try BinaryArchive.decode(Int?.self, from: [3]) }
        #expect(throws: BinaryArchiveError.self) { try BinaryArchive.decode([Int].self, from: [1, 0, 0, 0, 0, 0, 0, 0, 1]) }
    }
}
