import Foundation
import ReportData
import ReportML
import Testing

/// The conformance expectations every classifier meets, for the tree models.
@Suite struct TreesConformanceTests {
    @Test(arguments: TreeModelKind.allCases)
    func predictsEveryClassOnSeparableData(kind: TreeModelKind) throws {
        let data = TreesTestData.separable()
        let model = try kind.fit(data)
        #expect(model.classCount == 3)
        #expect(model.featureCount == 3)
        let predicted = model.predict(data.x)
        #expect(predicted == data.y)
        #expect(Set(predicted) == [0, 1, 2])
    }

    @Test(arguments: TreeModelKind.allCases)
    func probabilitiesSumToOne(kind: TreeModelKind) throws {
        let data = TreesTestData.gridded(rows: 400)
        let model = try kind.fit(data)
        let probabilities = try #require(model.predictProbabilities(data.x))
        #expect(probabilities.count == data.x.rows * data.classCount)
        for row in 0..<data.x.rows {
            let slice = probabilities[(row * data.classCount)..<((row + 1) * data.classCount)]
            #expect(abs(slice.reduce(0, +) - 1) < 1e-12)
            #expect(slice.allSatisfy { $0 >= 0 && $0 <= 1 })
        }
    }

    @Test(arguments: TreeModelKind.allCases)
    func handlesAClassWithOneRow(kind: TreeModelKind) throws {
        var data = TreesTestData.separable(classes: 3, perClass: 20)
        // Add a fourth class with a single, distinct row.
        var values = data.x.values
        values.append(contentsOf: [100, 100, 100])
        data = TrainingSet(x: FeatureMatrix(rows: data.x.rows + 1, columns: 3, values: values), y: data.y + [3], classCount: 4)
        let model = try kind.fit(data)
        let probabilities = try #require(model.predictProbabilities(data.x))
        #expect(probabilities.count == data.x.rows * 4)
        if kind == .decisionTree || kind == .decisionTreeHistogram || kind == .extraTrees {
            // Fully grown trees on every row isolate it.
            #expect(model.predict(data.x).last == 3)
        }
    }

    @Test(arguments: TreeModelKind.allCases)
    func rejectsNaN(kind: TreeModelKind) throws {
        let data = TreesTestData.separable()
        var values = data.x.values
        values[7] = .nan
        let broken = TrainingSet(x: FeatureMatrix(rows: data.x.rows, columns: 3, values: values), y: data.y, classCount: 3)
        let error = #expect(throws: MLError.self) { try kind.fit(broken) }
        #expect(error?.message.contains("NaN") == true)
        #expect(error?.message.contains("row 3") == true)
    }

    @Test(arguments: TreeModelKind.allCases)
    func rejectsASingleClass(kind: TreeModelKind) throws {
        let data = TreesTestData.separable()
        let single = TrainingSet(x: data.x, y: [Int](repeating: 1, count: data.y.count), classCount: 3)
        let error = #expect(throws: MLError.self) { try kind.fit(single) }
        #expect(error?.message.contains("single class") == true)
    }

    @Test(arguments: TreeModelKind.allCases)
    func sameSeedGivesIdenticalProbabilities(kind: TreeModelKind) throws {
        let data = TreesTestData.gridded(rows: 600)
        let first = try #require(try kind.fit(data, seed: 42).predictProbabilities(data.x))
        let second = try #require(try kind.fit(data, seed: 42).predictProbabilities(data.x))
        #expect(first == second)
    }

    @Test(arguments: TreeModelKind.allCases)
    func threadCountDoesNotChangeTheModel(kind: TreeModelKind) throws {
        let data = TreesTestData.gridded(rows: 600)
        let one = try #require(try kind.fit(data, seed: 9, threads: 1).predictProbabilities(data.x))
        let two = try #require(try kind.fit(data, seed: 9, threads: 2).predictProbabilities(data.x))
        let three = try #require(try kind.fit(data, seed: 9, threads: 3).predictProbabilities(data.x))
        #expect(one == two)
        #expect(one == three)
    }

