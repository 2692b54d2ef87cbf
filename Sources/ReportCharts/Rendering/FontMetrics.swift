/// Vertical measurements of a font at one size, in logical pixels, measured from the baseline.
public struct FontMetrics: Hashable, Sendable {
    /// How far the tallest ordinary glyphs reach above the baseline.
    public var ascent: Double
    /// How far descenders reach below the baseline (positive).
    public var descent: Double
    /// Height of capital letters and digits above the baseline; text is centred on it.
    public var capHeight: Double

    /// Creates metrics from their parts.
    public init(ascent: Double, descent: Double, capHeight: Double) {
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight
    }

    /// Height of one line of text, `ascent + descent`.
    public var lineHeight: Double { ascent + descent }

    /// Proportions close to DejaVu Sans, for estimates made without a renderer.
    public static func approximate(size: Double) -> FontMetrics {
        FontMetrics(ascent: 0.76 * size, descent: 0.24 * size, capHeight: 0.73 * size)
    }
}
