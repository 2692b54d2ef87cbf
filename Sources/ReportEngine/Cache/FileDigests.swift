import Crypto
import Foundation

/// Digests of files that steps read, memoised by path, size and modification time so a
/// build hashes each data file once however many steps read it.
enum FileDigests {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var memo: [String: (size: Int, modified: Date, digest: ContentDigest)] = [:]

    /// The digest of the file's bytes; a missing or unreadable file gets a digest of its own.
    static func digest(ofFileAt path: String) -> ContentDigest {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue,
              let modified = attributes[.modificationDate] as? Date,
              let handle = FileHandle(forReadingAtPath: path) else {
            return DigestBuilder("report.missing-file").finish()
        }
        defer { try? handle.close() }
        lock.lock()
        let known = memo[path]
        lock.unlock()
        if let known, known.size == size, known.modified == modified { return known.digest }

        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        let digest = ContentDigest(bytes: Array(hasher.finalize()))
        lock.lock()
        memo[path] = (size, modified, digest)
        lock.unlock()
        return digest
    }
}
