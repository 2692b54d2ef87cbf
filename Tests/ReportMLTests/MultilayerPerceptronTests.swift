import Foundation
import Testing
@_spi(Testing) import ReportML

/// `MultilayerPerceptron` against scikit-learn's `MLPClassifier` on the small data sets of
/// `Tests/Fixtures/ml/neural_small.json` (made by `Tests/reference/neural_reference.py`).
///
/// Both sides start from the same weights and see the rows in the same order (no shuffle),
/// so after a few Adam epochs the weights must agree to 1e-9 relative (float64; float32 fits
/// to 2e-4 relative), the loss curves (mean log-loss + L2 term) to 1e-9 relative, the
/// probabilities to 1e-9 absolute, and the epoch count of a run stopped by `tol` exactly.
@Suite("MultilayerPerceptron matches scikit-learn's MLPClassifier")
struct MultilayerPerceptronTests {
    static let cases = [
        "relu_multiclass", "tanh_binary", "logistic_multiclass", "identity_multiclass",
        "relu_sample_weight", "relu_float32", "relu_stops",
    ]

    /// The fixture case's data, estimator and starting weights.
    struct Case {
        let data: TrainingSet
        let estimator: MultilayerPerceptron
        let initial: NetworkWeights
        let reference: ReferenceJSON
        /// Relative tolerance for weights and losses.
        let tolerance: Double
    }

    static func load(_ name: String) throws -> Case {
        let c = try ReferenceJSON.load("neural_small.json")["mlp"][name]
        let x = c["x"].matrix
        let y = c["y"].ints
        let weights = c["sample_weight"].isNull ? nil : c["sample_weight"].doubles
        let p = c["params"]
        let keys = Set(p.keys)
        var estimator = MultilayerPerceptron(hiddenLayerSizes: p["hidden"].ints, shuffle: false)
        if keys.contains("activation") {
            estimator.activation = try #require(MultilayerPerceptron.Activation(rawValue: p["activation"].string))
        }
        if keys.contains("alpha") { estimator.alpha = p["alpha"].double }
        if keys.contains("batch_size") { estimator.batchSize = p["batch_size"].int }
        if keys.contains("learning_rate_init") { estimator.learningRate = p["learning_rate_init"].double }
        if keys.contains("max_iter") { estimator.maxIter = p["max_iter"].int }
        if keys.contains("tol") { estimator.tol = p["tol"].double }
        if keys.contains("n_iter_no_change") { estimator.nIterNoChange = p["n_iter_no_change"].int }
        let single = p["dtype"].string == "float32"
        estimator.precision = single ? .single : .double
        let i = c["init"]
        let initial = NetworkWeights(
            layerUnits: i["units"].ints, coefficients: i["coefs"].array.map(\.doubles),
            intercepts: i["intercepts"].array.map(\.doubles)
        )
        return Case(
            data: TrainingSet(x: x, y: y, classCount: (y.max() ?? 0) + 1, sampleWeight: weights),
            estimator: estimator, initial: initial, reference: c, tolerance: single ? 2e-4 : 1e-9
        )
    }

