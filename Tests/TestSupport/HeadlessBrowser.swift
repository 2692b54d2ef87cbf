import Foundation

/// Loads a built report in headless Chromium and reports what a reader's browser sees: which
/// images decoded and which in-page links lead nowhere.
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

    public struct PageCheck: Decodable, Sendable {
        public struct Image: Decodable, Sendable {
            public let src: String
            public let ok: Bool
            public let width: Int
        }
        public struct Link: Decodable, Sendable {
            public let href: String
            public let text: String
            public let ok: Bool
        }
        public let images: [Image]
        /// Every `href="#…"` link and whether its target exists.
        public let links: [Link]
        public let title: String
    }

    public struct BrowserError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Opens `page` (an HTML file) in headless Chromium inside a harness frame and inspects it.
    public static func check(page: URL) throws -> PageCheck {
        guard let executable else { throw BrowserError(description: "chromium is not installed") }
        let harness = page.deletingLastPathComponent().appendingPathComponent("browser-harness-\(UUID().uuidString).html")
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
            return {src: img.getAttribute('src'), ok: img.complete && img.naturalWidth > 0, width: img.naturalWidth};
          }));
          const links = [...doc.querySelectorAll('a[href^="#"]')].map(a => {
            const id = decodeURIComponent(a.getAttribute('href').slice(1));
            return {href: a.getAttribute('href'), text: a.textContent, ok: !!doc.getElementById(id)};
          });
          const out = document.createElement('pre');
          out.id = 'result';
          out.textContent = JSON.stringify({images, links, title: doc.title});
          document.body.appendChild(out);
        });
        </script></body></html>
        """
        try script.write(to: harness, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: harness) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                             "--virtual-time-budget=15000", "--dump-dom", harness.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        guard let start = dom.range(of: "<pre id=\"result\">"),
              let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw BrowserError(description: "the page did not finish loading in Chromium (exit \(process.terminationStatus))")
        }
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(PageCheck.self, from: Data(json.utf8))
    }
}
