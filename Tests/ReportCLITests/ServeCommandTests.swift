import Foundation
import Testing
import TestSupport
@testable import ReportCLI
@testable import ReportEngine

/// `report serve`: a real server on a free loopback port, fetched over real connections, the
/// report edited on disk. Every wait has a timeout, so a broken server fails a test instead
/// of hanging it.
@Suite struct ServeCommandTests {
    static func report(prose: String, extra: String = "", title: String = "Serve") -> String {
        """
        ---
        title: \(title)
        seed: 3
        ---

        \(prose)

        ```{load} synthetic:echonest
        :rows: 300
        ```

        ```{distribution}
        :name: genres
        ```
        \(extra)
        """
    }

    /// Generous: the first build of a debug binary on a loaded machine can be slow.
    static let buildTimeout: Duration = .seconds(120)

    /// Starts a server for `serve.md` in a fresh fixture, runs `body`, and stops the server
    /// whether `body` passed or not.
    func withServer(report: String = report(prose: "First version of the prose."),
                    _ body: (ReportFixture, PreviewServer, UInt16) async throws -> Void) async throws {
        let fixture = try ReportFixture("serve-fixture")
        let path = try fixture.write("serve.md", report)
        let server = PreviewServer(reportPath: path, settings: BuildSettings(outDirectory: fixture.path("out")),
                                   port: 0, pollInterval: .milliseconds(50))
        let port = try await server.start()
        do {
            try await body(fixture, server, port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Runs blocking work (a socket, a browser) off the cooperative threads the server answers on.
    func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// `GET target` on the server.
    func get(_ target: String, port: UInt16) async throws -> LoopbackHTTP.Response {
        try await blocking { try LoopbackHTTP.get(target, port: port, timeout: 30) }
    }

    /// Waits for the build after `generation` and returns its status.
    func nextBuild(_ server: PreviewServer, after generation: Int,
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> PreviewStatus.Snapshot {
        let status = await server.waitForBuild(after: generation, timeout: Self.buildTimeout)
        try #require(status.generation > generation, "no build after generation \(generation) within the timeout",
                     sourceLocation: sourceLocation)
        return status
    }

    @Test func servesRebuildsAndShowsErrorsOverTheLastGoodBuild() async throws {
        try await withServer { fixture, server, port in
            let first = try await nextBuild(server, after: 0)
            #expect(first.error == nil)

            let page = try await get("/", port: port)
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.text.contains("First version of the prose."))
            #expect(page.text.contains("/__report/version?since="))
            #expect(page.text.contains("var generation = \(first.generation);"))
            #expect(!page.text.contains("report-serve-error"))
            // The reload script is only in what is served, never on disk.
            #expect(!(try fixture.read("out/serve/index.html")).contains("__report"))

            let figure = try await get("/figures/genres.png", port: port)
            #expect(figure.status == 200)
            #expect(figure.headers["content-type"] == "image/png")
            #expect(Array(figure.body.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            let results = try await get("/results.json", port: port)
            #expect(results.headers["content-type"] == "application/json")
            #expect(results.text.contains("\"genres\""))
            #expect(try await get("/serve.md", port: port).headers["content-type"] == "text/markdown; charset=utf-8")

            // An edit of the prose: a new generation, the new text.
            try fixture.write("serve.md", Self.report(prose: "Second version of the prose."))
            let second = try await nextBuild(server, after: first.generation)
            #expect(second.error == nil)
            let edited = try await get("/", port: port)
            #expect(edited.text.contains("Second version of the prose."))
            #expect(!edited.text.contains("First version"))
            // A page still showing the first build is told at once that there is a newer one.
            let version = try await get("/__report/version?since=\(first.generation)", port: port)
            #expect(version.headers["content-type"] == "application/json")
            let told = try JSONDecoder().decode(PreviewStatus.Snapshot.self, from: version.body)
            #expect(told.generation == second.generation)

            // A broken edit: the error is shown over the last good build, which stays on disk.
            try fixture.write("serve.md", Self.report(prose: "Third version of the prose.",
                                                      extra: "\n```{nosuch-directive}\n```\n"))
            let broken = try await nextBuild(server, after: second.generation)
            let error = try #require(broken.error)
            #expect(error.contains("serve.md:"))
            #expect(error.contains(": error: unknown directive {nosuch-directive}"))
            let shown = try await get("/", port: port)
            #expect(shown.status == 200)
            #expect(shown.text.contains("id=\"report-serve-error\""))
            #expect(shown.text.contains(Escaping.html(error)))
            #expect(shown.text.contains("Second version of the prose."))
            #expect(!shown.text.contains("Third version"))
            let onDisk = try fixture.read("out/serve/index.html")
            #expect(onDisk.contains("Second version of the prose."))
            #expect(!onDisk.contains("report-serve-error"))

            // Fixed again: the banner goes.
            try fixture.write("serve.md", Self.report(prose: "Fourth version of the prose."))
            let fixed = try await nextBuild(server, after: broken.generation)
            #expect(fixed.error == nil)
            let healed = try await get("/", port: port)
            #expect(healed.text.contains("Fourth version of the prose."))
            #expect(!healed.text.contains("report-serve-error"))
        }
    }

    @Test(.enabled(if: HeadlessBrowser.executable != nil, "chromium is not installed; `make test` installs it"))
    func anOpenPageReloadsAfterABuild() async throws {
        try await withServer(report: Self.report(prose: "Prose.", title: "Version A")) { fixture, server, port in
            let first = try await nextBuild(server, after: 0)
            let browser = try await blocking { try LiveBrowser(url: "http://127.0.0.1:\(port)/") }
            defer { browser.close() }
            try await waitForTitle("Version A", in: browser)

            try fixture.write("serve.md", Self.report(prose: "Prose.", title: "Version B"))
            _ = try await nextBuild(server, after: first.generation)
            try await waitForTitle("Version B", in: browser)
        }
    }

    /// Polls the browser until a page has `title`, for at most a minute.
    func waitForTitle(_ title: String, in browser: LiveBrowser,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        var titles: [String] = []
        while ContinuousClock.now < deadline {
            titles = try await blocking { try browser.pageTitles() }
            if titles.contains(title) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("no page titled '\(title)' within a minute; pages: \(titles)", sourceLocation: sourceLocation)
    }

    @Test func refusesPathsThatLeaveTheOutputFolder() async throws {
        try await withServer { fixture, server, port in
            _ = try await nextBuild(server, after: 0)
            // A file beside the output folder that `..` would reach.
            try fixture.write("out/secret.txt", "secret")
            for target in ["/../secret.txt", "/figures/../../secret.txt", "/%2e%2e/secret.txt",
                           "/..%2fsecret.txt", "/../serve/index.html"] {
                let response = try await get(target, port: port)
                #expect(response.status == 403, "\(target) answered \(response.status)")
                #expect(response.text.hasPrefix("refused: "))
            }
            for target in ["/nothing.html", "/figures/none.png", "/figures", "/.serve.building-1/index.html"] {
                #expect(try await get(target, port: port).status == 404, "\(target)")
            }
            #expect(try await get("/index.html", port: port).status == 200)
        }
    }

    @Test func aFirstBuildThatFailsShowsTheErrorPage() async throws {
        let broken = Self.report(prose: "Never built.", extra: "\n```{nosuch-directive}\n```\n")
        try await withServer(report: broken) { _, server, port in
            let status = try await nextBuild(server, after: 0)
            let error = try #require(status.error)
            let page = try await get("/", port: port)
            #expect(page.status == 200)
            #expect(page.text.contains("id=\"report-serve-error\""))
            #expect(page.text.contains(Escaping.html(error)))
            #expect(page.text.contains("/__report/version"))
        }
    }

    @Test func aPortInUseIsAClearError() async throws {
        try await withServer { fixture, _, port in
            let second = PreviewServer(reportPath: fixture.path("serve.md"),
                                       settings: BuildSettings(outDirectory: fixture.path("out2")), port: port)
            do {
                _ = try await second.start()
                await second.stop()
                Issue.record("a second server started on port \(port)")
            } catch let error as ReportError {
                #expect(error.description == "error: cannot serve on 127.0.0.1:\(port): the port is in use\n"
                        + "  note: choose another with --port N, or --port 0 for any free port")
            }
        }
    }

    // MARK: Parts

    @Test func filesResolveInsideTheFolderOnly() throws {
        let fixture = try ReportFixture("serve-files")
        try fixture.write("out/r/index.html", "<html></html>")
        try fixture.write("out/r/figures/a.png", "png")
        try fixture.write("out/elsewhere.txt", "x")
        let files = PreviewFiles(folder: fixture.directory.appendingPathComponent("out/r"))
        let index = fixture.directory.appendingPathComponent("out/r/index.html").standardizedFileURL
        #expect(files.resolve("/") == .file(index))
        #expect(files.resolve("/index.html") == .file(index))
        #expect(files.resolve("//figures//a.png")
                == .file(fixture.directory.appendingPathComponent("out/r/figures/a.png").standardizedFileURL))
        #expect(files.resolve("/../elsewhere.txt") == .forbidden)
        #expect(files.resolve("/figures/../index.html") == .forbidden)
        #expect(files.resolve("/a\\..\\b") == .forbidden)
        #expect(files.resolve("/figures") == .notFound)
        #expect(files.resolve("/.hidden") == .notFound)
        #expect(files.resolve("/missing.png") == .notFound)
        #expect(PreviewFiles.contentType(for: URL(fileURLWithPath: "a/b.PNG")) == "image/png")
        #expect(PreviewFiles.contentType(for: URL(fileURLWithPath: "r.md")) == "text/markdown; charset=utf-8")
        #expect(PreviewFiles.contentType(for: URL(fileURLWithPath: "x.bin")) == "application/octet-stream")
    }

    @Test func thePageGetsTheScriptAndAnEscapedBanner() {
        let html = "<!DOCTYPE html>\n<html><body class=\"with-toc\">\n<p>Text</p>\n</body>\n</html>\n"
        let plain = PreviewPage.inject(into: html, generation: 4, error: nil)
        #expect(plain.hasPrefix("<!DOCTYPE html>\n<html><body class=\"with-toc\">\n<p>Text</p>\n<script>"))
        #expect(plain.contains("var generation = 4;"))
        #expect(plain.hasSuffix("</script>\n</body>\n</html>\n"))

        let failed = PreviewPage.inject(into: html, generation: 5, error: "r.md:3: error: bad <script>alert(1)</script> & co")
        #expect(failed.contains("<body class=\"with-toc\"><div id=\"report-serve-error\" role=\"alert\""))
        #expect(failed.contains("r.md:3: error: bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</pre>"))
        #expect(!failed.contains("<script>alert"))
        #expect(PreviewPage.inject(into: "no tags", generation: 1, error: nil).hasPrefix("no tags<script>"))
    }

    @Test func pollsWaitForTheNextGenerationOrTimeOut() async {
        let status = PreviewStatus()
        let unchanged = await status.next(after: 0, timeout: .milliseconds(20))
        #expect(unchanged.generation == 0)
        #expect(unchanged.building)

        async let woken = status.next(after: 0, timeout: .seconds(30))
        try? await Task.sleep(for: .milliseconds(20))
        await status.buildFinished(error: "r.md:1: error: x")
        let snapshot = await woken
        #expect(snapshot == PreviewStatus.Snapshot(generation: 1, building: false, error: "r.md:1: error: x"))
        // A page from before a restart (a higher generation) is answered at once.
        #expect(await status.next(after: 7, timeout: .seconds(30)).generation == 1)

        async let closing = status.next(after: 1, timeout: .seconds(30))
        try? await Task.sleep(for: .milliseconds(20))
        await status.close()
        #expect(await closing.generation == 1)
    }

    @Test func watchesTheReportAndTheFilesItNames() throws {
        let fixture = try ReportFixture("serve-watch")
        try fixture.write("tracks.csv", ReportFixture.tracksCSV)
        try fixture.write("data/more.csv", "a,b\n1,2\n")
        try fixture.write("cli.csv", "a\n1\n")
        try fixture.write("serve.log", "not read by the report")
        try fixture.write("out/r/index.html", "written by builds")
        let path = try fixture.write("r.md", """
        ---
        params:
          data: tracks.csv
        ---
        See data/more.csv. Output goes to out/r/index.html.

        ```{load} {{ params.data }}
        ```
        """)
        let take = {
            SourceSnapshot.take(report: URL(fileURLWithPath: path), parameterValues: ["cli.csv"],
                                workingDirectory: fixture.directory, excluding: fixture.directory.appendingPathComponent("out"))
        }
        let before = take()
        let names = before.paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(Set(names) == ["r.md", "tracks.csv", "more.csv", "cli.csv"])

        try fixture.write("serve.log", "a log line that must not start a build")
        try fixture.write("out/r/index.html", "a build's own output")
        #expect(take() == before)

        try fixture.write("data/more.csv", "a,b\n1,3\n")
        #expect(take().changes(since: before).map { URL(fileURLWithPath: $0).lastPathComponent } == ["more.csv"])
        #expect(SourceSnapshot.candidatePaths(in: "`{load} ./x.csv`, see y.tsv. [a/b, c]")
                == ["./x.csv", "y.tsv", "a/b"])
    }