    /// The largest |a − b| / max(1, |b|).
    static func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
    }

    @Test(arguments: cases)
    func weightsAfterTrainingMatch(name: String) throws {
        let c = try Self.load(name)
        let model = try c.estimator.fit(c.data, context: FitContext(seed: 1), initialWeights: c.initial)
        let reference = c.reference
        #expect(model.iterations == reference["n_iter"].int, "\(name): epochs")
        #expect(model.converged == (reference["converged"].double == 1), "\(name): converged")
        for l in 0..<model.weights.coefficients.count {
            let coefficients = Self.relativeDifference(model.weights.coefficients[l], reference["coefs"][l].doubles)
            let intercepts = Self.relativeDifference(model.weights.intercepts[l], reference["intercepts"][l].doubles)
            #expect(coefficients <= c.tolerance, "\(name): layer \(l) coefficients differ by \(coefficients)")
            #expect(intercepts <= c.tolerance, "\(name): layer \(l) intercepts differ by \(intercepts)")
        }
        let curve = Self.relativeDifference(model.lossCurve, reference["loss_curve"].doubles)
        print("mlp \(name): \(model.iterations) epochs, loss curve differs by \(curve), last layer by",
              Self.relativeDifference(model.weights.coefficients.last ?? [], reference["coefs"].array.last?.doubles ?? []))
        #expect(curve <= c.tolerance, "\(name): loss curve differs by \(curve)")
        let probabilities = try #require(model.predictProbabilities(c.data.x))
        let probabilityError = maxDifference(probabilities, reference["proba"].flat)
        #expect(probabilityError <= (c.tolerance > 1e-6 ? 1e-4 : 1e-9), "\(name): probabilities differ by \(probabilityError)")
        #expect(model.predict(c.data.x) == reference["predict"].ints, "\(name): predictions")
    }

    /// Rows of a blob data set big enough for several batches of several chunks.
    static func blobs(rows: Int, features: Int, classes: Int, seed: UInt64) -> TrainingSet {
        var state = seed
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1.0p-53
        }
        let y = (0..<rows).map { $0 % classes }
        var values: [Double] = []
        for row in 0..<rows {
            for j in 0..<features { values.append(Double((y[row] * 7 + j * 3) % 5) - 2 + 2 * (uniform() - 0.5)) }
        }
        return TrainingSet(x: FeatureMatrix(rows: rows, columns: features, values: values), y: y, classCount: classes)
    }

    /// Chunks are fixed by the batch size, so any thread count gives the same bits.
    @Test(arguments: [MultilayerPerceptron.Precision.double, .single])
    func resultIsIndependentOfThreadCount(precision: MultilayerPerceptron.Precision) throws {
        let data = Self.blobs(rows: 700, features: 6, classes: 4, seed: 3)
        let estimator = MultilayerPerceptron(hiddenLayerSizes: [16, 8], maxIter: 3, precision: precision)
        let one = try estimator.fit(data, context: FitContext(seed: 7, threads: 1))
        let three = try estimator.fit(data, context: FitContext(seed: 7, threads: 3))
        #expect(one.weights == three.weights)
        #expect(one.lossCurve == three.lossCurve)
        let other = try estimator.fit(data, context: FitContext(seed: 8, threads: 1))
        #expect(other.weights != one.weights, "a different seed draws different weights")
    }

    /// A small problem for the kernel comparison, sized so every kernel meets partial row
    /// tiles and columns past the last whole vector: 13 features, hidden layers of 37 and
    /// 27 units, 5 or 3 classes or one logistic output, batches of 150 rows (chunks of 52,
    /// 52 and 46 rows) and a last batch of 80.
    struct KernelCase: Sendable, CustomTestStringConvertible {
        let activation: MultilayerPerceptron.Activation
        let classes: Int
        let sampleWeights: Bool
        var testDescription: String { "\(activation), \(classes) classes\(sampleWeights ? ", sample weights" : "")" }
    }

    static let kernelCases = [
        KernelCase(activation: .relu, classes: 5, sampleWeights: false),
        KernelCase(activation: .relu, classes: 2, sampleWeights: true),
        KernelCase(activation: .tanh, classes: 5, sampleWeights: false),
        KernelCase(activation: .logistic, classes: 3, sampleWeights: true),
    ]

    /// The C kernels' SSE2 baseline, their AVX2 build (where the processor has AVX2) and the
    /// Swift kernels (what double precision and other processors run) train the same
    /// single-precision network to the same bits: every product is the same chain of
    /// separately rounded multiplies and adds, and every Adam step the same operations.
    @Test(arguments: kernelCases)
    func kernelBuildsTrainBitIdenticalNetworks(kernelCase: KernelCase) throws {
        let blobs = Self.blobs(rows: 530, features: 13, classes: kernelCase.classes, seed: 12)
        let data = TrainingSet(
            x: blobs.x, y: blobs.y, classCount: blobs.classCount,
            sampleWeight: kernelCase.sampleWeights ? (0..<530).map { Double($0 % 4) * 0.5 } : nil
        )
        var estimator = MultilayerPerceptron(
            hiddenLayerSizes: [37, 27], activation: kernelCase.activation, batchSize: 150, learningRate: 0.01, maxIter: 4
        )
        var models: [MultilayerPerceptron.KernelPath: MultilayerPerceptronModel] = [:]
        for path in [MultilayerPerceptron.KernelPath.swift, .baseline, .avx2, .automatic] {
            estimator.kernelPath = path
            models[path] = try estimator.fit(data, context: FitContext(seed: 5, threads: 2))
        }
        let reference = try #require(models[.swift])
        let flat = { (weights: NetworkWeights) in (weights.coefficients + weights.intercepts).flatMap { $0 } }
        for (path, model) in models where path != .swift {
            let ours = flat(model.weights), theirs = flat(reference.weights)
            let differing = zip(ours, theirs).filter { $0.bitPattern != $1.bitPattern }.count
            #expect(ours.count == theirs.count && differing == 0,
                    "\(path) kernels: \(differing) of \(theirs.count) weights differ from the Swift kernels'")
            #expect(model.lossCurve.map(\.bitPattern) == reference.lossCurve.map(\.bitPattern),
                    "\(path) kernels: loss curve \(model.lossCurve), Swift kernels \(reference.lossCurve)")
        }
        #expect(reference.lossCurve.last.map { $0 < reference.lossCurve[0] } == true, "the network learns")
        let avx2 = MultilayerPerceptron.runsAVX2Kernels ? "AVX2" : "AVX2 (absent here: the baseline again)"
        print("mlp kernels \(kernelCase.testDescription): compared SSE2, \(avx2) and Swift kernels over \(reference.iterations) epochs")
    }

    /// Float32 training lands close to float64 training from the same start.
    @Test func singlePrecisionTracksDoublePrecision() throws {
        let data = Self.blobs(rows: 400, features: 5, classes: 3, seed: 5)
        let double = try MultilayerPerceptron(hiddenLayerSizes: [12], maxIter: 5, precision: .double)
            .fit(data, context: FitContext(seed: 2))
        let single = try MultilayerPerceptron(hiddenLayerSizes: [12], maxIter: 5, precision: .single)
            .fit(data, context: FitContext(seed: 2))
        #expect(Self.relativeDifference(single.lossCurve, double.lossCurve) <= 1e-4)
        let probabilities = maxDifference(try #require(single.predictProbabilities(data.x)),
                                          try #require(double.predictProbabilities(data.x)))
        #expect(probabilities <= 1e-3)
    }

    /// Glorot bounds per layer (√(6/(in+out)), √(2/(in+out)) for logistic).
    @Test(arguments: [MultilayerPerceptron.Activation.relu, .logistic])
    func initialWeightsAreGlorotUniform(activation: MultilayerPerceptron.Activation) throws {
        let data = Self.blobs(rows: 30, features: 6, classes: 3, seed: 1)
        // One batch with a learning rate too small to move anything measurably.
        let model = try MultilayerPerceptron(hiddenLayerSizes: [40], activation: activation, learningRate: 1e-300, maxIter: 1)
            .fit(data, context: FitContext(seed: 11))
        let units = model.weights.layerUnits
        #expect(units == [6, 40, 3])
        for l in 0..<2 {
            let bound = ((activation == .logistic ? 2.0 : 6.0) / Double(units[l] + units[l + 1])).squareRoot()
            let all = model.weights.coefficients[l] + model.weights.intercepts[l]
            #expect(all.allSatisfy { abs($0) <= bound })
            #expect((all.map { abs($0) }.max() ?? 0) > 0.8 * bound, "the draw spans its range")
        }
    }

    @Test func earlyStoppingKeepsTheBestEpochsWeights() throws {
        let data = Self.blobs(rows: 600, features: 5, classes: 3, seed: 9)
        let estimator = MultilayerPerceptron(
            hiddenLayerSizes: [10], learningRate: 0.01, maxIter: 60, tol: 1e-3, nIterNoChange: 3, earlyStopping: true
        )
        let model = try estimator.fit(data, context: FitContext(seed: 4))
        let scores = try #require(model.validationScores)
        #expect(scores.count == model.iterations)
        #expect(model.lossCurve.count == model.iterations)
        let best = try #require(scores.max())
        let bestEpoch = try #require(scores.firstIndex(of: best)) + 1
        // The same split and batches for exactly bestEpoch epochs end at the kept weights.
        var shorter = estimator
        shorter.maxIter = bestEpoch
        let truncated = try shorter.fit(data, context: FitContext(seed: 4))
        #expect(truncated.weights == model.weights)
        #expect(model.bestValidationScore == best)
    }

    @Test func nonConvergenceIsRecorded() throws {
        let data = Self.blobs(rows: 120, features: 4, classes: 3, seed: 2)
        let model = try MultilayerPerceptron(hiddenLayerSizes: [5], maxIter: 2).fit(data, context: FitContext(seed: 1))
        #expect(model.iterations == 2)
        #expect(!model.converged)
        #expect(model.lossCurve.count == 2)
    }

    @Test func absentClassesGetProbabilityZero() throws {
        let full = Self.blobs(rows: 90, features: 4, classes: 3, seed: 6)
        let data = TrainingSet(x: full.x, y: full.y.map { $0 == 1 ? 2 : $0 }, classCount: 4)
        let model = try MultilayerPerceptron(hiddenLayerSizes: [6], maxIter: 5).fit(data, context: FitContext(seed: 1))
        #expect(model.weights.layerUnits.last == 1, "two present classes: one logistic output")
        let probabilities = try #require(model.predictProbabilities(data.x))
        for row in 0..<data.x.rows {
            #expect(probabilities[row * 4 + 1] == 0 && probabilities[row * 4 + 3] == 0)
            #expect(abs(probabilities[row * 4] + probabilities[row * 4 + 2] - 1) < 1e-12)
        }
        #expect(Set(model.predict(data.x)).isSubset(of: [0, 2]))
    }

    @Test func invalidSettingsAreRejected() throws {
        let data = Self.blobs(rows: 20, features: 3, classes: 2, seed: 1)
        let context = FitContext(seed: 1)
        let invalid: [(MultilayerPerceptron, String)] = [
            (MultilayerPerceptron(hiddenLayerSizes: []), "hidden-layer-sizes"),
            (MultilayerPerceptron(hiddenLayerSizes: [4, 0]), "hidden-layer-sizes"),
            (MultilayerPerceptron(learningRate: 0), "learning-rate"),
            (MultilayerPerceptron(learningRate: -0.1), "learning-rate"),
            (MultilayerPerceptron(batchSize: 0), "batch-size"),
            (MultilayerPerceptron(alpha: -1), "alpha"),
            (MultilayerPerceptron(maxIter: 0), "max-iter"),
            (MultilayerPerceptron(validationFraction: 1), "validation-fraction"),
            (MultilayerPerceptron(beta1: 1), "beta-1"),
        ]
        for (estimator, option) in invalid {
            #expect(throws: MLError.self) { try estimator.fit(data, context: context) }
            do {
                _ = try estimator.fit(data, context: context)
            } catch let error as MLError {
                #expect(error.message.contains(option), "\(error.message) names \(option)")
            }
        }
        let wrongShape = NetworkWeights(layerUnits: [3, 2, 1], coefficients: [[0, 0, 0, 0, 0, 0], [0, 0]], intercepts: [[0, 0], [0]])
        #expect(throws: MLError.self) {
            try MultilayerPerceptron(hiddenLayerSizes: [4]).fit(data, context: context, initialWeights: wrongShape)
        }
    }
}
