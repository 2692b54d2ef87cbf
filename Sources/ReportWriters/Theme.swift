import Foundation

/// The HTML theme files shipped in `assets/` (template and stylesheet).
enum Theme {
    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "assets") else {
            throw ThemeError(message: "theme file assets/\(name) is missing from the installation")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

struct ThemeError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
