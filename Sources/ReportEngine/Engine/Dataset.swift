import ReportData

/// A named table in the workspace with the roles of its columns and, once `{split}` ran, its
/// train / validation / test rows.
public struct Dataset: Sendable, Equatable {
    public var name: String
    public var table: Table
    /// The class label column, if any.
    public var label: String?
    /// The feature columns models and plots use by default.
    public var features: [String]
    /// Row indices of each part, set by `{split}`.
    public var split: DataSplit?
    /// Set when the label column holds tag lists (`{labels}`): a multi-label target.
    public var tags: TagTarget?
    /// For each feature `{normalize}` rescaled, how to get back to the data's units.
    public var originalUnits: [String: OriginalUnits] = [:]

    public init(name: String, table: Table, label: String?, features: [String], split: DataSplit? = nil,
                tags: TagTarget? = nil) {
        self.name = name
        self.table = table
        self.label = label
        self.features = features
        self.split = split
        self.tags = tags
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

/// The affine map from a rescaled feature back to its original units:
/// `original = value · scale + offset`.
public struct OriginalUnits: Sendable, Equatable {
    public var scale: Double
    public var offset: Double

    public init(scale: Double, offset: Double) {
        self.scale = scale
        self.offset = offset
    }

    public func original(_ value: Double) -> Double { value * scale + offset }

    /// This map applied after `inner` (a feature rescaled twice).
    public func composed(after inner: OriginalUnits) -> OriginalUnits {
        OriginalUnits(scale: inner.scale * scale, offset: inner.scale * offset + inner.offset)
    }
}
