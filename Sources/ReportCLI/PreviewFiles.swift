import Foundation

/// The files `report serve` may send: those inside the report's output folder, by the path
/// of a request.
///
/// A path with a `..` segment is refused outright, whatever it would resolve to, and so is
/// one that still lands outside the folder after symbolic links are followed. Hidden names
/// (the build's staging folders) and folders are not served.
struct PreviewFiles: Sendable {
    /// Where a request path leads.
    enum Resolution: Equatable {
        case file(URL)
        /// The path tries to leave the folder.
        case forbidden
        case notFound
    }

    let folder: URL

    init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// The report page, the one that `report serve` adds its script to.
    var index: URL { folder.appendingPathComponent("index.html").standardizedFileURL }

    /// The file for `path`, already percent-decoded (`/`, `/index.html`, `/figures/a.png`).
    func resolve(_ path: String) -> Resolution {
        if path.contains("\0") || path.contains("\\") { return .forbidden }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains("..") { return .forbidden }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        let relative = segments.isEmpty ? "index.html" : segments.joined(separator: "/")
        let url = folder.appendingPathComponent(relative).standardizedFileURL

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
              !isDirectory.boolValue else { return .notFound }
        let root = folder.resolvingSymlinksInPath().path
        guard url.resolvingSymlinksInPath().path.hasPrefix(root + "/") else { return .forbidden }
        return .file(url)
    }

    /// The `Content-Type` of an output file, by its extension.
    static func contentType(for url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "json": "application/json"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
