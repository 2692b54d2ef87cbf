/// Accumulates one CSV column, deciding its type as cells arrive.
///
/// A column starts numeric and stays so while every present cell (trimmed) parses as a
/// decimal number. At the first other cell it turns to text: at once when no number was
/// seen yet, otherwise it is `deferred` (the raw text of the earlier cells is gone) and the
/// reader collects it again in a second pass. A column with no present cell is text.
struct CSVColumnBuilder {
    /// What the builder does with the cells it receives.
    enum Kind: Equatable {
        /// Parsing numbers.
        case numeric
        /// Keeping text.
        case text
        /// Turned to text after numbers: needs a second pass; ignores cells.
        case deferred
        /// Not collected in this pass; ignores cells.
        case skipped
    }

    /// What the builder does with the next cell.
    private(set) var kind: Kind
    private var numbers: [Double] = []
    private var texts: [String?] = []
    private var presentNumbers = 0
    /// Shares the storage of repeated long texts.
    private var interner = CSVTextInterner()

    /// A builder of the given kind.
    init(kind: Kind) {
        self.kind = kind
    }

    /// Reserves room for `rows` values.
    mutating func reserve(rows: Int) {
        switch kind {
        case .numeric: numbers.reserveCapacity(rows)
        case .text: texts.reserveCapacity(rows)
        case .deferred, .skipped: break
        }
    }

    /// Adds the next cell (quotes already removed).
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ cellText: CSVCellText) {
        switch kind {
        case .numeric:
            let trimmed = CSVCellText.trimmed(bytes)
            if cellText.isMissing(trimmed) {
                numbers.append(.nan)
            } else if let value = DoubleParser.parse(trimmed) {
                numbers.append(value)
                presentNumbers += 1
            } else if presentNumbers == 0 {
                kind = .text
                texts = Array(repeating: nil, count: numbers.count)
                texts.reserveCapacity(numbers.capacity)
                numbers = []
                texts.append(interner.string(bytes))
            } else {
                kind = .deferred
                numbers = []
            }
        case .text:
            texts.append(cellText.isMissing(CSVCellText.trimmed(bytes)) ? nil : interner.string(bytes))
        case .deferred, .skipped:
            break
        }
    }

    /// The finished values for `rows` rows, or `nil` when the column is deferred or skipped.
    func values(rows: Int) -> ColumnValues? {
        switch kind {
        case .numeric:
            return presentNumbers > 0 ? .numeric(numbers) : .text(Array(repeating: nil, count: rows))
        case .text:
            return .text(texts)
        case .deferred, .skipped:
            return nil
        }
    }
}
