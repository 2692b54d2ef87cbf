import Foundation
import Testing
@testable import ReportData

/// The default `lastfm` table (10,000 rows, seed 42).
private let lastfm = Result { try Synthetic.table(profile: "lastfm", seed: 42) }

/// The tags of every row, split at commas and trimmed.
private func tagLists(_ table: Table) -> [[String]] {
    (table.column(named: "tags")?.textValues ?? []).map { text in
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A tag with case, hyphen and space variants merged (`Hip-Hop` → `hip hop`).
private func merged(_ tag: String) -> String {
    tag.lowercased().replacingOccurrences(of: "-", with: " ")
}

@Suite("Synthetic lastfm")
struct LastfmProfileTests {
    static let pitches = LastfmProfile.pitchNames.map { "pitch_" + $0 } + LastfmProfile.pitchNames.map { "pitch_" + $0 + "_std" }

    @Test func shape() throws {
        let table = try lastfm.get()
        #expect(table.rowCount == 10_000)
        #expect(Array(table.columnNames.prefix(4)) == ["track_id", "name", "artist_names", "tags"])
        #expect(table.columnNames.contains("pitch_C") && table.columnNames.contains("pitch_B_std"))
        #expect(table.columns.count == 4 + 13 + 24)
        #expect(table.columns.dropFirst(4).allSatisfy { $0.isNumeric })
        for name in Self.pitches {
            let values = try #require(table.column(named: name)?.numericValues)
            #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(name)")
        }
        #expect(try Synthetic.table(profile: "lastfm", rows: 250, seed: 1).rowCount == 250)
    }

    /// Several user tags per track, in hyphen, space and case variants, with noise tags:
    /// artist names, "seen live", "favourites"; rock on about a third of the tracks and pop
    /// on about a fifth, as in the study.
    @Test func tags() throws {
        let table = try lastfm.get()
        let lists = tagLists(table)
        #expect(lists.allSatisfy { $0.count >= 3 })
        let mean = SyntheticStats.mean(lists.map { Double($0.count) })
        #expect(mean > 3.5 && mean < 7, "tags per track \(mean)")
        let raw = Set(lists.flatMap { $0 })
        #expect(raw.count > 1500, "\(raw.count) distinct raw tags")
        for variant in ["hip-hop", "hip hop", "Hip-Hop", "Hip Hop", "classic rock", "Classic Rock", "classic-rock",
                        "seen live", "favourites", "favorites", "female vocalists"] {
            #expect(raw.contains(variant), "\(variant)")
        }
        let artists = Set((table.column(named: "artist_names")?.textValues ?? []).compactMap { $0 })
        #expect(raw.intersection(artists).count > 300, "artist names used as tags")
        let mergedLists = lists.map { Set($0.map(merged)) }
        #expect(Set(mergedLists.flatMap { $0 }).count < raw.count)
        func share(_ tag: String) -> Double { Double(mergedLists.filter { $0.contains(tag) }.count) / Double(lists.count) }
        #expect(share("rock") > 0.28 && share("rock") < 0.45, "rock \(share("rock"))")
        #expect(share("pop") > 0.15 && share("pop") < 0.3, "pop \(share("pop"))")
        #expect(share("hip hop") > 0.04, "hip hop \(share("hip hop"))")
        // Some tracks carry two spellings of one genre, which merging collapses.
        #expect(lists.contains { list in Set(list.map(merged)).count < list.count })
    }

    /// The pitch features carry the genre tags (so multi-label models can learn them) but not
    /// the noise tags: a histogram naive Bayes on the 24 pitch features alone, trained on 70%,
    /// ranks the held-out tracks by each tag with an AUC well above one half for genre tags
    /// and near one half for "seen live".
    @Test func pitchFeaturesCarryGenreTags() throws {
        let table = try lastfm.get()
        let lists = tagLists(table).map { Set($0.map(merged)) }
        let features = SyntheticStats.features(table, Self.pitches)
        let train = lists.indices.filter { $0 % 10 < 7 }
        let test = lists.indices.filter { $0 % 10 >= 7 }
        func auc(_ tag: String) -> Double {
            let labels = lists.map { $0.contains(tag) ? 1 : 0 }
            let model = HistogramNaiveBayes(features: features, labels: labels, classCount: 2, rows: train)
            let scores = test.map { row -> Double in
                let s = model.scores(features, row: row)
                return s[1] - s[0]
            }
            return SyntheticStats.auc(scores: scores, truth: test.map { labels[$0] == 1 })
        }
        for tag in ["electronic", "classic rock", "hip hop", "metal", "folk"] {
            let value = auc(tag)
            #expect(value > 0.65, "\(tag) AUC \(value)")
        }
        let noise = auc("seen live")
        #expect(noise > 0.4 && noise < 0.6, "seen live AUC \(noise)")
    }
}
