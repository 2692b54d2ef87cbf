/// What steps share while a report runs: named datasets and the results tree.
public final class Workspace {
    public private(set) var datasets: [String: Dataset] = [:]
    /// Name of the dataset steps use when they give no `:data:`.
    public private(set) var currentDataset: String?
    public internal(set) var results = ResultObject()
    /// Things steps hand to later steps besides datasets — fitted models, evaluations — keyed
    /// by kind and step id (`model:rf`). Steps cast to the type they stored.
    public private(set) var objects: [String: any Sendable] = [:]

    public init() {}

    /// Stores an object for later steps under `key`.
    public func storeObject(_ object: any Sendable, key: String) {
        objects[key] = object
    }

    /// The object stored under `key`, if it has type `T`.
    public func object<T>(_ key: String, as type: T.Type = T.self) -> T? {
        objects[key] as? T
    }

    /// Adds or replaces a dataset and makes it the current one.
    public func store(_ dataset: Dataset) {
        datasets[dataset.name] = dataset
        currentDataset = dataset.name
    }
}
