import ReportData

/// A named table in the workspace with the roles of its columns and, once `{split}` ran, its
/// train / validation / test rows.
public struct Dataset: Sendable {
    public var name: String
    public var table: Table
    /// The class label column, if any.
    public var label: String?
    /// The feature columns models and plots use by default.
    public var features: [String]
    /// Row indices of each part, set by `{split}`.
    public var split: DataSplit?

    public init(name: String, table: Table, label: String?, features: [String], split: DataSplit? = nil) {
        self.name = name
        self.table = table
        self.label = label
        self.features = features
        self.split = split
    }
}

/// Row indices (into the dataset's table, ascending) of the training, validation and test parts.
public struct DataSplit: Sendable, Equatable {
    public var train: [Int]
    public var validation: [Int]
    public var test: [Int]

    public init(train: [Int], validation: [Int] = [], test: [Int]) {
        self.train = train
        self.validation = validation
        self.test = test
    }
}
