import Foundation

/// Where a piece of text lands: its baseline origin and its (possibly rotated) outline.
///
/// Both renderers and chart layouts use this, so the box a layout reserves is the box the
/// renderer fills.
public struct TextPlacement: Hashable, Sendable {
    /// Start of the baseline (left end of the text, before any ink bearing).
    public var baselineOrigin: Point
    /// The text box (width × line height) after rotation.
    public var outline: Quad

    /// Places text of `width` with `metrics` so that `anchor` sits at `point`, then rotates it
    /// by `angle` degrees counter-clockwise about `point`.
    public init(point: Point, width: Double, metrics: FontMetrics, anchor: TextAnchor, angle: Double) {
        let left: Double
        switch anchor.horizontal {
        case .left: left = 0
        case .center: left = -width / 2
        case .right: left = -width
        }
        // `top` is the y of the box's top edge relative to the anchor point (y grows down).
        let top: Double
        switch anchor.vertical {
        case .top: top = 0
        case .middle: top = metrics.capHeight / 2 - metrics.ascent
        case .baseline: top = -metrics.ascent
        case .bottom: top = -metrics.lineHeight
        }
        let radians = angle * .pi / 180
        let c = cos(radians), s = sin(radians)
        func rotate(_ x: Double, _ y: Double) -> Point {
            // Counter-clockwise on screen, where y points down.
            Point(x: point.x + x * c + y * s, y: point.y - x * s + y * c)
        }
        baselineOrigin = rotate(left, top + metrics.ascent)
        let bottom = top + metrics.lineHeight
        outline = Quad([
            rotate(left, top), rotate(left + width, top),
            rotate(left + width, bottom), rotate(left, bottom),
        ])
    }

    /// The axis-aligned box around the outline.
    public var bounds: Rect { outline.bounds }
}
