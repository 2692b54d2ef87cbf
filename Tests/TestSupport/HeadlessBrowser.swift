import Foundation

/// Loads a built report in headless Chromium and reports what a reader's browser sees: which
/// images decoded, which in-page links lead nowhere and what went to the console, or what a
/// script run in the page found.
public enum HeadlessBrowser {
    /// Chromium's path, or nil when it is not installed (`make test` installs it).
    public static let executable: String? = ["chromium", "chromium-browser", "google-chrome"].lazy
        .compactMap { name -> String? in
            for directory in ["/usr/bin", "/usr/local/bin", "/snap/bin"] {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
            return nil
        }.first

    public struct PageCheck: Sendable {
        public struct Image: Decodable, Sendable {
            /// The `src` attribute; a `data:` URI is cut to its first 48 characters.
            public let src: String
            public let ok: Bool
            public let width: Int
        }
        public struct Link: Decodable, Sendable {
            public let href: String
            public let text: String
            public let ok: Bool
            /// The number label (`Figure 3.`) in the target's caption, when it has one.
            public let targetLabel: String?
        }
        public let images: [Image]
        /// Every `href="#…"` link and whether its target exists.
        public let links: [Link]
        public let title: String
        /// Everything the page and the harness wrote to the console, uncaught errors included
        /// (a report page writes nothing there when all is well).
        public let console: [String]
    }

    public struct BrowserError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Opens `page` (an HTML file) in headless Chromium inside a harness frame and inspects it.
    public static func check(page: URL) throws -> PageCheck {
        let script = """
        <!DOCTYPE html><html><body><iframe id="f" src="\(page.lastPathComponent)" width="1200" height="30000"></iframe>
        <script>
        const frame = document.getElementById('f');
        frame.addEventListener('load', async () => {
          const doc = frame.contentDocument;
          const settled = img => new Promise(resolve => {
            if (img.complete) { resolve(); return; }
            img.addEventListener('load', resolve);
            img.addEventListener('error', resolve);
            setTimeout(resolve, 8000);
          });
          const images = await Promise.all([...doc.images].map(async img => {
            img.loading = 'eager';
            await settled(img);
            let src = img.getAttribute('src');
            if (src.startsWith('data:')) src = src.slice(0, 48);
            return {src, ok: img.complete && img.naturalWidth > 0, width: img.naturalWidth};
          }));
          const links = [...doc.querySelectorAll('a[href^="#"]')].map(a => {
            const id = decodeURIComponent(a.getAttribute('href').slice(1));
            const target = doc.getElementById(id);
            const label = target && target.querySelector('figcaption .label, caption .label');
            return {href: a.getAttribute('href'), text: a.textContent, ok: !!target,
                    targetLabel: label ? label.textContent : null};
          });
          const out = document.createElement('pre');
          out.id = 'result';
          out.textContent = JSON.stringify({images, links, title: doc.title});
          document.body.appendChild(out);
        });
        </script></body></html>
        """
        let run = try load(page: page, harness: script)
        guard let start = run.dom.range(of: "<pre id=\"result\">"),
              let end = run.dom.range(of: "</pre>", range: start.upperBound..<run.dom.endIndex) else {
            throw BrowserError(description: "the page did not finish loading in Chromium (exit \(run.status))")
        }
        let json = String(run.dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        struct Inspection: Decodable {
            let images: [PageCheck.Image]
            let links: [PageCheck.Link]
            let title: String
        }
        let inspection = try JSONDecoder().decode(Inspection.self, from: Data(json.utf8))
        return PageCheck(images: inspection.images, links: inspection.links, title: inspection.title,
                         console: run.console)
    }

    /// Writes `harness` next to `page`, loads it in headless Chromium until its virtual time
    /// runs out, and returns the final DOM and the console messages Chromium logged.
    private static func load(page: URL, harness: String) throws -> (dom: String, console: [String], status: Int32) {
        guard let executable else { throw BrowserError(description: "chromium is not installed") }
        let directory = page.deletingLastPathComponent()
        let harnessURL = directory.appendingPathComponent("browser-harness-\(UUID().uuidString).html")
        try harness.write(to: harnessURL, atomically: true, encoding: .utf8)
        // Chromium's log goes to a file, not a pipe: reading two pipes in turn could deadlock.
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: harnessURL)
            try? FileManager.default.removeItem(at: logURL)
        }
        let log = try FileHandle(forWritingTo: logURL)
        defer { try? log.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // `--enable-logging=stderr` makes Chromium log each console message (and each uncaught
        // error) of every frame as `…:CONSOLE…] "message", source: URL (line)`.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                             "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=15000", "--dump-dom", harnessURL.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = log
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let console = (try? String(contentsOf: logURL, encoding: .utf8))?
            .split(separator: "\n")
            .compactMap { line -> String? in
                guard let marker = line.range(of: ":CONSOLE"), let close = line.range(of: "] ", range: marker.upperBound..<line.endIndex)
                else { return nil }
                return String(line[close.upperBound...])
            } ?? []
        return (String(decoding: data, as: UTF8.self), console, process.terminationStatus)
    }

    /// Opens `page` in headless Chromium inside a harness frame, runs `script` — the body of an
    /// async function with the page's `doc` and `win` in scope, e.g. `return doc.title;` — once
    /// the page has loaded, and returns what it returned as JSON bytes.
    public static func evaluate(page: URL, script: String) throws -> Data {
        let html = """
        <!DOCTYPE html><html><body><iframe id="f" src="\(page.lastPathComponent)" width="1200" height="3000"></iframe>
        <script>
        const frame = document.getElementById('f');
        const report = text => {
          const out = document.createElement('pre');
          out.id = 'result';
          // Base64 of UTF-8, so no character of the answer is changed by the DOM dump.
          let binary = '';
          for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
          out.textContent = btoa(binary);
          document.body.appendChild(out);
        };
        frame.addEventListener('load', async () => {
          const doc = frame.contentDocument, win = frame.contentWindow;
          try {
            const value = await (async () => { \(script) })();
            report(JSON.stringify({ok: true, value}));
          } catch (error) {
            report(JSON.stringify({ok: false, error: String(error && error.stack || error)}));
          }
        });
        </script></body></html>
        """
        let run = try load(page: page, harness: html)
        guard let start = run.dom.range(of: "<pre id=\"result\">"),
              let end = run.dom.range(of: "</pre>", range: start.upperBound..<run.dom.endIndex),
              let decoded = Data(base64Encoded: String(run.dom[start.upperBound..<end.lowerBound])) else {
            throw BrowserError(description: "the page did not finish loading in Chromium (exit \(run.status))")
        }
        struct Answer: Decodable {
            let ok: Bool
            let error: String?
        }
        let answer = try JSONDecoder().decode(Answer.self, from: decoded)
        guard answer.ok else { throw BrowserError(description: "the script failed in Chromium: \(answer.error ?? "?")") }
        guard let object = try JSONSerialization.jsonObject(with: decoded, options: [.fragmentsAllowed]) as? [String: Any] else {
            throw BrowserError(description: "the script's answer is not a JSON object")
        }
        return try JSONSerialization.data(withJSONObject: object["value"] ?? NSNull(), options: [.fragmentsAllowed])
    }
}
