import ReportData

/// A named table in the workspace with the roles of its columns.
public struct Dataset: Sendable {
    public var name: String
    public var table: Table
    /// The class label column, if any.
    public var label: String?
    /// The feature columns models and plots use by default.
    public var features: [String]

    public init(name: String, table: Table, label: String?, features: [String]) {
        self.name = name
        self.table = table
        self.label = label
        self.features = features
    }
}
