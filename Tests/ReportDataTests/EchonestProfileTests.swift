import Foundation
import Testing
@testable import ReportData

/// The default `echonest` table (9,000 rows, seed 42).
private let echonest = Result { try Synthetic.table(profile: "echonest", seed: 42) }

@Suite("Synthetic echonest")
struct EchonestProfileTests {
    static let genres = ["Rock", "Hip-Hop", "Electronic"]
    static let features = [
        "acousticness", "danceability", "energy", "instrumentalness", "liveness", "speechiness", "tempo", "valence",
    ]

    @Test func shapeAndCounts() throws {
        let table = try echonest.get()
        #expect(table.columnNames == ["track_id"] + Self.features + ["genre"])
        let counts = try #require(table.column(named: "genre")).valueCounts()
        #expect(Dictionary(uniqueKeysWithValues: counts.map { ($0.value, $0.count) })
                == ["Rock": 4000, "Hip-Hop": 2500, "Electronic": 2500])
        let scaled = try Synthetic.table(profile: "echonest", rows: 900, seed: 1)
        #expect(try #require(scaled.column(named: "genre")).valueCounts().map(\.count) == [400, 250, 250])
        #expect(EchonestProfile.counts(rows: 10, rowsPerClass: nil) == [4, 3, 3])
        let balanced = try Synthetic.table(profile: "echonest", rowsPerClass: 30, seed: 1)
        #expect(try #require(balanced.column(named: "genre")).valueCounts().map(\.count) == [30, 30, 30])
        let ids = try #require(table.column(named: "track_id")?.textValues)
        #expect(ids.allSatisfy { $0?.hasPrefix("TR") == true && $0?.utf8.count == 18 })
        #expect(Set(ids).count == ids.count)
        for name in Self.features where name != "tempo" {
            let values = try #require(table.column(named: name)?.numericValues)
            #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(name)")
        }
    }

    /// The study's radar plot: rock the most acoustic, electronic the most instrumental,
    /// hip-hop the highest speechiness, danceability and valence; tempo, liveness and energy
    /// barely differ (the genre explains under 3% of their variance, against over 5% for
    /// the telling features).
    @Test func classDifferences() throws {
        let table = try echonest.get()
        let labels = SyntheticStats.codes(table, "genre", classes: Self.genres)
        func means(_ feature: String) throws -> [Double] {
            let values = try #require(table.column(named: feature)?.numericValues)
            return (0..<3).map { g in SyntheticStats.mean(values.indices.filter { labels[$0] == g }.map { values[$0] }) }
        }
        func top(_ feature: String) throws -> String {
            let m = try means(feature)
            return Self.genres[m.indices.max { m[$0] < m[$1] } ?? 0]
        }
        #expect(try top("acousticness") == "Rock")
        #expect(try top("instrumentalness") == "Electronic")
        for feature in ["speechiness", "danceability", "valence"] { #expect(try top(feature) == "Hip-Hop", "\(feature)") }
        for feature in ["tempo", "liveness", "energy"] {
            let eta = SyntheticStats.etaSquared(try #require(table.column(named: feature)?.numericValues), by: labels)
            #expect(eta < 0.03, "\(feature) eta² = \(eta)")
        }
        for feature in ["acousticness", "danceability", "instrumentalness", "speechiness"] {
            let eta = SyntheticStats.etaSquared(try #require(table.column(named: feature)?.numericValues), by: labels)
            #expect(eta > 0.05, "\(feature) eta² = \(eta)")
        }
    }

    /// Hip-hop is the easiest class and electronic the hardest, mostly mistaken for rock;
    /// weighted F1 about 0.75 (histogram naive Bayes, every fifth row held out; a forest
    /// reaches about 0.75 too, see `Tests/reference/synthetic_check.py echonest`).
    @Test func separability() throws {
        let table = try echonest.get()
        let labels = SyntheticStats.codes(table, "genre", classes: Self.genres)
        let features = SyntheticStats.features(table, Self.features)
        let test = labels.indices.filter { $0 % 5 == 0 }
        let train = labels.indices.filter { $0 % 5 != 0 }
        let model = HistogramNaiveBayes(features: features, labels: labels, classCount: 3, rows: train)
        var confusion = [[Int]](repeating: [0, 0, 0], count: 3)
        for row in test { confusion[labels[row]][model.predict(features, row: row)] += 1 }
        let recall = (0..<3).map { Double(confusion[$0][$0]) / Double(confusion[$0].reduce(0, +)) }
        let predicted = (0..<3).map { c in confusion.reduce(0) { $0 + $1[c] } }
        let precision = (0..<3).map { Double(confusion[$0][$0]) / Double(max(predicted[$0], 1)) }
        let support = confusion.map { Double($0.reduce(0, +)) }
        let f1 = (0..<3).map { 2 * precision[$0] * recall[$0] / (precision[$0] + recall[$0]) }
        let weightedF1 = zip(f1, support).reduce(0) { $0 + $1.0 * $1.1 } / support.reduce(0, +)
        #expect(weightedF1 > 0.65 && weightedF1 < 0.85, "weighted F1 \(weightedF1), confusion \(confusion)")
        #expect(recall[1] > 0.75, "hip-hop recall \(recall[1])")
        #expect(recall[2] == recall.min(), "recall \(recall)")
        #expect(confusion[2][0] > confusion[2][1], "electronic tracks go to rock more than to hip-hop: \(confusion)")
        #expect(confusion[1][0] + confusion[1][2] < confusion[2][0] + confusion[2][1], "\(confusion)")
    }
}
