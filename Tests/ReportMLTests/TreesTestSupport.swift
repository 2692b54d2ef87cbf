import ReportData
import ReportML
import Testing

/// The tree models under test, each fitted through its public API.
enum TreeModelKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case decisionTree
    case decisionTreeHistogram
    case randomForest
    case randomForestHistogram
    case extraTrees

    var testDescription: String { rawValue }

    /// Fits this kind with small forests (10 trees) so tests stay quick in debug builds.
    func fit(_ data: TrainingSet, seed: UInt64 = 1, threads: Int = 2) throws -> any FittedClassifier {
        let context = FitContext(seed: seed, threads: threads)
        switch self {
        case .decisionTree: return try DecisionTreeClassifier().fit(data, context: context)
        case .decisionTreeHistogram: return try DecisionTreeClassifier(maxBins: 32).fit(data, context: context)
        case .randomForest: return try RandomForestClassifier(nEstimators: 10).fit(data, context: context)
        case .randomForestHistogram: return try RandomForestClassifier(nEstimators: 10, maxBins: 32).fit(data, context: context)
        case .extraTrees: return try ExtraTreesClassifier(nEstimators: 10).fit(data, context: context)
        }
    }
}

/// Small synthetic data sets for the tree tests.
enum TreesTestData {
    /// `perClass` rows around each of `classes` well-separated centres in 3 features.
    static func separable(classes: Int = 3, perClass: Int = 30, seed: UInt64 = 5) -> TrainingSet {
        var rng = Xoshiro256StarStar(seed: seed)
        var values = [Double]()
        var y = [Int]()
        for k in 0..<classes {
            for _ in 0..<perClass {
                values.append(Double(k) * 10 + rng.nextDouble())
                values.append(Double(-k) * 5 + rng.nextDouble())
                values.append(rng.nextDouble())
                y.append(k)
            }
        }
        return TrainingSet(x: FeatureMatrix(rows: y.count, columns: 3, values: values), y: y, classCount: classes)
    }

    /// Noisy overlapping classes whose features lie on a grid of `levels` values, so that
    /// histogram splits with at least `levels` bins see every distinct value.
    static func gridded(rows: Int, features: Int = 6, classes: Int = 4, levels: Int = 100, seed: UInt64 = 11) -> TrainingSet {
        var rng = Xoshiro256StarStar(seed: seed)
        var values = [Double]()
        var y = [Int]()
        for _ in 0..<rows {
            let label = rng.nextInt(below: classes)
            y.append(label)
            for feature in 0..<features {
                let centre = Double((label * (feature + 1)) % classes) / Double(classes)
                let value = min(max(centre + 0.35 * rng.nextGaussian(), 0), 0.999)
                values.append((value * Double(levels)).rounded(.down) / Double(levels))
            }
        }
        return TrainingSet(x: FeatureMatrix(rows: rows, columns: features, values: values), y: y, classCount: classes)
    }

    /// The share of `predicted` equal to `truth`.
    static func accuracy(_ predicted: [Int], _ truth: [Int]) -> Double {
        Double(zip(predicted, truth).filter { $0 == $1 }.count) / Double(truth.count)
    }
}
