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

    /// matplotlib's `tab20` for eleven to twenty categories: its ten strong colours first, then
    /// their light partners, so the first ten categories never share a hue family.
    public static let tab20 = CategoricalPalette(colors: [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
        0xAEC7E8, 0xFFBB78, 0x98DF8A, 0xFF9896, 0xC5B0D5, 0xC49C94, 0xF7B6D2, 0xC7C7C7, 0xDBDB8D, 0x9EDAE5,
    ].map { Color(hex: $0) })

    /// The default for `count` categories: Okabe–Ito up to eight, Tableau 10 up to ten, `tab20`
    /// beyond (colours repeat only past twenty).
    public static func standard(count: Int) -> CategoricalPalette {
        if count <= okabeIto.colors.count { return okabeIto }
        return count <= tableau10.colors.count ? tableau10 : tab20
    }
}
