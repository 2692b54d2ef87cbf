/// Why a chart could not be drawn.
public enum ChartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data does not fit the chart's shape, e.g. a row with the wrong number of values.
    case invalidData(String)
    /// The canvas is too small to draw anything readable.
    case canvasTooSmall(width: Double, height: Double, reason: String)

    public var description: String {
        switch self {
        case .invalidData(let message):
            return "invalid chart data: \(message)"
        case .canvasTooSmall(let width, let height, let reason):
            return "canvas \(Int(width))×\(Int(height)) is too small: \(reason)"
        }
    }
}
