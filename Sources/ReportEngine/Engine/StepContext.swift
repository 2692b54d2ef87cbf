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
    /// How many threads the step may use (`--jobs`); results never depend on it.
    public let threads: Int

    init(id: String, location: SourceLocation, options: Options, reportDirectory: String, workingDirectory: String,
         argumentFromCommandLine: Bool, seed: UInt64, progress: any ProgressSink, workspace: Workspace,
         threads: Int) {
        self.threads = max(1, threads)
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
        guard let dataset = try workspace.dataset(named: name) else {
            throw ReportError("no dataset named '\(name)'", at: options.location(of: "data"),
                              notes: ["datasets so far: \(workspace.datasetNames.joined(separator: ", "))"])
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
        recordFileRead(resolved)
        return resolved
    }

    /// An error at the directive's line.
    public func error(_ message: String, notes: [String] = []) -> ReportError {
        ReportError(message, at: location, notes: notes)
    }

    /// Makes the step depend on the bytes of the file at `path` (a missing file counts as a
    /// state too): the step cache re-runs the step when they change.
    public func recordFileRead(_ path: String) {
        workspace.trace.file(displayPath(path), FileDigests.digest(ofFileAt: path))
    }

    /// `path` relative to the report's folder when inside it, so moving a project keeps its cache.
    private func displayPath(_ path: String) -> String {
        let root = (reportDirectory as NSString).standardizingPath
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
