import Foundation
import Testing
import TestSupport
@testable import ReportData

/// The default `spotify-songs` table (32,828 rows, seed 42), shared by the tests.
private let songs = Result { try Synthetic.table(profile: "spotify-songs", seed: 42) }

/// Per-genre means and standard deviations of the real `shared/data/spotify_songs.csv`
/// (pandas, sample sd), the targets of `Tests/reference/calibrate_profiles.py`.
private let realMeans: [String: [String: Double]] = [
    "edm": ["danceability": 0.655, "energy": 0.802, "loudness": -5.427, "speechiness": 0.087, "acousticness": 0.082,
            "instrumentalness": 0.219, "liveness": 0.212, "valence": 0.401, "tempo": 125.768, "duration_ms": 222_541,
            "track_popularity": 34.834],
    "latin": ["danceability": 0.713, "energy": 0.708, "loudness": -6.264, "speechiness": 0.103, "acousticness": 0.211,
              "instrumentalness": 0.044, "liveness": 0.181, "valence": 0.605, "tempo": 118.631, "duration_ms": 216_844,
              "track_popularity": 47.045],
    "pop": ["danceability": 0.639, "energy": 0.701, "loudness": -6.315, "speechiness": 0.074, "acousticness": 0.171,
            "instrumentalness": 0.06, "liveness": 0.177, "valence": 0.504, "tempo": 120.743, "duration_ms": 217_768,
            "track_popularity": 47.745],
    "r&b": ["danceability": 0.67, "energy": 0.591, "loudness": -7.865, "speechiness": 0.117, "acousticness": 0.26,
            "instrumentalness": 0.029, "liveness": 0.175, "valence": 0.531, "tempo": 114.222, "duration_ms": 237_599,
            "track_popularity": 41.224],
    "rap": ["danceability": 0.718, "energy": 0.651, "loudness": -7.043, "speechiness": 0.197, "acousticness": 0.193,
            "instrumentalness": 0.076, "liveness": 0.192, "valence": 0.505, "tempo": 120.661, "duration_ms": 214_155,
            "track_popularity": 43.238],
    "rock": ["danceability": 0.521, "energy": 0.733, "loudness": -7.589, "speechiness": 0.058, "acousticness": 0.145,
             "instrumentalness": 0.062, "liveness": 0.203, "valence": 0.537, "tempo": 124.989, "duration_ms": 248_577,
             "track_popularity": 41.728],
]
private let realSDs: [String: [String: Double]] = [
    "edm": ["danceability": 0.124, "energy": 0.139, "loudness": 2.371, "valence": 0.226, "tempo": 15.322],
    "latin": ["danceability": 0.115, "energy": 0.152, "loudness": 2.866, "valence": 0.222, "tempo": 29.133],
    "pop": ["danceability": 0.128, "energy": 0.171, "loudness": 2.622, "valence": 0.22, "tempo": 24.748],
    "r&b": ["danceability": 0.138, "energy": 0.179, "loudness": 2.891, "valence": 0.226, "tempo": 28.639],
    "rap": ["danceability": 0.136, "energy": 0.17, "loudness": 3.055, "valence": 0.225, "tempo": 31.646],
    "rock": ["danceability": 0.14, "energy": 0.195, "loudness": 3.38, "valence": 0.229, "tempo": 28.061],
]

/// The 12 ordered regex bins of the genre-bins study (seeds/002): plain alternations of
/// substrings, first match wins.
private let studyBins: [(String, [String])] = [
    ("pop", ["pop", "indie", "a cappella", "doo-wop", "boy band", "christmas", "halloween"]),
    ("rock", ["rock", "jam band", "dreamo", "screamo", "emo", "grunge", "pixie", "new wave", "surf music"]),
    ("jazz/blues", ["jazz", "swing", "broadway", "blues", "r&b", "fusion", "disney", "barbershop", "hollywood",
                    "show tunes", "ragtime", "stride", "big band", " hard bop", " post bop", "cabaret"]),
    ("hardcore", ["metal", "punk", "djent", "deathcore", "hardcore", "thrash"]),
    ("dance", ["dub", "techno", "electro", "trance", "house", "step", "turntablism", "jack swing", "edm", "room",
               "drum and bass", "workout", "otacore", "glitch", "vapor", "eurodance", "hardstyle", "wonky", "rave"]),
    ("country, folk", ["country", "folk", "bluegrass", "nursery", "americana", "western", "hawaiian", "zydeco", "zouk",
                       "redneck", "children", "lift kit"]),
    ("rap/hip hop", ["rap", "hip hop", "lo-fi", "chillhop", "trip hop", "drill", "downtempo"]),
    ("classical", ["classical", "romantic", "opera", "orchestra", "movie", "baroque", "piano", "choral", "wind ensemble",
                   "string quartet", " video game", "soundtrack", "fingerstyle", "chiptune", "epicore", "violin",
                   "flamenco", "filmi", "marching"]),
    ("old school dance", ["funk", "soul", "disco", "reggae", "afropop", "azontobeats", "ska", "opm", "soca"]),
    ("mexicano/latino", ["mexican", "tejano", "norteno", "cumbia", "banda", "mariachi", "reggaeton", "urbano",
                         "latin christian", "bossa", "bolero", "salsa", "cubaton", "rumba", "boogaloo"]),
    ("gospel/worship", ["gospel", "worship", "praise"]),
    ("focus/sleep", ["focus", "sleep", "relax", "mellow", "ambient", "chill lounge", "meditation"]),
]

