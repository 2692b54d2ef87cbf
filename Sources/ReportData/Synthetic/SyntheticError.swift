/// Why a synthetic data set could not be made.
public enum SyntheticError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No profile has this name.
    case unknownProfile(String, available: [String])
    /// A row count was zero or negative.
    case invalidRowCount(option: String, value: Int)
    /// Rows per class were asked of a profile without classes.
    case noClasses(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .unknownProfile(name, available):
            return "unknown synthetic profile '\(name)'; available: \(available.joined(separator: ", "))"
        case let .invalidRowCount(option, value):
            return "\(option) must be at least 1, got \(value)"
        case let .noClasses(name):
            return "synthetic profile '\(name)' has no classes (its targets are tag lists); give rows instead of rows-per-class"
        }
    }
}
