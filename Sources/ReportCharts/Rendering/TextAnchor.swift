/// Which point of a text's box is placed at the drawing position (before rotation).
public struct TextAnchor: Hashable, Sendable {
    /// Horizontal reference of the text box.
    public enum Horizontal: Hashable, Sendable {
        /// The left end of the text.
        case left
        /// The middle of the text.
        case center
        /// The right end of the text.
        case right
    }

    /// Vertical reference of the text box.
    public enum Vertical: Hashable, Sendable {
        /// The top of the line (ascent above the baseline).
        case top
        /// The middle of capitals and digits, which looks centred to a reader.
        case middle
        /// The baseline.
        case baseline
        /// The bottom of the line (descent below the baseline).
        case bottom
    }

    /// Horizontal reference.
    public var horizontal: Horizontal
    /// Vertical reference.
    public var vertical: Vertical

    /// Creates an anchor from its two references.
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// Centred both ways.
    public static let center = TextAnchor(.center, .middle)
    /// Left end, vertically centred.
    public static let left = TextAnchor(.left, .middle)
    /// Right end, vertically centred.
    public static let right = TextAnchor(.right, .middle)
    /// Horizontally centred, top of the line at the point.
    public static let top = TextAnchor(.center, .top)
    /// Horizontally centred, bottom of the line at the point.
    public static let bottom = TextAnchor(.center, .bottom)
}
