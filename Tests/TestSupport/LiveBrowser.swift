import Foundation

/// Headless Chromium keeping one page open, for pages that change by themselves (`report
/// serve` reloads its page after a build). The test reads the titles of the open pages
/// through Chromium's DevTools HTTP endpoint, `/json`. Used from one test at a time, from
/// whichever thread; it keeps no state that changes after `init`.
public final class LiveBrowser: @unchecked Sendable {
    private let process: Process
    private let profile: URL
    private let devToolsPort: UInt16

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts Chromium on `url`; waits up to `timeout` seconds for its DevTools endpoint.
    public init(url: String, timeout: Double = 30) throws {
        guard let executable = HeadlessBrowser.executable else { throw Failure(description: "chromium is not installed") }
        profile = try Fixtures.temporaryDirectory("live-browser")
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // Port 0: Chromium picks a free one and writes it to DevToolsActivePort in the profile.
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--remote-debugging-port=0", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        let file = profile.appendingPathComponent("DevToolsActivePort")
        let deadline = Date().addingTimeInterval(timeout)
        var port: UInt16?
        while port == nil {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let line = text.split(separator: "\n").first, let value = UInt16(line) {
                port = value
            } else if Date() > deadline || !process.isRunning {
                process.terminate()
                process.waitUntilExit()
                try? FileManager.default.removeItem(at: profile)
                throw Failure(description: "Chromium did not open its DevTools port within \(timeout) s")
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        devToolsPort = port ?? 0
    }

    deinit { close() }

    /// The titles of the open pages (not of Chromium's own views).
    public func pageTitles() throws -> [String] {
        struct Target: Decodable {
            let type: String
            let title: String
            let url: String
        }
        let response = try LoopbackHTTP.get("/json/list", port: devToolsPort, timeout: 10)
        let targets = try JSONDecoder().decode([Target].self, from: response.body)
        return targets.filter { $0.type == "page" && !$0.url.hasPrefix("chrome") }.map(\.title)
    }

    /// Ends Chromium and removes its profile.
    public func close() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: profile)
    }
}
