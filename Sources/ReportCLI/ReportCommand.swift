import ArgumentParser
import Foundation
import ReportEngine

/// `report`: literate reports for tabular machine learning.
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build literate machine-learning reports from Markdown with directives.",
        discussion: """
        A report is a Markdown file with YAML front matter and fenced directives
        such as {load}, {correlation} or {train} random-forest. `report build` runs
        the steps in order and writes HTML, GitHub Markdown, figures, results.json;
        `report check` rebuilds elsewhere and fails when the outputs in --out differ;
        `report serve` previews one report in the browser and rebuilds it on every save.

        Examples:
          report build reports/beatport.md
          report build reports/beatport.md \\
            --param data=songs.csv --param label=playlist_genre
          report check reports --out out
          report serve reports/beatport.md --port 0
          report directives correlation
        """,
        version: BuildPipeline.toolVersion,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, DirectivesCommand.self, SynthCommand.self]
    )

    public init() {}

    /// Runs the command line: exit 0 on success, 1 when a report fails, 2 on bad usage.
    public static func main(arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            // A command that already printed its verdict (`check`) only sets the status.
            Foundation.exit(code.rawValue)
        } catch let error as ReportError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
