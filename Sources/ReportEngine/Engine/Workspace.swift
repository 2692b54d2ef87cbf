/// What steps share while a report runs: named datasets and the results tree.
public final class Workspace {
    public private(set) var datasets: [String: Dataset] = [:]
    /// Name of the dataset steps use when they give no `:data:`.
    public private(set) var currentDataset: String?
    public internal(set) var results = ResultObject()

    public init() {}

    /// Adds or replaces a dataset and makes it the current one.
    public func store(_ dataset: Dataset) {
        datasets[dataset.name] = dataset
        currentDataset = dataset.name
    }
}
