import Foundation
import ReportData
import ReportML
import Testing

/// Tree structure against scikit-learn's on a small fixture where no two features tie
/// (`Tests/Fixtures/ml/trees_small.json`, made by `Tests/reference/ml_trees_reference.py`),
/// and histogram splits against exact ones.
@Suite struct TreesStructureTests {
    static let fixture: Result<ReferenceJSON, MLError> = {
        do { return .success(try ReferenceJSON.load("trees_small.json")) } catch { return .failure(MLError("\(error)")) }
    }()

    static let caseNames = ["gini_depth3", "entropy_depth3", "gini_depth4_leaf10", "gini_depth3_split40",
                            "balanced_depth3", "gini_depth4_decrease"]

    /// The classifier scikit-learn's parameters of a fixture case describe.
    static func classifier(_ params: ReferenceJSON) -> DecisionTreeClassifier {
        var tree = DecisionTreeClassifier()
        if !params["criterion"].isNull { tree.criterion = SplitCriterion(rawValue: params["criterion"].string) ?? .gini }
        if !params["max_depth"].isNull { tree.maxDepth = params["max_depth"].int }
        if !params["min_samples_leaf"].isNull { tree.minSamplesLeaf = params["min_samples_leaf"].int }
        if !params["min_samples_split"].isNull { tree.minSamplesSplit = params["min_samples_split"].int }
        if !params["min_impurity_decrease"].isNull { tree.minImpurityDecrease = params["min_impurity_decrease"].double }
        if params["class_weight"].string == "balanced" { tree.classWeight = .balanced }
        return tree
    }

    static func trainingSet(_ fixture: ReferenceJSON) -> TrainingSet {
        TrainingSet(x: fixture["x"].matrix, y: fixture["y"].ints, classCount: fixture["class_count"].int)
    }

    @Test(arguments: caseNames)
    func treeEqualsScikitLearns(name: String) throws {
        let fixture = try Self.fixture.get()
        let expected = fixture["cases"][name]
        let model = try Self.classifier(expected["params"]).fit(Self.trainingSet(fixture), context: FitContext(seed: 0))
        let tree = model.tree
        // Same nodes in the same (preorder) numbering, same features and bit-identical thresholds.
        #expect(tree.feature.map(Int.init) == expected["feature"].ints)
        #expect(tree.leftChild.map(Int.init) == expected["children_left"].ints)
        #expect(tree.rightChild.map(Int.init) == expected["children_right"].ints)
        #expect(tree.sampleCount.map(Int.init) == expected["n_node_samples"].ints)
        let splitNodes = tree.feature.indices.filter { tree.feature[$0] >= 0 }
        #expect(splitNodes.map { tree.threshold[$0] } == splitNodes.map { expected["threshold"][$0].double })
        #expect(maxDifference(tree.weightedSampleCount, expected["weighted_n_node_samples"].doubles) < 1e-9)
        #expect(maxDifference(tree.impurity, expected["impurity"].doubles) < 1e-12)
        #expect(model.depth == expected["depth"].int)
        #expect(maxDifference(model.featureImportances, expected["feature_importances"].doubles) < 1e-12)
        #expect(maxDifference(FeatureImportance.impurity(model), expected["feature_importances"].doubles) < 1e-12)
        // Leaf probabilities, through prediction on the training rows.
        let probabilities = try #require(model.predictProbabilities(fixture["x"].matrix))
        #expect(maxDifference(probabilities, expected["probabilities"].flat) < 1e-12)
    }

    @Test func permutationImportanceMatchesScikitLearn() throws {
        let fixture = try Self.fixture.get()
        let reference = fixture["permutation"]
        let expected = fixture["cases"][reference["case"].string]
        let data = Self.trainingSet(fixture)
        let model = try Self.classifier(expected["params"]).fit(data, context: FitContext(seed: 0))
        let result = try FeatureImportance.permutation(
            model: model, x: data.x, y: data.y, repeats: reference["repeats"].int, seed: 0)
        #expect(result.baselineScore == reference["baseline"].double)
        #expect(result.drops.count == 4 && result.drops.allSatisfy { $0.count == reference["repeats"].int })
        // Different shuffles, same expectation: 50 repeats of 300 rows pin the mean drop to
        // about ±0.005 and its spread to about ±0.003.
        #expect(maxDifference(result.mean, reference["mean"].doubles) < 0.015)
        #expect(maxDifference(result.standardDeviation, reference["std"].doubles) < 0.01)
        // A feature the tree never splits on cannot matter.
        for feature in 0..<4 where !model.tree.feature.contains(Int32(feature)) {
            #expect(result.mean[feature] == 0)
        }
    }

