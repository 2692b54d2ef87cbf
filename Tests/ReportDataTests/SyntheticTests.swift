import Testing
@testable import ReportData

/// Pearson's correlation of two equally long arrays.
private func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in x.indices {
        let dx = x[i] - mx
        let dy = y[i] - my
        sxy += dx * dy
        sxx += dx * dx
        syy += dy * dy
    }
    return sxy / (sxx * syy).squareRoot()
}

/// The rows of `table` whose `genre` is `genre`.
private func rows(of genre: String, in table: Table) -> [Int] {
    let labels = table.column(named: "genre")?.textValues ?? []
    return labels.indices.filter { labels[$0] == genre }
}

/// The beatport table shared by the statistical tests (6 × 3,000 rows).
private let beatport = Result { try Synthetic.table(profile: "beatport", rowsPerClass: 3_000, seed: 42) }

@Suite("Synthetic data")
struct SyntheticTests {
    static let genres = [
        "Minimal / Deep Tech", "Psy-Trance", "Techno (Peak Time / Driving)", "Drum & Bass",
        "Electronica", "Nu Disco / Disco",
    ]

    @Test func profilesAndLabels() throws {
        #expect(Synthetic.profiles == ["beatport"])
        #expect(Synthetic.labelColumn(profile: "beatport") == "genre")
        #expect(Synthetic.labelColumn(profile: "nope") == nil)
        #expect(Synthetic.classes(profile: "beatport") == Self.genres)
        #expect(throws: SyntheticError.unknownProfile("nope", available: ["beatport"])) {
            try Synthetic.table(profile: "nope", rows: 10, rowsPerClass: nil, seed: 1)
        }
        let message = SyntheticError.unknownProfile("nope", available: ["beatport"]).description
        #expect(message.contains("beatport"))
        #expect(throws: SyntheticError.self) {
            try Synthetic.table(profile: "beatport", rows: 0, rowsPerClass: nil, seed: 1)
        }
    }

    @Test func deterministicPerSeed() throws {
        let a = try Synthetic.table(profile: "beatport", rows: 600, rowsPerClass: nil, seed: 7)
        let b = try Synthetic.table(profile: "beatport", rows: 600, rowsPerClass: nil, seed: 7)
        let c = try Synthetic.table(profile: "beatport", rows: 600, rowsPerClass: nil, seed: 8)
        #expect(a == b)
        #expect(CSVWriter.write(a) == CSVWriter.write(b))
        #expect(a != c)
        // A class's tracks do not depend on how many tracks the other classes get.
        let small = try Synthetic.table(profile: "beatport", rows: 60, rowsPerClass: nil, seed: 7)
        #expect(small.column(named: "tempo")?.numericValues?.prefix(60) == a.column(named: "tempo")?.numericValues?.prefix(60))
    }

    @Test func pinnedFirstRow() throws {
        let table = try Synthetic.table(profile: "beatport", rows: 6, rowsPerClass: nil, seed: 42)
        let first = table.columns.map { $0.displayValue(at: 0) ?? "" }.joined(separator: ",")
        #expect(first == "bp000001,0.502,0.816,3,-6.64,0,0.0549,0.042,0.945,0.0992,0.211,61.999,541130,4,Minimal / Deep Tech")
    }

    @Test func rowCountsAndColumns() throws {
        let byTotal = try Synthetic.table(profile: "beatport", rows: 100, rowsPerClass: nil, seed: 1)
        #expect(byTotal.rowCount == 100)
        let counts = try #require(byTotal.column(named: "genre")).valueCounts()
        #expect(counts.map(\.count) == [17, 17, 17, 17, 16, 16])
        let perClass = try Synthetic.table(profile: "beatport", rows: 100, rowsPerClass: 5, seed: 1)
        #expect(perClass.rowCount == 30)
        #expect(perClass.column(named: "genre")?.textValues?.prefix(6).map { $0 ?? "" } == Self.genres)
        #expect(perClass.columnNames == [
            "track_id", "danceability", "energy", "key", "loudness", "mode", "speechiness",
            "acousticness", "instrumentalness", "liveness", "valence", "tempo", "duration_ms",
            "time_signature", "genre",
        ])
        #expect(perClass.column(named: "track_id")?.textValues?.first == "bp000001")
        #expect(perClass.column(named: "track_id")?.textValues?.last == "bp000030")
        #expect(try Synthetic.classCounts(classes: 6, rows: nil, rowsPerClass: nil) == Array(repeating: 20_000, count: 6))
    }

    @Test func sixGenresEvenlySplit() throws {
        let table = try beatport.get()
        let counts = try #require(table.column(named: "genre")).valueCounts()
        #expect(Set(counts.map(\.value)) == Set(Self.genres))
        #expect(counts.allSatisfy { $0.count == 3_000 })
    }

    @Test func rangesAndRounding() throws {
        let table = try beatport.get()
        for name in ["danceability", "energy", "speechiness", "acousticness", "instrumentalness", "liveness", "valence"] {
            let values = try #require(table.column(named: name)?.numericValues)
            #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(name)")
        }
        let loudness = try #require(table.column(named: "loudness")?.numericValues)
        #expect(loudness.allSatisfy { $0 < 0 && $0 > -60 })
        for name in ["key", "mode", "duration_ms", "time_signature"] {
            #expect(table.column(named: name)?.isIntegral == true, "\(name)")
        }
        let keys = try #require(table.column(named: "key")?.numericValues)
        #expect(keys.allSatisfy { (0...11).contains($0) })
        let signatures = try #require(table.column(named: "time_signature")?.numericValues)
        let fours = Double(signatures.filter { $0 == 4 }.count) / Double(signatures.count)
        #expect(fours > 0.95 && fours < 0.99)
        #expect(Set(signatures) == [3, 4, 5])
        // Three decimals at most, as Spotify writes them.
        for name in ["danceability", "energy", "loudness", "tempo", "valence"] {
            let values = try #require(table.column(named: name)?.numericValues)
            #expect(values.allSatisfy { ($0 * 1000).rounded() / 1000 == $0 }, "\(name)")
        }
    }

    @Test func correlations() throws {
        let table = try beatport.get()
        let numeric = table.columns.filter(\.isNumeric)
        let r = pearson(
            try #require(table.column(named: "loudness")?.numericValues),
            try #require(table.column(named: "energy")?.numericValues))
        #expect(r > 0.6 && r < 0.8, "loudness–energy r = \(r)")
        for i in numeric.indices {
            for j in numeric.indices where j > i {
                let pair = Set([numeric[i].name, numeric[j].name])
                if pair == ["loudness", "energy"] { continue }
                let rij = pearson(numeric[i].numericValues ?? [], numeric[j].numericValues ?? [])
                #expect(abs(rij) < 0.8, "\(numeric[i].name)–\(numeric[j].name) r = \(rij)")
            }
        }
    }

    @Test func durationAndModeAlikeAcrossGenres() throws {
        let table = try beatport.get()
        let duration = try #require(table.column(named: "duration_ms")?.numericValues)
        let mode = try #require(table.column(named: "mode")?.numericValues)
        let overall = duration.reduce(0, +) / Double(duration.count)
        for genre in Self.genres {
            let picked = rows(of: genre, in: table)
            let mean = picked.map { duration[$0] }.reduce(0, +) / Double(picked.count)
            #expect(abs(mean / overall - 1) < 0.03, "\(genre) duration")
            let major = picked.map { mode[$0] }.reduce(0, +) / Double(picked.count)
            #expect(major > 0.42 && major < 0.58, "\(genre) mode")
        }
        let minutes = duration.map { $0 / 60_000 }
        let extended = Double(minutes.filter { $0 >= 5 && $0 <= 8 }.count) / Double(minutes.count)
        #expect(extended > 0.6)
    }

    @Test func tempoConventions() throws {
        let table = try beatport.get()
        let tempo = try #require(table.column(named: "tempo")?.numericValues)
        /// The median tempo of a genre.
        func median(_ genre: String) -> Double {
            let values = rows(of: genre, in: table).map { tempo[$0] }.sorted()
            return values[values.count / 2]
        }
        #expect((120...126).contains(median("Minimal / Deep Tech")))
        #expect((128...140).contains(median("Techno (Peak Time / Driving)")))
        #expect((138...148).contains(median("Psy-Trance")))
        #expect((110...124).contains(median("Nu Disco / Disco")))
        let dnb = rows(of: "Drum & Bass", in: table).map { tempo[$0] }
        let halfTime = Double(dnb.filter { $0 < 100 }.count) / Double(dnb.count)
        #expect(halfTime > 0.2 && halfTime < 0.6)
        let conventional = dnb.filter { (81...92).contains($0) || (163...183).contains($0) }
        #expect(Double(conventional.count) / Double(dnb.count) > 0.6)
    }
}
