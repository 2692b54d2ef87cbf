import Foundation
import ReportEngine

/// What `report serve` adds to the pages it serves, and only to them: the files on disk stay
/// exactly what `report build` writes.
///
/// A served `index.html` gets a small script that long-polls `/__report/version` and reloads
/// the page (keeping its scroll position) when a build finishes, and, while the last edit
/// does not build, a banner with the error over the last good build.
enum PreviewPage {
    /// The long-poll endpoint: `GET /__report/version?since=N` answers with the status JSON
    /// once the generation differs from N, or after a while with the same one.
    static let versionPath = "/__report/version"

    /// `html` with the reload script before `</body>` and, when `error` is set, the error
    /// banner right after `<body …>`.
    static func inject(into html: String, generation: Int, error: String?) -> String {
        var page = html
        let script = reloadScript(generation: generation)
        if let end = page.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            page.insert(contentsOf: script, at: end.lowerBound)
        } else {
            page += script
        }
        if let error {
            let banner = errorBanner(error)
            if let body = page.range(of: "<body", options: .caseInsensitive),
               let close = page[body.upperBound...].firstIndex(of: ">") {
                page.insert(contentsOf: banner, at: page.index(after: close))
            } else {
                page = banner + page
            }
        }
        return page
    }

    /// The page shown before any build has succeeded: the report's name, "Building…" while
    /// the first build runs, and the banner once it failed.
    static func placeholder(report: String, generation: Int, building: Bool, error: String?) -> String {
        let name = Escaping.html(report)
        let state = building ? "<p>Building \(name)…</p>" : error == nil ? "" : "<p>No build of \(name) has succeeded yet.</p>"
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(name) — report serve</title>
        </head>
        <body style="font: 16px/1.5 system-ui, sans-serif; margin: 0">
        <main style="max-width: 48rem; margin: 2rem auto; padding: 0 1rem">
        <h1 style="font-size: 1.4rem">\(name)</h1>
        \(state)
        </main>
        </body>
        </html>

        """
        return inject(into: html, generation: generation, error: error)
    }

    /// A banner that stays at the top of the window: the error, HTML-escaped, in full.
    static func errorBanner(_ error: String) -> String {
        """
        <div id="report-serve-error" role="alert" style="position: sticky; top: 0; z-index: 1000; \
        padding: 0.75rem 1rem; background: #fdecea; color: #6b0f0b; border-bottom: 3px solid #c62828; \
        font: 14px/1.45 system-ui, sans-serif">
        <strong>The last edit does not build.</strong> The page shows the last good build; it reloads \
        when the report builds again.
        <pre style="margin: 0.5rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; \
        font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace">\(Escaping.html(error))</pre>
        </div>

        """
    }

    /// Long-polls the server and reloads on a new generation. After a failed poll (the server
    /// stopped, the laptop slept) it waits a second and tries again.
    static func reloadScript(generation: Int) -> String {
        """
        <script>
        (function () {
          var generation = \(generation);
          var key = "report-serve-scroll:" + location.pathname;
          try {
            var saved = sessionStorage.getItem(key);
            if (saved !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(saved)); }
          } catch (e) {}
          function poll(delay) {
            setTimeout(function () {
              fetch("\(versionPath)?since=" + generation, { cache: "no-store" })
                .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
                .then(function (status) {
                  if (status.generation !== generation) {
                    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {}
                    location.reload();
                  } else {
                    poll(0);
                  }
                })
                .catch(function () { poll(1000); });
            }, delay);
          }
          poll(0);
        })();
        </script>

        """
    }
}
