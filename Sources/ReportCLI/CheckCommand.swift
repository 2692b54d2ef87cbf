import ArgumentParser
import Foundation
import ReportEngine

/// `report check FILE|DIR...`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Rebuild reports in a temporary folder and compare them with the outputs in --out.",
        // Paragraphs are single lines (joined with `\`): the help rewraps them to the terminal.
        discussion: """
        Each report is built exactly as `report build` would (same --param and --format) \
        into a temporary folder; --out is only read. Every artifact is then compared with \
        OUT/FILE/ except manifest.json, which holds timings: a file the rebuild makes that \
        --out lacks is "missing", a file only --out has is "extra", a changed figure shows \
        the share of its pixels that differ, and a changed text file (results.json, \
        index.html, FILE.md) the first line that differs. Hidden files are ignored.

        Exit status: 0 when every report matches, 1 when anything differs or a report \
        fails to build (FILE:LINE: error: … as in `build`), 2 on bad usage. The verdict \
        goes to stdout, progress to stderr.

        In CI: build once and commit out/, then let CI run

          report check reports --out out

        It fails when a figure or a number no longer comes out as committed.
        """
    )

    @Argument(help: "Report files, or folders whose .md files are all checked.")
    var reports: [String]

    @Option(name: .long, help: "Folder of the outputs to compare with (read only).")
    var out: String = "out"

    @OptionGroup var options: BuildOptions

    func run() throws {
        let settings = try options.settings(outDirectory: out)
        let files = try reports.flatMap(BuildPipeline.reportFiles)
        var failures = 0
        for file in files {
            if !options.quiet { FileHandle.standardError.write(Data("Checking \(file)\n".utf8)) }
            let progress = options.progress
            do {
                let check = try OutputCheck.check(file, settings: settings, progress: progress)
                print(check.text)
                if !check.matches { failures += 1 }
            } catch {
                (progress as? StderrProgress)?.interrupt()
                let message = (error as? ReportError)?.description ?? "error: \(error)"
                FileHandle.standardError.write(Data((message + "\n").utf8))
                let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                print("\((out as NSString).appendingPathComponent(stem)): not checked, \(file) failed to build")
                failures += 1
            }
        }
        if files.count > 1 {
            print(failures == 0 ? "All \(files.count) reports match \(out)."
                                : "\(failures) of \(files.count) reports do not match \(out).")
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
