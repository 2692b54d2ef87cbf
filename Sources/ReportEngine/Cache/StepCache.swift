import Foundation

/// The step cache in a folder (by default `<out>/.cache`): blobs addressed by the SHA-256 of
/// their bytes, and for each directive key the traces of its latest runs.
///
/// Layout: `blobs/ab/abcd…` (step outputs, figures, datasets), `steps/<directive key>` (up to
/// `entriesPerStep` traces, newest first) and `builds/<report key>` (each step's directive
/// fields in the last build, for `--explain`). Every read is checked: a blob whose bytes do
/// not hash to its name, or an index from another format, is ignored and recomputed.
/// Files are written to a temporary name and renamed, so a crash never leaves half a file.
public final class StepCache: @unchecked Sendable {
    public let directory: URL
    /// The format and tool version; an index written by another is ignored.
    let stamp: String
    static let entriesPerStep = 4
    private let fileManager = FileManager.default

    public init(directory: URL, toolVersion: String) {
        self.directory = directory
        self.stamp = "report-step-cache 1; report \(toolVersion)"
    }

    private var blobsFolder: URL { directory.appendingPathComponent("blobs") }
    private var stepsFolder: URL { directory.appendingPathComponent("steps") }
    private var buildsFolder: URL { directory.appendingPathComponent("builds") }

    private func blobURL(_ digest: ContentDigest) -> URL {
        let hex = digest.hex
        return blobsFolder.appendingPathComponent(String(hex.prefix(2))).appendingPathComponent(hex)
    }

    // MARK: Blobs

    /// Stores `bytes` (if not already there) and returns their digest.
    @discardableResult
    public func storeBlob(_ bytes: [UInt8]) throws -> ContentDigest {
        let digest = ContentDigest(of: bytes)
        let url = blobURL(digest)
        // An existing file is trusted only if it still holds these bytes (it may be damaged);
        // compared with memcmp, not byte by byte through iterators (a 50 MB forest).
        if let existing = fileManager.contents(atPath: url.path), existing.count == bytes.count,
           bytes.isEmpty || existing.withUnsafeBytes({ stored in bytes.withUnsafeBytes { memcmp(stored.baseAddress!, $0.baseAddress!, bytes.count) == 0 } }) {
            return digest
        }
        try writeAtomically(Data(bytes), to: url)
        return digest
    }

    /// The bytes of a blob, checked against its digest.
    public func blob(_ digest: ContentDigest) throws -> [UInt8] {
        let url = blobURL(digest)
        guard let data = fileManager.contents(atPath: url.path) else {
            throw CacheFormatError("blob \(digest.short) is missing")
        }
        let bytes = [UInt8](data)
        guard ContentDigest(of: bytes) == digest else {
            try? fileManager.removeItem(at: url)
            throw CacheFormatError("blob \(digest.short) is corrupt (its bytes do not match its digest)")
        }
        return bytes
    }

    // MARK: Step entries

    /// The stored traces of a directive key, newest first; an unreadable index gives none.
    func entries(for directiveKey: ContentDigest) -> [CacheEntry] {
        guard let data = fileManager.contents(atPath: stepsFolder.appendingPathComponent(directiveKey.hex).path) else {
            return []
        }
        var reader = ByteReader([UInt8](data))
        do {
            guard try reader.string() == stamp else { return [] }
            let entries = try reader.array { try CacheEntry.decode(&$0) }
            guard reader.isAtEnd else { return [] }
            return entries
        } catch {
            return []
        }
    }

    /// Adds `entry` as the newest trace of `directiveKey`, dropping an older one with the same
    /// step key and all but the newest `entriesPerStep`.
    func record(_ entry: CacheEntry, for directiveKey: ContentDigest) throws {
        var entries = self.entries(for: directiveKey).filter { $0.stepKey != entry.stepKey }
        entries.insert(entry, at: 0)
        entries = Array(entries.prefix(Self.entriesPerStep))
        var writer = ByteWriter()
        writer.string(stamp)
        writer.array(entries) { $1.encode(into: &$0) }
        try writeAtomically(Data(writer.bytes), to: stepsFolder.appendingPathComponent(directiveKey.hex))
    }

    // MARK: Last build

    /// Each step's directive fields in the last build of a report.
    func lastBuild(_ reportKey: String) -> [String: [DirectiveField]] {
        let url = buildsFolder.appendingPathComponent(ContentDigest(of: Array(reportKey.utf8)).hex)
        guard let data = fileManager.contents(atPath: url.path) else { return [:] }
        var reader = ByteReader([UInt8](data))
        do {
            guard try reader.string() == stamp else { return [:] }
            let steps = try reader.array { reader -> (String, [DirectiveField]) in
                let id = try reader.string()
                let fields = try reader.array { reader in DirectiveField(name: try reader.string(), value: try reader.string()) }
                return (id, fields)
            }
            return Dictionary(steps, uniquingKeysWith: { first, _ in first })
        } catch {
            return [:]
        }
    }

    func saveLastBuild(_ reportKey: String, steps: [(id: String, fields: [DirectiveField])]) throws {
        var writer = ByteWriter()
        writer.string(stamp)
        writer.array(steps) { writer, step in
            writer.string(step.id)
            writer.array(step.fields) { writer, field in
                writer.string(field.name)
                writer.string(field.value)
            }
        }
        try writeAtomically(Data(writer.bytes),
                            to: buildsFolder.appendingPathComponent(ContentDigest(of: Array(reportKey.utf8)).hex))
    }

    // MARK: Housekeeping

    /// Deletes blobs no stored trace refers to (outputs of steps that have been replaced), and
    /// leftover temporary files. Returns the number of files removed.
    @discardableResult
    public func collectGarbage() -> Int {
        var live = Set<String>()
        let indexes = (try? fileManager.contentsOfDirectory(atPath: stepsFolder.path)) ?? []
        for name in indexes where !name.hasPrefix(".") {
            guard let key = ContentDigest(hex: name) else { continue }
            for entry in entries(for: key) {
                for blob in entry.blobs { live.insert(blob.hex) }
            }
        }
        var removed = 0
        let shards = (try? fileManager.contentsOfDirectory(atPath: blobsFolder.path)) ?? []
        for shard in shards {
            let folder = blobsFolder.appendingPathComponent(shard)
            for name in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] where !live.contains(name) {
                if (try? fileManager.removeItem(at: folder.appendingPathComponent(name))) != nil { removed += 1 }
            }
        }
        return removed
    }

    private func writeAtomically(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        if !fileManager.fileExists(atPath: directory.appendingPathComponent("CACHEDIR.TAG").path) {
            let tag = "Signature: 8a477f597d28d172789f06886806bc55\n# The step cache of `report`; delete it freely (or build with --no-cache).\n"
            try? Data(tag.utf8).write(to: directory.appendingPathComponent("CACHEDIR.TAG"))
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try data.write(to: temporary)
        // rename(2) replaces the target atomically: readers see the old file or the new one.
        guard rename(temporary.path, url.path) == 0 else {
            try? fileManager.removeItem(at: temporary)
            throw CacheFormatError("cannot store \(url.path) (errno \(errno))")
        }
    }
}

/// One field of a directive's identity (`option n-estimators` = `200`), kept so `--explain`
/// can say what changed.
struct DirectiveField: Equatable {
    var name: String
    var value: String
}
