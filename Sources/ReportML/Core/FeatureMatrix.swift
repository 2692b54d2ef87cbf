/// A dense feature matrix in row-major order: `values[row * columns + column]`.
///
/// Estimators read rows contiguously; column access is available for tree building and
/// scaling. NaN is not allowed (estimators check with `firstNaN` and throw `MLError`).
public struct FeatureMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var values: [Double]

    /// Precondition: `values.count == rows * columns`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "FeatureMatrix: \(values.count) values for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// Builds a matrix from columns of equal length.
    public init(columns data: [[Double]]) {
        let rows = data.first?.count ?? 0
        var values = [Double](repeating: 0, count: rows * data.count)
        for (column, series) in data.enumerated() {
            precondition(series.count == rows, "FeatureMatrix: columns of different lengths")
            for row in 0..<rows { values[row * data.count + column] = series[row] }
        }
        self.init(rows: rows, columns: data.count, values: values)
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// One row as an array.
    public func row(_ row: Int) -> ArraySlice<Double> {
        values[(row * columns)..<((row + 1) * columns)]
    }

    /// One column as an array.
    public func column(_ column: Int) -> [Double] {
        (0..<rows).map { values[$0 * columns + column] }
    }

    /// The rows at `indices`, in that order.
    public func selecting(rows indices: [Int]) -> FeatureMatrix {
        var out = [Double]()
        out.reserveCapacity(indices.count * columns)
        for row in indices { out.append(contentsOf: self.row(row)) }
        return FeatureMatrix(rows: indices.count, columns: columns, values: out)
    }

    /// The (row, column) of the first NaN or infinity, if any.
    public var firstNonFinite: (row: Int, column: Int)? {
        guard let index = values.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (index / columns, index % columns)
    }
}

/// Stored as its shape and values; decoding rejects values that do not fill the shape.
extension FeatureMatrix: Codable {
    private enum CodingKeys: String, CodingKey {
        case rows, columns, values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rows)
        let columns = try container.decode(Int.self, forKey: .columns)
        let values = try container.decode([Double].self, forKey: .values)
        let size = rows.multipliedReportingOverflow(by: columns)
        try ArchiveCheck.require(rows >= 0 && columns >= 0 && !size.overflow && size.partialValue == values.count,
                                 "\(values.count) values for a \(rows)×\(columns) matrix")
        self.init(rows: rows, columns: columns, values: values)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(columns, forKey: .columns)
        try container.encode(values, forKey: .values)
    }
}
