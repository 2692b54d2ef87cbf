import Foundation
import Testing
import TestSupport
import ReportData

/// The real data set, when `../shared/data` is beside the project.
private let spotifyURL = Fixtures.sharedData("spotify_songs.csv")

/// A slow, plain RFC 4180 splitter used as an independent reference (no quotes inside
/// unquoted fields, LF line ends, as in the Spotify file).
private func referenceRecords(_ bytes: [UInt8]) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var i = 0
    while i < bytes.count {
        let c = bytes[i]
        if inQuotes {
            if c == UInt8(ascii: "\"") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                    field.append(c)
                    i += 1
                } else {
                    inQuotes = false
                }
            } else {
                field.append(c)
            }
        } else if c == UInt8(ascii: "\"") {
            inQuotes = true
        } else if c == UInt8(ascii: ",") {
            record.append(String(decoding: field, as: UTF8.self))
            field = []
        } else if c == UInt8(ascii: "\n") {
            record.append(String(decoding: field, as: UTF8.self))
            field = []
            records.append(record)
            record = []
        } else {
            field.append(c)
        }
        i += 1
    }
    if !field.isEmpty || !record.isEmpty {
        record.append(String(decoding: field, as: UTF8.self))
        records.append(record)
    }
    return records
}

@Suite("The real Spotify songs file", .enabled(
    if: spotifyURL != nil, "needs ../shared/data/spotify_songs.csv beside the project (absent here)"))
struct SpotifyFileTests {
    @Test func shapeTypesAndLabelCounts() throws {
        let table = try CSVReader.read(contentsOf: try #require(spotifyURL))
        #expect(table.rowCount == 32_828)
        #expect(table.columns.count == 23)
        #expect(table.column(named: "danceability")?.isNumeric == true)
        #expect(table.column(named: "duration_ms")?.isIntegral == true)
        #expect(table.column(named: "track_album_release_date")?.isNumeric == false)
        #expect(table.column(named: "track_id")?.isNumeric == false)
        let genres = try #require(table.column(named: "playlist_genre")).valueCounts()
        #expect(genres.map(\.value) == ["edm", "rap", "pop", "r&b", "latin", "rock"])
        #expect(genres.map(\.count) == [6043, 5743, 5507, 5431, 5153, 4951])
        #expect(table.columns.filter(\.isNumeric).map(\.name) == [
            "track_popularity", "danceability", "energy", "key", "loudness", "mode", "speechiness",
            "acousticness", "instrumentalness", "liveness", "valence", "tempo", "duration_ms",
        ])
        #expect(table.column(named: "tempo")?.numericValues?.contains(0) == true)
    }

    @Test func everyCellMatchesAnIndependentParse() throws {
        let url = try #require(spotifyURL)
        let table = try CSVReader.read(contentsOf: url)
        let records = referenceRecords([UInt8](try Data(contentsOf: url)))
        #expect(records.count == table.rowCount + 1)
        #expect(records[0] == table.columnNames)
        var mismatches = 0
        for (j, column) in table.columns.enumerated() {
            switch column.values {
            case .numeric(let values):
                for r in values.indices {
                    let raw = records[r + 1][j]
                    let expected = raw.isEmpty ? Double.nan : Double(raw)
                    guard let expected,
                          expected.bitPattern == values[r].bitPattern
                    else {
                        mismatches += 1
                        continue
                    }
                }
            case .text(let values):
                for r in values.indices where values[r] != records[r + 1][j] { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }
}
