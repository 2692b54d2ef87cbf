/// A value for `PythonFormat.format`, carrying the Python type that decides its formatting.
public enum FormatValue: Sendable, Equatable {
    /// A Python `int`.
    case int(Int)
    /// A Python `float`.
    case double(Double)
    /// A Python `str`.
    case string(String)
    /// A Python `bool` (an `int` that prints as `True`/`False` with an empty spec).
    case bool(Bool)
}
