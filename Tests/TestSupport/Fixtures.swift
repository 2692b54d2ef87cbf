import Foundation

/// Locations of test fixtures and of the shared real data, resolved from this file's path
/// so that tests work from any working directory.
public enum Fixtures {
    /// The package root (the folder holding `Package.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let root: URL = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// A file under `Tests/Fixtures`.
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The bytes of a fixture file as UTF-8 text.
    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// `../shared/data/NAME` beside the project, or `nil` when it is absent (tests then skip
    /// and say why).
    public static func sharedData(_ name: String) -> URL? {
        let url = packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/data/\(name)")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A fresh empty temporary folder.
    public static func temporaryDirectory(_ label: String = "report-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
