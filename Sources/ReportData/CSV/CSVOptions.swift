/// How `CSVReader` reads a file.
public struct CSVOptions: Sendable {
    /// The field separator as an ASCII byte; `nil` detects one of `,` `;` tab `|`.
    public var delimiter: UInt8?
    /// Cell texts (after trimming spaces and tabs) that mean "missing".
    public var missing: Set<String>

    /// The default missing tokens: `NA`, the empty string and `null`.
    public static let defaultMissing: Set<String> = ["NA", "", "null"]

    /// Makes options; defaults detect the delimiter and treat `NA`, `` and `null` as missing.
    public init(delimiter: UInt8? = nil, missing: Set<String> = CSVOptions.defaultMissing) {
        self.delimiter = delimiter
        self.missing = missing
    }
}