    @Test func differentSeedsGiveDifferentForests() throws {
        let data = TreesTestData.gridded(rows: 600)
        let a = try #require(try TreeModelKind.randomForest.fit(data, seed: 1).predictProbabilities(data.x))
        let b = try #require(try TreeModelKind.randomForest.fit(data, seed: 2).predictProbabilities(data.x))
        #expect(a != b)
    }

    @Test func invalidOptionsAreNamedAsAuthorsWriteThem() throws {
        let data = TreesTestData.separable()
        let context = FitContext(seed: 1)
        func message(_ body: () throws -> Void) -> String? {
            do {
                try body()
                return nil
            } catch let error as MLError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message { _ = try DecisionTreeClassifier(maxDepth: 0).fit(data, context: context) }
            == "max-depth must be at least 1, found 0")
        #expect(message { _ = try DecisionTreeClassifier(minSamplesLeaf: 0).fit(data, context: context) }
            == "min-samples-leaf must be at least 1, found 0")
        #expect(message { _ = try DecisionTreeClassifier(minSamplesSplit: 1).fit(data, context: context) }
            == "min-samples-split must be at least 2, found 1")
        #expect(message { _ = try DecisionTreeClassifier(maxBins: 256).fit(data, context: context) }
            == "max-bins must be between 2 and 255, found 256")
        #expect(message { _ = try DecisionTreeClassifier(maxFeatures: .count(0)).fit(data, context: context) }
            == "max-features must be at least 1, found 0")
        #expect(message { _ = try DecisionTreeClassifier(maxFeatures: .fraction(1.5)).fit(data, context: context) }
            == "max-features as a fraction must be in (0, 1], found 1.5")
        #expect(message { _ = try DecisionTreeClassifier(minImpurityDecrease: -1).fit(data, context: context) }
            == "min-impurity-decrease must be a finite number of at least 0, found -1.0")
        #expect(message { _ = try DecisionTreeClassifier(classWeight: .explicit([1, 2])).fit(data, context: context) }
            == "class-weight has 2 weights for 3 classes")
        #expect(message { _ = try RandomForestClassifier(nEstimators: 0).fit(data, context: context) }
            == "n-estimators must be at least 1, found 0")
        #expect(message { _ = try RandomForestClassifier(maxDepth: 0).fit(data, context: context) }
            == "max-depth must be at least 1, found 0")
        #expect(message { _ = try RandomForestClassifier(minSamplesLeaf: 0).fit(data, context: context) }
            == "min-samples-leaf must be at least 1, found 0")
        #expect(message { _ = try RandomForestClassifier(maxSamples: .count(0)).fit(data, context: context) }
            == "max-samples must be at least 1, found 0")
        #expect(message { _ = try ExtraTreesClassifier(nEstimators: 0).fit(data, context: context) }
            == "n-estimators must be at least 1, found 0")
        #expect(message { _ = try ExtraTreesClassifier(maxDepth: 0).fit(data, context: context) }
            == "max-depth must be at least 1, found 0")
        #expect(message { _ = try ExtraTreesClassifier(maxSamples: .fraction(0.5)).fit(data, context: context) }
            == "max-samples needs bootstrap: true")
    }

    @Test func forestReportsProgressUpToOne() throws {
        let data = TreesTestData.separable()
        let recorder = ProgressRecorder()
        _ = try RandomForestClassifier(nEstimators: 8).fit(
            data, context: FitContext(seed: 3, threads: 2, progress: { recorder.record($0) }))
        let fractions = recorder.fractions.sorted()
        #expect(fractions.count == 8)
        #expect(fractions.last == 1)
    }

    /// Collects progress reports from any thread.
    private final class ProgressRecorder: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []

        func record(_ fraction: Double) {
            lock.lock()
            values.append(fraction)
            lock.unlock()
        }

        var fractions: [Double] {
            lock.lock()
            defer { lock.unlock() }
            return values
        }
    }
}