    @Test func permutationImportanceRejectsBadInput() throws {
        let data = TreesTestData.separable()
        let model = try DecisionTreeClassifier().fit(data, context: FitContext(seed: 0))
        #expect(throws: MLError("repeats must be at least 1, found 0")) {
            try FeatureImportance.permutation(model: model, x: data.x, y: data.y, repeats: 0, seed: 1)
        }
        #expect(throws: MLError.self) {
            try FeatureImportance.permutation(model: model, x: data.x, y: Array(data.y.dropLast()), seed: 1)
        }
    }

    /// With no more distinct values than bins, histogram splits see every threshold: the
    /// trees must be identical to exact ones (large nodes use the sibling subtraction).
    /// Class weights are powers of two so that sums in any order are exact (other weights
    /// can break near-ties differently).
    @Test(arguments: [false, true])
    func histogramTreeEqualsExactTreeWhenBinsHoldEveryValue(weighted: Bool) throws {
        let data = TreesTestData.gridded(rows: 6000, levels: 100)
        let classWeight: ClassWeight = weighted ? .explicit([1, 2, 0.5, 4]) : .none
        let context = FitContext(seed: 4)
        let exact = try DecisionTreeClassifier(maxDepth: 12, classWeight: classWeight).fit(data, context: context)
        let binned = try DecisionTreeClassifier(maxDepth: 12, maxBins: 128, classWeight: classWeight).fit(data, context: context)
        #expect(exact.nodeCount > 200)
        #expect(binned.tree.feature == exact.tree.feature)
        #expect(binned.tree.threshold == exact.tree.threshold)
        #expect(binned.tree.leftChild == exact.tree.leftChild)
        #expect(binned.tree.sampleCount == exact.tree.sampleCount)
        for node in 0..<exact.nodeCount where exact.tree.feature[node] < 0 {
            let a = try #require(exact.tree.classProbabilities(node: node))
            let b = try #require(binned.tree.classProbabilities(node: node))
            #expect(maxDifference(a, b) < 1e-12)
        }
    }

    @Test func histogramForestEqualsExactForestWhenBinsHoldEveryValue() throws {
        let data = TreesTestData.gridded(rows: 3000, levels: 50)
        let context = FitContext(seed: 8)
        let exact = try RandomForestClassifier(nEstimators: 4, maxDepth: 10).fit(data, context: context)
        let binned = try RandomForestClassifier(nEstimators: 4, maxDepth: 10, maxBins: 64).fit(data, context: context)
        for (a, b) in zip(exact.trees, binned.trees) {
            #expect(a.feature == b.feature)
            #expect(a.threshold == b.threshold)
            #expect(a == b)
        }
    }

    @Test func forestImportancesAreTheNormalisedMeanOfTheTrees() throws {
        let data = TreesTestData.gridded(rows: 800)
        let forest = try RandomForestClassifier(nEstimators: 5).fit(data, context: FitContext(seed: 2))
        let importances = FeatureImportance.impurity(forest)
        #expect(abs(importances.reduce(0, +) - 1) < 1e-12)
        var mean = [Double](repeating: 0, count: data.x.columns)
        for tree in forest.trees {
            for (feature, value) in tree.featureImportances.enumerated() { mean[feature] += value / 5 }
        }
        #expect(maxDifference(importances, mean) < 1e-12)
    }

    @Test func depthAndNodeCountFollowTheLimits() throws {
        let data = TreesTestData.gridded(rows: 2000)
        let shallow = try DecisionTreeClassifier(maxDepth: 3).fit(data, context: FitContext(seed: 1))
        #expect(shallow.depth == 3)
        #expect(shallow.nodeCount <= 15)
        #expect(shallow.leafCount == (shallow.nodeCount + 1) / 2)
        let leafy = try DecisionTreeClassifier(minSamplesLeaf: 50).fit(data, context: FitContext(seed: 1))
        for node in 0..<leafy.nodeCount where leafy.tree.feature[node] < 0 {
            #expect(leafy.tree.sampleCount[node] >= 50)
        }
    }
}
