import Foundation

/// A throwaway report folder: write files into it, then build.
public struct ReportFixture {
    public let directory: URL

    public init(_ label: String = "report-fixture") throws {
        directory = try Fixtures.temporaryDirectory(label)
    }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    public func read(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    public func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path)
    }

    /// A small CSV of tracks: three genres, four numeric features, a text column.
    public static let tracksCSV: String = {
        var lines = ["track,genre,energy,loudness,tempo,valence"]
        let genres = ["Techno", "Disco", "Psy-Trance"]
        for row in 0..<60 {
            let genre = genres[row % 3]
            let energy = 0.5 + Double((row * 37) % 50) / 100
            let loudness = -12 + energy * 8 + Double((row * 13) % 7) / 10
            let tempo = 110 + Double(row % 3) * 12 + Double((row * 7) % 9)
            let valence = Double((row * 29) % 97) / 100
            lines.append("\"Track \(row), mix\",\(genre),\(energy),\(loudness),\(tempo),\(valence)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()
}