    // MARK: The command line

    @Test(.enabled(if: ReportBinary.url != nil, "the report binary is not built"))
    func theBinaryServesUntilCtrlC() async throws {
        let fixture = try ReportFixture("serve-binary")
        try fixture.write("serve.md", Self.report(prose: "Served by the binary."))
        let binary = try #require(ReportBinary.url)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "serve.md", "--port", "0", "--quiet"]
        process.currentDirectoryURL = fixture.directory
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let printed = LockedText()
        stdout.fileHandleForReading.readabilityHandler = { printed.append($0.availableData) }
        try process.run()
        defer {
            stdout.fileHandleForReading.readabilityHandler = nil
            if process.isRunning { process.terminate() }
        }

        let deadline = ContinuousClock.now + .seconds(60)
        var port: UInt16?
        while port == nil, ContinuousClock.now < deadline, process.isRunning {
            port = printed.text.firstMatch(of: /at http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { UInt16($0.1) }
            try await Task.sleep(for: .milliseconds(20))
        }
        let bound = try #require(port, "no Serving line; printed: \(printed.text)")
        #expect(printed.text.hasPrefix(
            "Serving out/serve/ at http://127.0.0.1:\(bound)/ — edit serve.md and the page reloads; Ctrl-C stops.\n"))

        var page = try await get("/", port: bound)
        while !page.text.contains("Served by the binary."), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            page = try await get("/", port: bound)
        }
        #expect(page.text.contains("Served by the binary."))
        #expect(page.text.contains(PreviewPage.versionPath))

        process.interrupt()
        while process.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!process.isRunning, "still serving after Ctrl-C")
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    @Test(.enabled(if: ReportBinary.url != nil, "the report binary is not built"))
    func theBinaryExplainsWhyItCannotServe() async throws {
        try await withServer { fixture, _, port in
            let directory = fixture.directory
            let inUse = try await blocking {
                try ReportBinary.run(["serve", "serve.md", "--port", "\(port)", "--out", "other"], in: directory)
            }
            #expect(inUse.status == 1)
            #expect(inUse.stderr.contains("error: cannot serve on 127.0.0.1:\(port): the port is in use"))
            #expect(inUse.stdout.isEmpty)

            let missing = try await blocking { try ReportBinary.run(["serve", "nothing.md"], in: directory) }
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("error: no such file: nothing.md"))

            let badPort = try await blocking { try ReportBinary.run(["serve", "serve.md", "--port", "-3"], in: directory) }
            #expect(badPort.status == 2)
        }
    }

    @Test func serveParsesItsOptions() throws {
        let command = try ReportCommand.parseAsRoot(["serve", "r.md", "--port", "0", "--out", "o", "--param", "n=3", "--quiet"])
        let serve = try #require(command as? ServeCommand)
        #expect(serve.report == "r.md")
        #expect(serve.port == 0)
        #expect(serve.out == "o")
        #expect(try serve.options.parsedParams().map(\.name) == ["n"])
        #expect(serve.options.quiet)
        #expect(try #require(ReportCommand.parseAsRoot(["serve", "r.md"]) as? ServeCommand).port == 8000)
        #expect(throws: (any Error).self) { try ReportCommand.parseAsRoot(["serve", "r.md", "--port", "70000"]) }
        #expect(throws: (any Error).self) { try ReportCommand.parseAsRoot(["serve"]) }

        let help = ReportCommand.helpMessage(for: ServeCommand.self)
        for text in ["--port", "--out", "--param <name=value>", "report serve reports/beatport.md --port 0", "127.0.0.1"] {
            #expect(help.contains(text), "serve --help lacks \(text)")
        }
        #expect(ReportCommand.helpMessage().contains("serve"))
    }
}

/// Text that arrives on another thread (a pipe's handler) and is read by the test.
private final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock()
        defer { lock.unlock() }
        data.append(more)
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
