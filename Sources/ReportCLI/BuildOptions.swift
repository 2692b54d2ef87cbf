import Foundation
import ArgumentParser
import ReportEngine

/// The options `build` and `check` share: parameter overrides, output formats,
/// `--self-contained` and `--quiet`.
///
/// `check` must rebuild exactly as `build` did, so both read these from one place.
struct BuildOptions: ParsableArguments {
    @Option(name: .customLong("param"), help: ArgumentHelp("Override a front-matter parameter.", valueName: "name=value"))
    var params: [String] = []

    @Option(name: .long, help: ArgumentHelp("Comma-separated output formats: html, md.", valueName: "formats"))
    var format: String = "html,md"

    @Flag(name: .long, help: ArgumentHelp(
        "Inline the figures in index.html, so the page is one file that works offline.",
        discussion: "figures/ is still written, for the Markdown."))
    var selfContained = false

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Threads each step may use (default: every core). Outputs are identical for any value.", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        _ = try parsedParams()
        _ = try parsedFormats()
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
    }

    func parsedParams() throws -> [(name: String, value: String)] {
        try params.map { text in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw ValidationError("--param expects name=value, found '\(text)'")
            }
            return (String(text[..<equals]), String(text[text.index(after: equals)...]))
        }
    }

    func parsedFormats() throws -> Set<OutputFormat> {
        let names = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var formats = Set<OutputFormat>()
        for name in names {
            guard let value = OutputFormat(rawValue: name == "markdown" ? "md" : name) else {
                throw ValidationError("--format: unknown format '\(name)' (use html, md)")
            }
            formats.insert(value)
        }
        guard !formats.isEmpty else { throw ValidationError("--format needs at least one of html, md") }
        return formats
    }

    /// The build settings these options describe, writing under `outDirectory`.
    func settings(outDirectory: String) throws -> BuildSettings {
        BuildSettings(outDirectory: outDirectory, params: try parsedParams(), formats: try parsedFormats(), quiet: quiet,
                      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, selfContained: selfContained)
    }

    /// Step progress on stderr, or nothing with `--quiet`.
    var progress: any ProgressSink { quiet ? SilentProgress() : StderrProgress() }
}
