/// A drawing surface in logical pixels (origin top-left, y down) that can measure text.
///
/// Charts compute their layout from `measureText` and `fontMetrics`, then draw through the
/// other methods. Renderers are single-use drawing contexts and so are reference types that
/// are not shared across tasks.
public protocol Renderer: AnyObject {
    /// Vertical metrics of `font`.
    func fontMetrics(_ font: Font) throws -> FontMetrics

    /// The ink width and line height (`FontMetrics.lineHeight`) of `text` set in `font`.
    func measureText(_ text: String, font: Font) throws -> Size

    /// Fills `rect` with `color` (blending when the colour is translucent).
    func fillRect(_ rect: Rect, color: Color)

    /// Draws a straight line `width` pixels wide.
    func strokeLine(from start: Point, to end: Point, width: Double, color: Color, antialiased: Bool)

    /// Fills the polygon through `points` (closing it), blending translucent colours.
    func fillPolygon(_ points: [Point], color: Color)

    /// Draws an open anti-aliased line through `points`.
    func strokePolyline(_ points: [Point], width: Double, color: Color)

    /// Draws an open line through `points` in dashes of `dash` (the pattern runs on across
    /// corners), for reference lines such as a ROC chart's chance diagonal.
    func strokeDashedPolyline(_ points: [Point], width: Double, color: Color, dash: LineDash)

    /// Fills a disc of `radius` around `center`, anti-aliased, blending translucent colours:
    /// scatter points, outliers, markers.
    func fillCircle(center: Point, radius: Double, color: Color)

    /// Draws `text` so that `anchor` of its box is at `point`, rotated `angle` degrees
    /// counter-clockwise about that point (90 reads bottom to top).
    func drawText(_ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor, angle: Double) throws

    /// Restricts later drawing to `rect`; `nil` removes the restriction.
    func setClip(_ rect: Rect?)
}

extension Renderer {
    /// Draws `text` unrotated.
    public func drawText(_ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor) throws {
        try drawText(text, at: point, font: font, color: color, anchor: anchor, angle: 0)
    }

    /// Outlines `rect` with lines `width` pixels wide, drawn inside the rectangle.
    public func strokeRect(_ rect: Rect, width: Double, color: Color) {
        fillRect(Rect(x: rect.minX, y: rect.minY, width: rect.width, height: width), color: color)
        fillRect(Rect(x: rect.minX, y: rect.maxY - width, width: rect.width, height: width), color: color)
        fillRect(Rect(x: rect.minX, y: rect.minY + width, width: width, height: rect.height - 2 * width), color: color)
        fillRect(Rect(x: rect.maxX - width, y: rect.minY + width, width: width, height: rect.height - 2 * width), color: color)
    }

    /// Where `text` would land if drawn with these arguments.
    public func placement(of text: String, at point: Point, font: Font, anchor: TextAnchor, angle: Double = 0) throws -> TextPlacement {
        TextPlacement(
            point: point, width: try measureText(text, font: font).width,
            metrics: try fontMetrics(font), anchor: anchor, angle: angle)
    }

    /// `text` shortened with a trailing "…" so that it is at most `maxWidth` wide; unchanged
    /// when it already fits.
    public func truncate(_ text: String, font: Font, maxWidth: Double) throws -> String {
        guard try measureText(text, font: font).width > maxWidth else { return text }
        let characters = Array(text)
        var lo = 0, hi = characters.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            let candidate = Self.ellipsized(characters, keeping: mid)
            if try measureText(candidate, font: font).width <= maxWidth { lo = mid } else { hi = mid - 1 }
        }
        return Self.ellipsized(characters, keeping: lo)
    }

    private static func ellipsized(_ characters: [Character], keeping n: Int) -> String {
        var kept = String(characters.prefix(n))
        while kept.last?.isWhitespace == true || kept.last == "(" || kept.last == "/" { kept.removeLast() }
        return kept + "…"
    }
}
