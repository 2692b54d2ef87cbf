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

        Steps are cached in OUT/.cache: a step runs again only when its directive, what it
        reads (earlier steps' data and models, the bytes of files), the parameters it uses,
        its seed or the tool's version change. Editing prose or a caption re-renders the page
        without running any step. --explain prints why each step ran or which entry it reused;
        --no-cache runs every step (and refreshes the cache).

        With --param values that differ from the front matter's, the report is written to
        OUT/FILE@name=value/ so parameter sets do not overwrite each other, unless --out is
        given.

        Example: report build reports/beatport.md --param rows=2000 --explain
        """
    )

    @Argument(help: "Report files, or folders whose .md files are all built.")
    var reports: [String]

    @Option(name: .long, help: "Folder for the outputs (default: out).")
    var out: String?

    @Flag(name: .customLong("no-cache"), help: "Run every step instead of reusing cached outputs.")
    var noCache = false

    @Flag(name: .long, help: "Print why each step ran or which cache entry it reused.")
    var explain = false

    @OptionGroup var options: BuildOptions

    func run() throws {
        var settings = try options.settings(outDirectory: out ?? "out")
        settings.reuseCache = !noCache
        settings.separateParameterSets = out == nil
        let files = try reports.flatMap(BuildPipeline.reportFiles)
        let progress = options.progress
        for file in files {
            if !options.quiet { FileHandle.standardError.write(Data("Building \(file)\n".utf8)) }
            let folder: URL
            do {
                let built = try BuildPipeline.buildReporting(file, settings: settings, progress: progress)
                folder = built.folder
                if explain { print(Self.explanation(of: built.run)) }
            } catch {
                // The error is printed next; it must not land on a half-drawn progress line.
                (progress as? StderrProgress)?.interrupt()
                throw error
            }
            let shown = settings.formats.contains(.html) ? folder.appendingPathComponent("index.html").path : folder.path
            print("Wrote \(relative(shown))")
        }
    }

    /// One line per step: `line 12  normalize {normalize}: reused cache entry 3f2a9c1e0b4d …`.
    static func explanation(of run: RunResult) -> String {
        let reused = run.steps.filter(\.cached).count
        var lines = ["\(run.document.file): \(run.steps.count - reused) of \(run.steps.count) steps ran, \(reused) reused"]
        for step in run.steps {
            let label = step.id == step.directive.name ? "{\(step.directive.name)}" : "\(step.id) {\(step.directive.name)}"
            lines.append("  line \(step.directive.line)  \(label): \(step.explanation)")
        }
        return lines.joined(separator: "\n")
    }

    private func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
