import Foundation
import ReportEngine

/// `report check` for one report: rebuild it into a temporary folder, compare with `--out`.
public enum OutputCheck {
    /// Rebuilds `path` with `settings` (params and formats as `build` had them) into a fresh
    /// temporary folder and compares it with `<settings.outDirectory>/<report name>`, which is
    /// only read. The temporary folder is removed whatever happens.
    ///
    /// - Throws: the build's ``ReportError`` (`FILE:LINE: error: …`) when the report fails,
    ///   or a ``ReportError`` when a folder cannot be read.
    public static func check(_ path: String, settings: BuildSettings,
                             progress: any ProgressSink = SilentProgress()) throws -> ReportCheck {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let shownFolder = (settings.outDirectory as NSString).appendingPathComponent(stem)
        let committed = URL(fileURLWithPath: settings.outDirectory).standardizedFileURL.appendingPathComponent(stem)

        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("report-check-\(UUID().uuidString)")
        do {
            try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw ReportError("cannot create a temporary folder \(scratch.path): \(error.localizedDescription)", at: nil)
        }
        defer { try? fileManager.removeItem(at: scratch) }

        var rebuildSettings = settings
        rebuildSettings.outDirectory = scratch.path
        // A check is a build from nothing: every step runs, so it also proves the cache right.
        rebuildSettings.useCache = false
        let rebuilt = try BuildPipeline.build(path, settings: rebuildSettings, progress: progress)

        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: committed.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let artifacts = try readable { try ArtifactComparison.artifacts(in: rebuilt) }
            return ReportCheck(report: path, folder: shownFolder, folderExists: false, artifacts: artifacts, differences: [])
        }
        let comparison = try readable { try ArtifactComparison.compare(inOut: committed, rebuilt: rebuilt) }
        return ReportCheck(report: path, folder: shownFolder, folderExists: true, artifacts: comparison.artifacts,
                           differences: comparison.differences)
    }

    /// Runs `body`, turning a file-system error into a ``ReportError`` that says what failed.
    private static func readable<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError("cannot compare the outputs: \(error.localizedDescription)", at: nil)
        }
    }
}
