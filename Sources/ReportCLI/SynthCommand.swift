import ArgumentParser
import Foundation
import ReportData
import ReportEngine

/// `report synth PROFILE [--rows N] [--rows-per-class N] [--seed S] [-o FILE]`
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a built-in synthetic data set as CSV.",
        discussion: """
        The same profile, size and seed give the same bytes on every machine.
        The data is what `{load} synthetic:PROFILE` loads.

        Profiles:
        \(Synthetic.profiles.map { "  \($0.padding(toLength: 15, withPad: " ", startingAt: 0))\(Synthetic.summary(profile: $0) ?? "")" }.joined(separator: "\n"))

        Examples:
          report synth beatport -o beatport.csv
          report synth echonest --rows 900 --seed 7
          report synth spotify-songs --rows-per-class 1000 -o songs.csv
        """
    )

    @Argument(help: "The profile: \(Synthetic.profiles.joined(separator: ", ")).")
    var profile: String

    @Option(name: .long, help: "Total rows (default: the profile's own size); class proportions are kept.")
    var rows: Int?

    @Option(name: .customLong("rows-per-class"), help: "Rows of every class (balanced classes; not for lastfm).")
    var rowsPerClass: Int?

    @Option(name: .long, help: "The seed.")
    var seed: UInt64 = 42

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard Synthetic.profiles.contains(profile) else {
            var message = "unknown profile '\(profile)'"
            if let near = Suggestion.nearest(to: profile, in: Synthetic.profiles) { message += "; did you mean '\(near)'?" }
            throw ValidationError(message + " (profiles: \(Synthetic.profiles.joined(separator: ", ")))")
        }
        if let rows, rows < 1 { throw ValidationError("--rows must be at least 1, got \(rows)") }
        if let rowsPerClass, rowsPerClass < 1 {
            throw ValidationError("--rows-per-class must be at least 1, got \(rowsPerClass)")
        }
        if rowsPerClass != nil, Synthetic.labelColumn(profile: profile) == nil {
            throw ValidationError("--rows-per-class: profile '\(profile)' has no classes; use --rows")
        }
    }

    func run() throws {
        let bytes = try Self.csv(profile: profile, rows: rows, rowsPerClass: rowsPerClass, seed: seed)
        if let output {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw ReportError("cannot write '\(output)': \(error.localizedDescription)", at: nil)
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// The CSV bytes of a synthetic data set (what `report synth` writes).
    static func csv(profile: String, rows: Int?, rowsPerClass: Int?, seed: UInt64) throws -> [UInt8] {
        do {
            return CSVWriter.bytes(try Synthetic.table(profile: profile, rows: rows, rowsPerClass: rowsPerClass, seed: seed))
        } catch let error as SyntheticError {
            throw ValidationError(error.description)
        }
    }
}
