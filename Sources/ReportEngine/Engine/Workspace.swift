/// What steps share while a report runs: named datasets, fitted models and other objects,
/// and the results tree.
///
/// Every dataset and object is versioned by the step that wrote it, and every read and write
/// is recorded in the running step's trace: the step cache keys a step by exactly what it
/// read. A step at position `p` sees what the steps before `p` wrote, so a step can be re-run
/// later (to rebuild a model the cache does not store) and still see its original inputs.
public final class Workspace {
    /// A value a step wrote.
    enum Payload {
        case dataset(Dataset)
        case object(any Sendable)
        /// The current dataset's name.
        case name(String)
    }

    /// Where a version's value is: in memory, in a cache blob, or only obtainable by re-running
    /// the step that wrote it.
    enum Slot {
        case loaded(Payload)
        case datasetBlob(ContentDigest)
        case objectBlob(ContentDigest)
        case rerun
    }

    /// One write of a resource: by the step at `position`, identified by `digest`.
    final class Version {
        let position: Int
        let digest: ContentDigest
        var slot: Slot

        init(position: Int, digest: ContentDigest, slot: Slot) {
            self.position = position
            self.digest = digest
            self.slot = slot
        }
    }

    /// Resource names in traces: `dataset/NAME`, `object/KEY`, `objects/PREFIX` and `current`.
    enum Resource {
        static let current = "current"
        static func dataset(_ name: String) -> String { "dataset/\(name)" }
        static func object(_ key: String) -> String { "object/\(key)" }
        static func objects(prefix: String) -> String { "objects/\(prefix)" }
    }

    /// The version digest recorded for a read of a resource that did not exist.
    static let absent = DigestBuilder("report.absent").finish()

    private var history: [String: [Version]] = [:]
    /// The running step's position: it sees versions written before it.
    var position = 0
    /// Reads and writes of the running step.
    var trace = StepTrace()
    /// Produces the value of a version that is not in memory (loads a blob or re-runs its step).
    var materialise: ((String, Version) throws -> Payload)?

    public internal(set) var results = ResultObject()

    public init() {}

    // MARK: Datasets

    /// Name of the dataset steps use when they give no `:data:`.
    public var currentDataset: String? {
        guard case .name(let name)? = try? read(Resource.current) else { return nil }
        return name
    }

    /// The dataset called `name`, as the steps before this one left it.
    public func dataset(named name: String) throws -> Dataset? {
        guard case .dataset(let dataset)? = try read(Resource.dataset(name)) else { return nil }
        return dataset
    }

    /// Names of the datasets so far (for messages).
    public var datasetNames: [String] {
        history.keys.filter { $0.hasPrefix("dataset/") && visible($0) != nil }
            .map { String($0.dropFirst("dataset/".count)) }.sorted()
    }

    /// Adds or replaces a dataset and makes it the current one.
    public func store(_ dataset: Dataset) {
        write(Resource.dataset(dataset.name), .dataset(dataset))
        write(Resource.current, .name(dataset.name))
    }

    // MARK: Objects

    /// Stores an object for later steps under `key` (`model:rf`).
    public func storeObject(_ object: any Sendable, key: String) {
        write(Resource.object(key), .object(object))
    }

    /// The object stored under `key`, if it has type `T`.
    public func object<T>(_ key: String, as type: T.Type = T.self) throws -> T? {
        guard case .object(let object)? = try read(Resource.object(key)) else { return nil }
        return object as? T
    }

    /// Keys of the objects stored so far whose key starts with `prefix`, sorted; reading them
    /// makes the step depend on which objects exist and their versions.
    public func objectKeys(withPrefix prefix: String) -> [String] {
        let (resources, digest) = objectSet(prefix)
        trace.read(Resource.objects(prefix: prefix), digest)
        return resources.map { String($0.dropFirst("object/".count)) }
    }

    /// Every object whose key starts with `prefix` and has type `T`, in key order.
    public func objects<T>(withPrefix prefix: String, as type: T.Type = T.self) throws -> [T] {
        try objectKeys(withPrefix: prefix).compactMap { try object($0, as: T.self) }
    }

    // MARK: Versions

    /// The latest version of `resource` written before the running step.
    func visible(_ resource: String) -> Version? {
        guard let versions = history[resource] else { return nil }
        return versions.last { $0.position < position }
    }

    /// The current digest of a resource as the step at `position` would read it
    /// (for checking a cached trace); prefixes hash the keys and versions they cover.
    func currentDigest(of resource: String) -> ContentDigest {
        if resource.hasPrefix("objects/") {
            return objectSet(String(resource.dropFirst("objects/".count))).digest
        }
        return visible(resource)?.digest ?? Self.absent
    }

    /// The visible object resources under a key prefix, and a digest of their names and versions.
    private func objectSet(_ prefix: String) -> (resources: [String], digest: ContentDigest) {
        let resources = history.keys.filter { $0.hasPrefix("object/" + prefix) && visible($0) != nil }.sorted()
        var builder = DigestBuilder("report.object-keys")
        for name in resources {
            builder.add(name)
            builder.add(visible(name)!.digest)
        }
        return (resources, builder.finish())
    }

    /// Reads a resource as the running step sees it, recording the version in its trace.
    private func read(_ resource: String) throws -> Payload? {
        guard let version = visible(resource) else {
            trace.read(resource, Self.absent)
            return nil
        }
        trace.read(resource, version.digest)
        return try payload(resource, version)
    }

    private func payload(_ resource: String, _ version: Version) throws -> Payload {
        if case .loaded(let payload) = version.slot { return payload }
        guard let materialise else {
            fatalError("workspace: \(resource) is not in memory and nothing can rebuild it")
        }
        let payload = try materialise(resource, version)
        version.slot = .loaded(payload)
        return payload
    }

    private func write(_ resource: String, _ payload: Payload) {
        if trace.rebuilding {
            // Re-running a step whose output came from the cache: fill in the value of the
            // version it wrote then.
            if let version = history[resource]?.last(where: { $0.position == position }) {
                if case .loaded = version.slot {} else { version.slot = .loaded(payload) }
            }
            return
        }
        trace.write(resource, payload)
    }

    /// Records the versions a step wrote (fresh or from the cache).
    func commit(_ resource: String, digest: ContentDigest, slot: Slot, position: Int) {
        history[resource, default: []].append(Version(position: position, digest: digest, slot: slot))
    }
}
