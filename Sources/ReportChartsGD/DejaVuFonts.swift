import Foundation

/// Paths of the DejaVu Sans regular and bold font files, found once per process.
///
/// The charts always use DejaVu Sans, so the same data gives the same PNG bytes on every
/// machine that has the Debian package fonts-dejavu-core (or the same files elsewhere).
struct DejaVuFonts: Sendable {
    /// DejaVuSans.ttf.
    var regular: String
    /// DejaVuSans-Bold.ttf.
    var bold: String

    /// Folders searched, in order, before a recursive look through the font roots.
    static let searchFolders = [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/share/fonts/dejavu-sans-fonts",
        "/usr/local/share/fonts",
        "/usr/local/share/fonts/dejavu",
        "/opt/homebrew/share/fonts",
        "/Library/Fonts",
        NSHomeDirectory() + "/Library/Fonts",
        NSHomeDirectory() + "/.local/share/fonts",
        NSHomeDirectory() + "/.fonts",
    ]

    /// Roots walked recursively (as fontconfig would) when the usual folders lack the files.
    static let searchRoots = ["/usr/share/fonts", "/usr/local/share/fonts", NSHomeDirectory() + "/.local/share/fonts"]

    /// The fonts of this process, located on first use.
    static let shared: Result<DejaVuFonts, GDError> = Result { try locate() }.mapError { error in
        (error as? GDError) ?? .fontNotFound(file: "DejaVuSans.ttf", searched: searchFolders)
    }

    /// Finds both files, preferring `REPORT_FONT_DIR` when that environment variable is set.
    static func locate() throws -> DejaVuFonts {
        var folders = searchFolders
        if let custom = ProcessInfo.processInfo.environment["REPORT_FONT_DIR"], !custom.isEmpty {
            folders.insert(custom, at: 0)
        }
        func find(_ file: String) throws -> String {
            let manager = FileManager.default
            for folder in folders {
                let path = folder + "/" + file
                if manager.isReadableFile(atPath: path) { return path }
            }
            for root in searchRoots {
                guard let walker = manager.enumerator(atPath: root) else { continue }
                while let relative = walker.nextObject() as? String {
                    if (relative as NSString).lastPathComponent == file {
                        return root + "/" + relative
                    }
                }
            }
            throw GDError.fontNotFound(file: file, searched: folders + searchRoots)
        }
        return DejaVuFonts(regular: try find("DejaVuSans.ttf"), bold: try find("DejaVuSans-Bold.ttf"))
    }

    /// The file for `bold` or regular text.
    func path(bold: Bool) -> String {
        bold ? self.bold : regular
    }
}
