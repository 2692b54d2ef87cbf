import FlyingFox
import FlyingSocks
import Foundation
import ReportEngine

/// The live preview behind `report serve`: builds a report, serves its output folder on
/// 127.0.0.1, rebuilds when the report or a file it names changes (see `SourceSnapshot`),
/// and makes open pages reload.
///
/// Builds run one at a time on a queue of their own, never on the threads that answer
/// requests, so pages and figures load while a model trains. A save is picked up within two
/// poll intervals: a change has to hold still for one interval before it is built, so that
/// a burst of saves makes one build. A build that fails leaves the last good output on disk;
/// the pages then show the error in a banner above it (see `PreviewPage`).
actor PreviewServer {
    /// What happened, for the terminal.
    enum Event: Sendable, Equatable {
        /// Files changed (paths relative to the report's folder where possible); a build starts.
        case changed([String])
        case built(seconds: Double)
        /// The build failed with this message (`FILE:LINE: error: …`).
        case failed(String)
    }

    nonisolated let reportPath: String
    /// `<out>/<report name>`, the folder served.
    nonisolated let outputFolder: URL
    private let settings: BuildSettings
    private let requestedPort: UInt16
    private let pollInterval: Duration
    private let progress: any ProgressSink
    private let onEvent: @Sendable (Event) -> Void

    private let status = PreviewStatus()
    private let buildQueue = DispatchQueue(label: "report.serve.build", qos: .userInitiated)
    private var server: HTTPServer?
    private var watchTask: Task<Void, Never>?
    private var stopped = false

    /// How long a page's poll waits for a new build before it is answered with the same one.
    static let longPollTimeout: Duration = .seconds(25)

    /// - Parameters:
    ///   - reportPath: the report file, as the user wrote it (error messages show it so).
    ///   - settings: as for `report build`; the output goes to `<out>/<report name>/`.
    ///   - port: the port on 127.0.0.1; 0 lets the system pick a free one.
    ///   - pollInterval: how often the report's files are checked for changes.
    ///   - progress: where builds report their steps.
    ///   - onEvent: told about rebuilds and their outcome.
    init(reportPath: String, settings: BuildSettings, port: UInt16, pollInterval: Duration = .milliseconds(300),
         progress: any ProgressSink = SilentProgress(), onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.reportPath = reportPath
        self.settings = settings
        self.requestedPort = port
        self.pollInterval = pollInterval
        self.progress = progress
        self.onEvent = onEvent
        let stem = URL(fileURLWithPath: reportPath).deletingPathExtension().lastPathComponent
        outputFolder = URL(fileURLWithPath: settings.outDirectory).standardizedFileURL.appendingPathComponent(stem)
    }

    /// Starts listening, then builds the report and watches it; returns the port listened on.
    ///
    /// The first build runs in the background: a page opened before it ends shows the
    /// previous output, or "Building…", and reloads when it is done.
    /// - Throws: `ReportError` when the port cannot be bound (in use, not allowed), or when
    ///   the server runs already or was stopped (a stopped server is not started again).
    func start() async throws -> UInt16 {
        guard server == nil, !stopped else {
            throw ReportError("the preview server \(stopped ? "was stopped" : "is already running")", at: nil)
        }
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: requestedPort)
        // Long polls wait up to 25 s; the handler timeout must outlast them.
        let http = HTTPServer(address: address, timeout: 60, logger: .disabled,
                              handler: ClosureHTTPHandler { [status, outputFolder, reportPath] request in
            await Self.respond(to: request, status: status, files: PreviewFiles(folder: outputFolder),
                               reportName: URL(fileURLWithPath: reportPath).lastPathComponent)
        })
        let failure = StartFailure()
        let task = Task {
            do { try await http.run() } catch { await failure.record(error) }
        }
        // The task ends by itself: when binding fails, or when `stop()` stops the server.
        // `run()` binds and then serves until stopped: wait until it listens or gives up.
        let deadline = ContinuousClock.now + .seconds(10)
        while !(await http.isListening) {
            if let error = await failure.error {
                throw Self.bindError(error, port: requestedPort)
            }
            guard ContinuousClock.now < deadline else {
                task.cancel()
                throw ReportError("the preview server did not start listening on 127.0.0.1:\(requestedPort)", at: nil)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        guard case .ip4(_, let port)? = await http.listeningAddress else {
            await http.stop()
            throw ReportError("the preview server listens, but not on an IPv4 address", at: nil)
        }
        server = http
        watchTask = Task { await self.buildAndWatch() }
        return port
    }

    /// Stops listening and watching; open pages' polls are answered first. A build that is
    /// running finishes in the background, but its result is no longer announced.
    func stop() async {
        stopped = true
        watchTask?.cancel()
        watchTask = nil
        await status.close()
        if let server {
            // FlyingFox waits out the whole grace period even when no answer is in flight, so
            // it is short: the long polls were answered above, the rest are files on disk.
            await server.stop(timeout: 0.25)
        }
        server = nil
    }

    /// The status once a build after `generation` has finished, or the current one after `timeout`.
    func waitForBuild(after generation: Int, timeout: Duration) async -> PreviewStatus.Snapshot {
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = deadline - ContinuousClock.now
            let snapshot = await status.next(after: generation, timeout: max(left, .zero))
            if snapshot.generation > generation || ContinuousClock.now >= deadline || Task.isCancelled {
                return snapshot
            }
        }
    }

    // MARK: Building

    private func buildAndWatch() async {
        let report = URL(fileURLWithPath: reportPath).standardizedFileURL
        let directory = report.deletingLastPathComponent()
        let values = settings.params.map(\.value)
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let excluded = URL(fileURLWithPath: settings.outDirectory)
        let take = {
            SourceSnapshot.take(report: report, parameterValues: values, workingDirectory: workingDirectory,
                                excluding: excluded)
        }
        // Taken before the build, so that a save during the build makes another one.
        var built = take()
        await rebuild()

        var pending: SourceSnapshot?
        while !Task.isCancelled {
            do { try await Task.sleep(for: pollInterval) } catch { return }
            let now = take()
            guard now != built else {
                pending = nil
                continue
            }
            // Build only once the files held still for one interval: one build per burst of saves.
            guard now == pending else {
                pending = now
                continue
            }
            let changed = now.changes(since: built).map { Self.relative($0, to: directory) }
            built = now
            pending = nil
            onEvent(.changed(changed))
            await rebuild()
        }
    }

    private func rebuild() async {
        await status.buildStarted()
        let start = ContinuousClock.now
        let outcome = await build()
        guard !Task.isCancelled else { return }
        switch outcome {
        case .success:
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            onEvent(.built(seconds: seconds))
            await status.buildFinished(error: nil)
        case .failure(let error):
            (progress as? StderrProgress)?.interrupt()
            let message = (error as? ReportError)?.description ?? "error: \(error)"
            onEvent(.failed(message))
            await status.buildFinished(error: message)
        }
    }

    /// Runs `BuildPipeline.build` on the build queue: a build is long, synchronous work that
    /// must not hold one of the few threads that answer requests.
    private func build() async -> Result<URL, any Error> {
        let path = reportPath, settings = settings, progress = progress
        return await withCheckedContinuation { continuation in
            buildQueue.async {
                continuation.resume(returning: Result { try BuildPipeline.build(path, settings: settings, progress: progress) })
            }
        }
    }

    // MARK: Answering requests

    private static func respond(to request: HTTPRequest, status: PreviewStatus, files: PreviewFiles,
                                reportName: String) async -> HTTPResponse {
        guard request.method == .GET else {
            return text(.methodNotAllowed, "report serve only answers GET\n", headers: [HTTPHeader("Allow"): "GET"])
        }
        // The path as sent, decoded but not normalised: `..` must be seen to be refused.
        let path = request.target.path(percentEncoded: false)
        if path == PreviewPage.versionPath {
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) } ?? -1
            let snapshot = await status.next(after: since, timeout: longPollTimeout)
            let body = (try? JSONEncoder().encode(snapshot)) ?? Data("{}".utf8)
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                                body: body)
        }

        let snapshot = await status.snapshot
        switch files.resolve(path) {
        case .forbidden:
            return text(.forbidden, "refused: \(path) is outside the report's output folder\n")
        case .notFound:
            if path == "/" || path == "/index.html" {
                return page(PreviewPage.placeholder(report: reportName, generation: snapshot.generation,
                                                    building: snapshot.building, error: snapshot.error))
            }
            return text(.notFound, "not found: \(path)\n")
        case .file(let url):
            guard let data = try? Data(contentsOf: url) else {
                return text(.notFound, "not found: \(path)\n")
            }
            if url.path == files.index.path {
                let html = String(decoding: data, as: UTF8.self)
                return page(PreviewPage.inject(into: html, generation: snapshot.generation, error: snapshot.error))
            }
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: PreviewFiles.contentType(for: url), .cacheControl: "no-store"],
                                body: data)
        }
    }

    private static func page(_ html: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: Data(html.utf8))
    }

    private static func text(_ code: HTTPStatusCode, _ message: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = headers
        all[.contentType] = "text/plain; charset=utf-8"
        return HTTPResponse(statusCode: code, headers: all, body: Data(message.utf8))
    }

    // MARK: Helpers

    private static func bindError(_ error: any Error, port: UInt16) -> ReportError {
        let place = "127.0.0.1:\(port)"
        if case SocketError.failed(_, let code, let message) = error {
            if code == EADDRINUSE {
                return ReportError("cannot serve on \(place): the port is in use", at: nil,
                                   notes: ["choose another with --port N, or --port 0 for any free port"])
            }
            if code == EACCES {
                return ReportError("cannot serve on \(place): permission denied", at: nil,
                                   notes: ["ports below 1024 need privileges; choose another with --port N"])
            }
            return ReportError("cannot serve on \(place): \(message)", at: nil)
        }
        return ReportError("cannot serve on \(place): \(error.localizedDescription)", at: nil)
    }

    private static func relative(_ path: String, to directory: URL) -> String {
        let prefix = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// The error `HTTPServer.run()` ended with, if it ended before listening.
private actor StartFailure {
    private(set) var error: (any Error)?

    func record(_ error: any Error) {
        self.error = error
    }
}
