import ArgumentParser
import Dispatch
import Foundation
import ReportEngine

/// `report serve FILE`
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a report in the browser, rebuilding it and reloading the page on every save.",
        // Paragraphs are single lines (joined with `\`): the help rewraps them to the terminal.
        discussion: """
        Builds FILE as `report build` would (same --out, --param and --format; HTML is \
        always written), serves OUT/FILE/ on 127.0.0.1 only, and watches FILE and the data \
        files it names, in its text or in --param values. On a save it rebuilds, and the \
        open page reloads where it was. When an edit does not build, the last good output \
        stays on disk and in the page, under a banner with the error (also printed here), \
        until the report builds again. Nothing the preview adds to the page is written to disk.

        Examples:

          report serve reports/beatport.md
          report serve reports/beatport.md --port 0 --param per_genre=2000

        then open the printed address. Ctrl-C stops.
        """
    )

    @Argument(help: "The report file to preview.")
    var report: String

    @Option(name: .long, help: "Port on 127.0.0.1; 0 picks a free one.")
    var port: Int = 8000

    @Option(name: .long, help: "Folder for the outputs.")
    var out: String = "out"

    @OptionGroup var options: BuildOptions

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, found \(port)")
        }
    }

    func run() throws {
        var settings = try options.settings(outDirectory: out)
        settings.formats.insert(.html)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: report, isDirectory: &isDirectory) else {
            throw ReportError("no such file: \(report)", at: nil)
        }
        guard !isDirectory.boolValue else {
            throw ReportError("\(report) is a folder; `report serve` previews one report file", at: nil)
        }

        let quiet = options.quiet
        let server = PreviewServer(reportPath: report, settings: settings, port: UInt16(port),
                                   progress: options.progress, onEvent: { Self.show($0, quiet: quiet) })
        let shown = Self.displayPath(server.outputFolder.path) + "/"
        let report = report
        try Self.blockUntilDone {
            let port = try await server.start()
            // Written unbuffered: a script waiting for this line must see it while serving goes on.
            let line = "Serving \(shown) at http://127.0.0.1:\(port)/ — edit \(report) and the page reloads; Ctrl-C stops.\n"
            FileHandle.standardOutput.write(Data(line.utf8))
            await Self.interrupted()
            await server.stop()
        }
    }

    private static func show(_ event: PreviewServer.Event, quiet: Bool) {
        let line: String
        switch event {
        case .changed(let files):
            guard !quiet else { return }
            let names = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
            line = "\(names) changed: rebuilding"
        case .built(let seconds):
            guard !quiet else { return }
            line = "Built in \(String(format: "%.2f", seconds)) s"
        case .failed(let message):
            // Shown even with --quiet: the terminal is where the full error is read.
            line = message + "\nThe page keeps the last good build until the report builds again."
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Waits for Ctrl-C (SIGINT) or SIGTERM. A second Ctrl-C while stopping ends the process at once.
    private static func interrupted() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = OnceFlag()
            var sources: [DispatchSourceSignal] = []
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    if once.set() {
                        FileHandle.standardError.write(Data("\nStopping.\n".utf8))
                        signal(number, SIG_DFL)
                        continuation.resume()
                    }
                }
                source.resume()
                sources.append(source)
            }
            // The sources live as long as the process: serving ends with it.
            SignalSources.keep(sources)
        }
    }

    /// Runs `body` to completion from the synchronous `run()` that ArgumentParser calls.
    private static func blockUntilDone(_ body: @escaping @Sendable () async throws -> Void) throws {
        let outcome = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await body() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    private static func displayPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

/// True the first time only, from any thread.
private final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func set() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return false }
        done = true
        return true
    }
}

/// The error of an async body, handed to the thread that waited for it.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); defer { lock.unlock() }; stored = newValue }
    }
}

/// Keeps signal sources alive after the function that made them returns.
private enum SignalSources {
    nonisolated(unsafe) private static var kept: [DispatchSourceSignal] = []
    private static let lock = NSLock()

    static func keep(_ sources: [DispatchSourceSignal]) {
        lock.lock()
        defer { lock.unlock() }
        kept += sources
    }
}
