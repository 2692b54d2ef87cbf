/// Where a chart puts its legend.
public enum LegendPosition: Hashable, Sendable {
    /// Beside the plot when the plot is square and the canvas is wide enough, else on top.
    case automatic
    /// Centred rows between the title and the plot.
    case top
    /// One entry per line, right of the plot.
    case right
    /// No legend.
    case hidden
}
