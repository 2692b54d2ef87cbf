import Foundation
import ReportData
import ReportML
import TestSupport

/// The fixed train/test split of `../shared/data/spotify_songs.csv` used by the parity
/// tests (`Tests/Fixtures/ml/spotify_split.json`, made by `Tests/reference/ml_split.py`).
struct SpotifySplit: Sendable {
    let train: TrainingSet
    let testX: FeatureMatrix
    let testY: [Int]
    let classNames: [String]

    /// nil when the shared data is absent (the caller skips and says why).
    static let shared: Result<SpotifySplit?, MLError> = {
        do { return .success(try load()) } catch { return .failure(MLError("\(error)")) }
    }()

    static func load() throws -> SpotifySplit? {
        guard let url = Fixtures.sharedData("spotify_songs.csv") else { return nil }
        let split = try ReferenceJSON.load("spotify_split.json")
        let table = try CSVReader.read(contentsOf: url)
        let features = split["features"].array.map(\.string)
        let columns = try features.map { name -> [Double] in
            guard let values = try table.requireColumn(named: name).numericValues else {
                throw MLError("column \(name) is not numeric")
            }
            return values
        }
        guard let labels = try table.requireColumn(named: split["label"].string).textValues else {
            throw MLError("label column is not text")
        }
        let names = Array(Set(labels.compactMap { $0 })).sorted()
        let code = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let y = labels.map { $0.flatMap { code[$0] } ?? -1 }
        let x = FeatureMatrix(columns: columns)
        let testRows = split["test_rows"].ints
        let isTest = Set(testRows)
        let trainRows = (0..<x.rows).filter { !isTest.contains($0) }
        return SpotifySplit(
            train: TrainingSet(x: x.selecting(rows: trainRows), y: trainRows.map { y[$0] }, classCount: names.count),
            testX: x.selecting(rows: testRows),
            testY: testRows.map { y[$0] },
            classNames: names
        )
    }

    /// Train and test features standardised on the training rows.
    func scaled() throws -> (train: TrainingSet, testX: FeatureMatrix) {
        let scaler = try StandardScaler().fit(train.x)
        return (
            TrainingSet(x: scaler.transform(train.x), y: train.y, classCount: train.classCount),
            scaler.transform(testX)
        )
    }
}
