import Foundation

/// A dash pattern for stroked lines: `on` logical pixels drawn, then `off` skipped, repeating.
public struct LineDash: Hashable, Sendable {
    /// Length of each dash.
    public var on: Double
    /// Length of each gap.
    public var off: Double

    /// Creates a pattern of `on`-pixel dashes and `off`-pixel gaps.
    ///
    /// - Precondition: `on > 0` and `off >= 0`.
    public init(on: Double, off: Double) {
        precondition(on > 0 && off >= 0, "a dash pattern needs positive dashes and non-negative gaps")
        self.on = on
        self.off = off
    }

    /// 6-pixel dashes with 4-pixel gaps: reference lines (chance diagonal, cut lines).
    public static let dashed = LineDash(on: 6, off: 4)
    /// Short dashes, for a second kind of reference line.
    public static let dotted = LineDash(on: 2, off: 3)

    /// The drawn pieces of the polyline through `points`, each a polyline of its own; the
    /// pattern starts with a dash at the first point and continues across corners.
    public func segments(along points: [Point]) -> [[Point]] {
        guard points.count >= 2 else { return [] }
        guard off > 0 else { return [points] }
        var pieces = [[Point]]()
        var current = [Point]()
        var drawing = true
        var left = on  // length left in the current dash or gap
        for i in 1..<points.count {
            let a = points[i - 1], b = points[i]
            let length = hypot(b.x - a.x, b.y - a.y)
            guard length > 0 else { continue }
            var travelled = 0.0
            if drawing && current.isEmpty { current.append(a) }
            while length - travelled > left {
                travelled += left
                let t = travelled / length
                let p = Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                if drawing {
                    current.append(p)
                    pieces.append(current)
                    current = []
                } else {
                    current = [p]
                }
                drawing.toggle()
                left = drawing ? on : off
            }
            left -= length - travelled
            if drawing { current.append(b) }
        }
        if drawing && current.count >= 2 { pieces.append(current) }
        return pieces
    }
}