@Suite("Synthetic spotify-songs")
struct SpotifySongsProfileTests {
    static let genres = ["edm", "rap", "pop", "r&b", "latin", "rock"]

    @Test func shapeAndCounts() throws {
        let table = try songs.get()
        #expect(table.rowCount == 32_828)
        #expect(table.columnNames == [
            "track_id", "track_name", "track_artist", "track_popularity", "playlist_genre", "playlist_subgenre",
            "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness", "instrumentalness",
            "liveness", "valence", "tempo", "duration_ms", "artist_genres",
        ])
        let counts = try #require(table.column(named: "playlist_genre")).valueCounts()
        #expect(counts.map(\.value) == Self.genres)
        #expect(counts.map(\.count) == [6043, 5743, 5507, 5431, 5153, 4951])
        let genre = try #require(table.column(named: "playlist_genre")?.textValues)
        let subgenre = try #require(table.column(named: "playlist_subgenre")?.textValues)
        var subgenres: [String: Set<String>] = [:]
        for (g, s) in zip(genre, subgenre) { subgenres[g ?? "", default: []].insert(s ?? "") }
        #expect(subgenres.values.allSatisfy { $0.count == 4 })
        #expect(subgenres["edm"] == ["big room", "electro house", "pop edm", "progressive electro house"])
        #expect(subgenres["rock"] == ["album rock", "classic rock", "hard rock", "permanent wave"])
        #expect(Set(subgenres.values.flatMap { $0 }).count == 24)
        // Rows are shuffled: the first hundred hold several genres.
        #expect(Set(genre.prefix(100)).count >= 5)
        let ids = try #require(table.column(named: "track_id")?.textValues)
        #expect(ids.allSatisfy { $0?.utf8.count == 22 })
        let popularity = try #require(table.column(named: "track_popularity")?.numericValues)
        #expect(popularity.allSatisfy { (0...100).contains($0) && $0 == $0.rounded() })
        let zeros = Double(popularity.filter { $0 == 0 }.count) / Double(popularity.count)
        #expect(zeros > 0.06 && zeros < 0.11, "popularity 0 share \(zeros)")
        for name in ["key", "mode", "duration_ms", "track_popularity"] {
            #expect(table.column(named: name)?.isIntegral == true, "\(name)")
        }
    }

    @Test func rowOptionsKeepOrBalanceTheProportions() throws {
        let scaled = try Synthetic.table(profile: "spotify-songs", rows: 1000, seed: 1)
        let counts = try #require(scaled.column(named: "playlist_genre")).valueCounts()
        #expect(counts.map(\.count) == [184, 174, 168, 166, 157, 151])
        let balanced = try Synthetic.table(profile: "spotify-songs", rowsPerClass: 50, seed: 1)
        let even = try #require(balanced.column(named: "playlist_genre")).valueCounts()
        #expect(even.count == 6 && even.allSatisfy { $0.count == 50 })
        #expect(SpotifySongsProfile.subgenreCounts(rows: 7, rowsPerClass: nil).reduce(0, +) == 7)
    }

    /// The audio features are calibrated per genre against the real file.
    @Test func perGenreMeansAndSpreadsMatchTheRealFile() throws {
        let table = try songs.get()
        let genre = try #require(table.column(named: "playlist_genre")?.textValues)
        for g in Self.genres {
            let rows = genre.indices.filter { genre[$0] == g }
            for (feature, target) in realMeans[g] ?? [:] {
                let values = try #require(table.column(named: feature)?.numericValues)
                let mean = SyntheticStats.mean(rows.map { values[$0] })
                let tolerance: Double
                switch feature {
                case "instrumentalness": tolerance = 0.15
                case "speechiness", "acousticness", "liveness": tolerance = 0.08
                default: tolerance = 0.03
                }
                #expect(abs(mean / target - 1) < tolerance, "\(g) \(feature): \(mean) vs real \(target)")
            }
            for (feature, target) in realSDs[g] ?? [:] {
                let values = try #require(table.column(named: feature)?.numericValues)
                let sd = SyntheticStats.sd(rows.map { values[$0] })
                #expect(abs(sd / target - 1) < 0.1, "\(g) \(feature) sd: \(sd) vs real \(target)")
            }
        }
    }

    /// Compared with the real file itself when it is beside the project.
    @Test(.enabled(if: Fixtures.sharedData("spotify_songs.csv") != nil, "../shared/data/spotify_songs.csv is absent"))
    func correlationsMatchTheRealFile() throws {
        let table = try songs.get()
        let real = try CSVReader.read(contentsOf: try #require(Fixtures.sharedData("spotify_songs.csv")))
        for (a, b) in [("loudness", "energy"), ("acousticness", "energy"), ("danceability", "valence")] {
            let synthetic = SyntheticStats.pearson(
                try #require(table.column(named: a)?.numericValues), try #require(table.column(named: b)?.numericValues))
            let target = SyntheticStats.pearson(
                try #require(real.column(named: a)?.numericValues), try #require(real.column(named: b)?.numericValues))
            // The copula reproduces the real normal-score correlations; Pearson's r on the raw
            // values comes out within about 0.1 (acousticness–energy: -0.43 against -0.54).
            #expect(abs(synthetic - target) < 0.12, "\(a)–\(b): \(synthetic) vs real \(target)")
        }
    }

    @Test func loudnessEnergyCorrelation() throws {
        let table = try songs.get()
        let r = SyntheticStats.pearson(
            try #require(table.column(named: "loudness")?.numericValues),
            try #require(table.column(named: "energy")?.numericValues))
        #expect(r > 0.6 && r < 0.75, "loudness–energy r = \(r) (real 0.677)")
    }

    /// Artist genre strings: several Spotify genres per artist, one artist always the same
    /// string, and the study's ordered regex rules bin them into (nearly) all 12 targets
    /// with pop the largest, as in the study.
    @Test func artistGenresBinLikeTheStudy() throws {
        let table = try songs.get()
        let artists = try #require(table.column(named: "track_artist")?.textValues)
        let strings = try #require(table.column(named: "artist_genres")?.textValues)
        let present = strings.compactMap { $0 }
        let missing = Double(strings.count - present.count) / Double(strings.count)
        #expect(missing > 0.005 && missing < 0.05, "no-genre share \(missing)")
        let perRow = present.map { $0.split(separator: ",").count }
        #expect(SyntheticStats.mean(perRow.map(Double.init)) > 2.5)
        #expect(perRow.allSatisfy { $0 >= 2 })
        #expect(present.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(",") && !$0.contains(",,") })
        #expect(present.contains("big room, edm, electro house") || present.contains { $0.hasPrefix("big room, edm, electro house") })
        // Artists repeat: about three tracks each, some with many.
        let artistCounts = Dictionary(artists.map { ($0 ?? "", 1) }, uniquingKeysWith: +)
        #expect(artistCounts.count > 3000 && artistCounts.count < 16_000, "\(artistCounts.count) artists")
        #expect((artistCounts.values.max() ?? 0) >= 40)
        var bins: [String: Int] = [:]
        var unmatched = 0
        for text in strings {
            let lower = (text ?? "").lowercased()
            if let bin = studyBins.first(where: { rule in rule.1.contains { lower.contains($0) } }) {
                bins[bin.0, default: 0] += 1
            } else {
                unmatched += 1
            }
        }
        #expect(bins.count >= 11, "bins reached: \(bins)")
        #expect(bins.max { $0.value < $1.value }?.key == "pop")
        let popShare = Double(bins["pop"] ?? 0) / Double(strings.count)
        #expect(popShare > 0.3 && popShare < 0.55, "pop share \(popShare)")
        #expect(Double(unmatched) / Double(strings.count) < 0.08)
        for bin in ["rock", "rap/hip hop", "dance", "jazz/blues", "old school dance", "hardcore", "mexicano/latino"] {
            #expect(Double(bins[bin] ?? 0) / Double(strings.count) > 0.02, "\(bin): \(bins[bin] ?? 0)")
        }
    }

    /// Real catalogue text: non-ASCII letters, commas and quotes (so the CSV has quoted
    /// fields), and a CSV round trip gives the table back.
    @Test func catalogueTextAndCSVRoundTrip() throws {
        let table = try Synthetic.table(profile: "spotify-songs", rows: 2000, seed: 3)
        let names = (table.column(named: "track_name")?.textValues ?? []).compactMap { $0 }
            + (table.column(named: "track_artist")?.textValues ?? []).compactMap { $0 }
        #expect(names.contains { $0.contains(",") })
        #expect(names.contains { $0.contains("\"") })
        #expect(names.contains { $0.unicodeScalars.contains { !$0.isASCII } })
        let text = CSVWriter.write(table)
        let back = try CSVReader.read(text: text)
        #expect(back.columnNames == table.columnNames)
        for name in ["track_name", "track_artist", "artist_genres", "playlist_subgenre"] {
            #expect(back.column(named: name)?.textValues == table.column(named: name)?.textValues, "\(name)")
        }
        for name in ["danceability", "loudness", "tempo", "duration_ms", "instrumentalness"] {
            #expect(back.column(named: name)?.numericValues == table.column(named: name)?.numericValues, "\(name)")
        }
    }
}
