import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import ReportCLI

/// `report synth`: parsing, help, errors, and the same bytes for the same arguments, through
/// the library and through the built binary.
@Suite struct SynthCommandTests {
    @Test func parsesItsOptions() throws {
        let command = try ReportCommand.parseAsRoot(["synth", "beatport", "--rows", "60", "--seed", "7", "-o", "x.csv"])
        let synth = try #require(command as? SynthCommand)
        #expect(synth.profile == "beatport")
        #expect(synth.rows == 60)
        #expect(synth.seed == 7)
        #expect(synth.output == "x.csv")
        #expect(synth.rowsPerClass == nil)
        let defaults = try #require(try ReportCommand.parseAsRoot(["synth", "echonest", "--rows-per-class", "5"]) as? SynthCommand)
        #expect(defaults.seed == 42 && defaults.output == nil && defaults.rowsPerClass == 5)
    }

    @Test func badUsageIsAValidationError() {
        for arguments in [["synth", "beatpot"], ["synth", "beatport", "--rows", "0"], ["synth", "lastfm", "--rows-per-class", "3"],
                          ["synth"], ["synth", "echonest", "--seed", "-1"]] {
            do {
                _ = try ReportCommand.parseAsRoot(arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                #expect(ReportCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
            }
        }
        do {
            _ = try ReportCommand.parseAsRoot(["synth", "beatpot"])
        } catch {
            let message = ReportCommand.fullMessage(for: error)
            #expect(message.contains("unknown profile 'beatpot'; did you mean 'beatport'?"), "\(message)")
            #expect(message.contains("beatport, spotify-songs, lastfm, echonest"), "\(message)")
        }
    }

    @Test func helpListsProfilesAndAnExample() {
        #expect(ReportCommand.helpMessage().contains("synth"))
        let help = ReportCommand.helpMessage(for: SynthCommand.self)
        for text in ["--rows", "--rows-per-class", "--seed", "-o, --output", "report synth beatport -o beatport.csv",
                     "spotify-songs", "lastfm", "echonest"] {
            #expect(help.contains(text), "synth --help lacks \(text)")
        }
    }

    @Test func sameArgumentsSameBytes() throws {
        for profile in ["beatport", "spotify-songs", "lastfm", "echonest"] {
            let a = try SynthCommand.csv(profile: profile, rows: 120, rowsPerClass: nil, seed: 5)
            let b = try SynthCommand.csv(profile: profile, rows: 120, rowsPerClass: nil, seed: 5)
            let c = try SynthCommand.csv(profile: profile, rows: 120, rowsPerClass: nil, seed: 6)
            #expect(a == b, "\(profile)")
            #expect(a != c, "\(profile)")
            let text = String(decoding: a, as: UTF8.self)
            #expect(text.split(separator: "\n").count == 121, "\(profile): header and 120 rows")
        }
        #expect(throws: ValidationError.self) { try SynthCommand.csv(profile: "nope", rows: 5, rowsPerClass: nil, seed: 1) }
    }

    // MARK: The binary

    static let binary = ReportBinary.url

    func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: Data, stderr: String) {
        let outcome = try ReportBinary.run(arguments, in: directory)
        return (outcome.status, outcome.stdoutData, outcome.stderr)
    }

    @Test(.enabled(if: binary != nil, "build the binary first (`make test` runs `swift build`)"))
    func binaryWritesTheSameBytes() throws {
        let directory = try Fixtures.temporaryDirectory("synth")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try run(["synth", "echonest", "--rows", "90", "--seed", "3"], in: directory)
        let second = try run(["synth", "echonest", "--rows", "90", "--seed", "3"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout == Data(try SynthCommand.csv(profile: "echonest", rows: 90, rowsPerClass: nil, seed: 3)))
        let written = try run(["synth", "echonest", "--rows", "90", "--seed", "3", "-o", "out.csv"], in: directory)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        #expect(try Data(contentsOf: directory.appendingPathComponent("out.csv")) == first.stdout)
        let other = try run(["synth", "echonest", "--rows", "90", "--seed", "4"], in: directory)
        #expect(other.stdout != first.stdout)

        let unknown = try run(["synth", "nope"], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown profile 'nope'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("beatport, spotify-songs, lastfm, echonest"), "\(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)
    }
}
