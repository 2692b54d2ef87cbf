/// The typeface parameters a chart asks for; the renderer picks the actual font file
/// (DejaVu Sans for the libgd renderer).
public struct Font: Hashable, Sendable {
    /// Size in logical pixels (the em height).
    public var size: Double
    /// Whether to use the bold face.
    public var bold: Bool

    /// Creates a font of `size` logical pixels, regular unless `bold`.
    public init(size: Double, bold: Bool = false) {
        self.size = size
        self.bold = bold
    }

    /// The same face at another size.
    public func withSize(_ size: Double) -> Font {
        Font(size: size, bold: bold)
    }
}
