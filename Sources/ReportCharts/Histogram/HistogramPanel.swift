/// One small multiple of a ``HistogramChart``: the series of every class for one feature,
/// counted into shared bins.
public struct HistogramPanel: Hashable, Sendable {
    /// Panel title, usually the feature name.
    public var title: String
    /// One series per class, overlaid.
    public var series: [HistogramSeries]
    /// The bins every series is counted into; `nil` uses ``HistogramBins/auto(_:)`` over all
    /// the panel's values together, so the classes stay comparable bin by bin.
    public var bins: HistogramBins?

    /// Creates a panel.
    public init(title: String, series: [HistogramSeries], bins: HistogramBins? = nil) {
        self.title = title
        self.series = series
        self.bins = bins
    }

    /// The given bins, or automatic bins over all values of all series:
    /// ``HistogramBins/discrete(_:)`` when every value is a whole number spanning at most
    /// 60 (keys, counts, ratings), where numpy's widths would split or merge integers
    /// unevenly; ``HistogramBins/auto(_:)`` otherwise.
    public var resolvedBins: HistogramBins {
        if let bins { return bins }
        let values = series.flatMap(\.values)
        return HistogramBins.discrete(values) ?? .auto(values)
    }
}
