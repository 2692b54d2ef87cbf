import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#endif

/// Modification time, size and inode of the report and of every file it names. `report
/// serve` takes one every few hundred milliseconds and rebuilds when two differ.
///
/// A report reads only the files its directives name (`{load} tracks.csv`, `{join}
/// artists.csv`), directly or through a parameter (`data: tracks.csv` in the front matter,
/// `--param data=songs.csv`). So the watched files are the report plus every word of its
/// text and of the `--param` values that is the path of an existing file, relative to the
/// report's folder or to the working directory. Watching these rather than the whole folder
/// keeps a log written beside the report, or an editor's swap file, from starting builds,
/// and costs a few `stat` calls per poll. Files under the output folder are never watched,
/// so that a build cannot trigger the next one.
///
/// Polling `stat` is portable and needs no inotify or FSEvents; the inode notices editors
/// that save by writing a new file and renaming it over the old one.
struct SourceSnapshot: Equatable, Sendable {
    private struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    /// Stamps by absolute path; a missing file (deleted, or between a rename's two steps) has none.
    private var stamps: [String: Stamp] = [:]

    /// The report at `report`, and the files its text and `parameterValues` name.
    /// - Parameters:
    ///   - workingDirectory: where paths given on the command line are relative to.
    ///   - excluded: the output folder; nothing under it is watched.
    static func take(report: URL, parameterValues: [String], workingDirectory: URL,
                     excluding excluded: URL) -> SourceSnapshot {
        var snapshot = SourceSnapshot()
        let reportPath = report.standardizedFileURL.path
        snapshot.stamps[reportPath] = stamp(reportPath)

        let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        let bases = [report.standardizedFileURL.deletingLastPathComponent(), workingDirectory.standardizedFileURL]
        let outside = excluded.standardizedFileURL.path + "/"
        for word in candidatePaths(in: ([text] + parameterValues).joined(separator: "\n")) {
            for base in bases {
                let path = (word.hasPrefix("/") ? URL(fileURLWithPath: word) : base.appendingPathComponent(word))
                    .standardizedFileURL.path
                guard path != reportPath, !path.hasPrefix(outside), snapshot.stamps[path] == nil,
                      let stamp = stamp(path, regularFileOnly: true) else { continue }
                snapshot.stamps[path] = stamp
            }
        }
        return snapshot
    }

    /// The watched files, sorted.
    var paths: [String] { stamps.keys.sorted() }

    /// The files added, removed or changed since `earlier`, sorted.
    func changes(since earlier: SourceSnapshot) -> [String] {
        Set(stamps.keys).union(earlier.stamps.keys)
            .filter { stamps[$0] != earlier.stamps[$0] }
            .sorted()
    }

    /// Words that may be paths: split at spaces, quotes, brackets and separators of YAML and
    /// directive options, without trailing sentence punctuation; only those with a `.` or a
    /// `/`, as data files have an extension or a folder.
    static func candidatePaths(in text: String) -> Set<String> {
        let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'`,;=()[]{}<>|*"))
        var words = Set<String>()
        for piece in text.components(separatedBy: separators) {
            var word = Substring(piece)
            while let last = word.last, ".:!?".contains(last) { word.removeLast() }
            guard !word.isEmpty, word.count < 1024, word.contains(".") || word.contains("/"),
                  !word.contains("://") else { continue }
            words.insert(String(word))
        }
        return words
    }

    private static func stamp(_ path: String, regularFileOnly: Bool = false) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if regularFileOnly, (info.st_mode & S_IFMT) != S_IFREG { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec),
                     size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
