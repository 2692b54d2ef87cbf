/// A list of distinguishable colours for categories (classes, genres, clusters).
public struct CategoricalPalette: Hashable, Sendable {
    /// The colours in the order they are handed out.
    public let colors: [Color]

    /// Creates a palette from `colors`.
    ///
    /// - Precondition: `colors` is not empty.
    public init(colors: [Color]) {
        precondition(!colors.isEmpty, "a palette needs at least one colour")
        self.colors = colors
    }

    /// The colour for the category at `index`; indices past the end wrap around.
    public func color(at index: Int) -> Color {
        let n = colors.count
        return colors[((index % n) + n) % n]
    }

    /// Okabe & Ito's colour-blind-safe palette, ordered for a white background: strong
    /// blue, orange and green first, the pale yellow late, black last.
    public static let okabeIto = CategoricalPalette(colors: [
        0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x000000,
    ].map { Color(hex: $0) })

    /// Tableau 10 (2016 revision), for when more than eight categories are needed.
    public static let tableau10 = CategoricalPalette(colors: [
        0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F,
        0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC,
    ].map { Color(hex: $0) })

    /// The default for `count` categories: Okabe–Ito up to eight, Tableau 10 beyond.
    public static func standard(count: Int) -> CategoricalPalette {
        count <= okabeIto.colors.count ? okabeIto : tableau10
    }
}
