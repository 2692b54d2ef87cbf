import Foundation
import ReportData

/// Everything a running step may use: datasets and results so far, its seeded RNG, the
/// report's folder and a progress sink.
public final class StepContext {
    public let id: String
    public let location: SourceLocation
    public let options: Options
    /// Folder of the report file; relative paths in directives resolve against it.
    public let reportDirectory: String
    /// The directory `report` was started in; paths given on the command line resolve against it.
    public let workingDirectory: String
    /// The argument came from a `--param` on the command line.
    public let argumentFromCommandLine: Bool
    /// The step's seed: its `:seed:` option, else derived from the report seed and the step id.
    public let seed: UInt64
    /// A generator seeded with `seed`.
    public var rng: Xoshiro256StarStar
    public let progress: any ProgressSink
    public let workspace: Workspace

    init(id: String, location: SourceLocation, options: Options, reportDirectory: String, workingDirectory: String,
         argumentFromCommandLine: Bool, seed: UInt64, progress: any ProgressSink, workspace: Workspace) {
        self.workingDirectory = workingDirectory
        self.argumentFromCommandLine = argumentFromCommandLine
        self.id = id
        self.location = location
        self.options = options
        self.reportDirectory = reportDirectory
        self.seed = seed
        self.rng = Xoshiro256StarStar(seed: seed)
        self.progress = progress
        self.workspace = workspace
    }

    /// The dataset named by `:data:`, or the current one.
    public func dataset() throws -> Dataset {
        let requested = try options.string("data")
        guard let name = requested ?? workspace.currentDataset else {
            throw error("no dataset loaded yet: add a {load} directive before this one")
        }
        guard let dataset = workspace.datasets[name] else {
            throw ReportError("no dataset named '\(name)'", at: options.location(of: "data"),
                              notes: ["datasets so far: \(workspace.datasets.keys.sorted().joined(separator: ", "))"])
        }
        return dataset
    }

    /// Resolves a path the directive names: against the working directory when it came from the
    /// command line, else against the report's folder, which it may not leave.
    public func resolvePath(_ path: String) throws -> String {
        let base = argumentFromCommandLine ? workingDirectory : reportDirectory
        let joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        let resolved = (joined as NSString).standardizingPath
        if !argumentFromCommandLine {
            let root = (reportDirectory as NSString).standardizingPath
            guard resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                throw error("path '\(path)' leaves the report's folder",
                            notes: ["a report may read files only under its own folder; pass other paths with --param"])
            }
        }
        return resolved
    }

    /// An error at the directive's line.
    public func error(_ message: String, notes: [String] = []) -> ReportError {
        ReportError(message, at: location, notes: notes)
    }
}
