/// How a correlation coefficient is computed.
public enum CorrelationMethod: String, Sendable, CaseIterable {
    /// Pearson's product-moment correlation of the values.
    case pearson
    /// Spearman's rank correlation: Pearson's coefficient of the average ranks.
    case spearman
}
