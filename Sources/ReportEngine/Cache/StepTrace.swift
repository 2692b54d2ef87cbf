/// What one step read and wrote while it ran: the resources (with the version digest it saw),
/// the files (with the digest of their bytes) and the values it stored.
struct StepTrace {
    /// The step is being re-run to rebuild a value the cache does not store; its writes fill
    /// in existing versions instead of making new ones.
    var rebuilding = false
    private(set) var reads: [(resource: String, digest: ContentDigest)] = []
    private(set) var files: [(path: String, digest: ContentDigest)] = []
    /// The last value written to each resource, in the order of first writes.
    private(set) var writes: [(resource: String, payload: Workspace.Payload)] = []
    private var seen: Set<String> = []

    init(rebuilding: Bool = false) {
        self.rebuilding = rebuilding
    }

    /// Records the first read of a resource (later reads see the same version).
    mutating func read(_ resource: String, _ digest: ContentDigest) {
        guard seen.insert(resource).inserted else { return }
        reads.append((resource, digest))
    }

    mutating func file(_ path: String, _ digest: ContentDigest) {
        guard !files.contains(where: { $0.path == path }) else { return }
        files.append((path, digest))
    }

    mutating func write(_ resource: String, _ payload: Workspace.Payload) {
        if let index = writes.firstIndex(where: { $0.resource == resource }) {
            writes[index].payload = payload
        } else {
            writes.append((resource, payload))
        }
    }
}

/// A cached run of a step: the inputs it saw, the versions it wrote and its output.
struct CacheEntry {
    /// What a step wrote, as needed to replay it without running it.
    enum Written {
        /// A dataset, stored as the blob with this digest (its version digest).
        case dataset(blob: ContentDigest)
        /// An object: stored as a blob when it is a `CacheableObject`, else rebuilt by
        /// re-running the step.
        case object(blob: ContentDigest?)
        /// The current dataset's name.
        case current(String)
    }

    /// Digest of the step's directive and of everything it read: its identity for later steps.
    var stepKey: ContentDigest
    var reads: [(resource: String, digest: ContentDigest)]
    var files: [(path: String, digest: ContentDigest)]
    var writes: [(resource: String, digest: ContentDigest, value: Written)]
    /// The blob holding the encoded `StepOutput`.
    var output: ContentDigest
    /// Other blobs the output and objects refer to (figures, the datasets models were fitted on).
    var attachments: [ContentDigest]
    /// How long the step took when it ran.
    var seconds: Double

    /// Every blob this entry needs.
    var blobs: [ContentDigest] {
        var all = [output] + attachments
        for write in writes {
            switch write.value {
            case .dataset(let blob), .object(blob: let blob?): all.append(blob)
            default: break
            }
        }
        return all
    }

    func encode(into writer: inout ByteWriter) {
        writer.digest(stepKey)
        writer.array(reads) { writer, read in
            writer.string(read.resource)
            writer.digest(read.digest)
        }
        writer.array(files) { writer, file in
            writer.string(file.path)
            writer.digest(file.digest)
        }
        writer.array(writes) { writer, write in
            writer.string(write.resource)
            writer.digest(write.digest)
            switch write.value {
            case .dataset(let blob): writer.u8(0); writer.digest(blob)
            case .object(let blob):
                writer.u8(1)
                writer.bool(blob != nil)
                if let blob { writer.digest(blob) }
            case .current(let name): writer.u8(2); writer.string(name)
            }
        }
        writer.digest(output)
        writer.array(attachments) { $0.digest($1) }
        writer.double(seconds)
    }

    static func decode(_ reader: inout ByteReader) throws -> CacheEntry {
        let stepKey = try reader.digest()
        let reads = try reader.array { reader -> (resource: String, digest: ContentDigest) in
            (try reader.string(), try reader.digest())
        }
        let files = try reader.array { reader -> (path: String, digest: ContentDigest) in
            (try reader.string(), try reader.digest())
        }
        let writes = try reader.array { reader -> (resource: String, digest: ContentDigest, value: Written) in
            let resource = try reader.string()
            let digest = try reader.digest()
            switch try reader.u8() {
            case 0: return (resource, digest, .dataset(blob: try reader.digest()))
            case 1: return (resource, digest, .object(blob: try reader.bool() ? try reader.digest() : nil))
            case 2: return (resource, digest, .current(try reader.string()))
            case let tag: throw CacheFormatError("unknown write tag \(tag)")
            }
        }
        return CacheEntry(stepKey: stepKey, reads: reads, files: files, writes: writes, output: try reader.digest(),
                          attachments: try reader.array { try $0.digest() }, seconds: try reader.double())
    }
}
