import ArgumentParser
import Foundation
import ReportEngine

/// `report build FILE|DIR...`
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run reports and write HTML, Markdown, figures, results.json and manifest.json.",
        discussion: """
        Each report FILE.md is written to OUT/FILE/: index.html, FILE.md, figures/*.png,
        results.json and manifest.json. The folder is replaced only when the whole build
        succeeds; on an error the previous output is left as it was.
        """
    )

    @Argument(help: "Report files, or folders whose .md files are all built.")
    var reports: [String]

    @Option(name: .long, help: "Folder for the outputs.")
    var out: String = "out"

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a front-matter parameter.", valueName: "name=value"))
    var params: [String] = []

    @Option(name: .long, help: ArgumentHelp("Comma-separated output formats: html, md.", valueName: "formats"))
    var format: String = "html,md"

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    func validate() throws {
        _ = try parsedParams()
        _ = try parsedFormats()
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

    func run() throws {
        let settings = BuildSettings(outDirectory: out, params: try parsedParams(), formats: try parsedFormats(),
                                     quiet: quiet)
        let files = try reports.flatMap(BuildPipeline.reportFiles)
        let progress: any ProgressSink = quiet ? SilentProgress() : StderrProgress()
        for file in files {
            if !quiet { FileHandle.standardError.write(Data("Building \(file)\n".utf8)) }
            let folder = try BuildPipeline.build(file, settings: settings, progress: progress)
            let shown = settings.formats.contains(.html) ? folder.appendingPathComponent("index.html").path : folder.path
            print("Wrote \(relative(shown))")
        }
    }

    private func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
