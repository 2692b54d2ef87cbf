import Foundation

/// A convex quadrilateral, used for the outline of rotated text.
///
/// Text boxes rotated by 45° overlap as axis-aligned bounding boxes long before the text
/// itself touches, so layout checks compare the rotated outlines instead.
public struct Quad: Hashable, Sendable {
    /// The four corners in order around the outline.
    public var corners: [Point]

    /// Creates a quadrilateral from its corners, in order around the outline.
    public init(_ corners: [Point]) {
        self.corners = corners
    }

    /// The axis-aligned bounding box.
    public var bounds: Rect {
        Rect(bounding: corners) ?? Rect(x: 0, y: 0, width: 0, height: 0)
    }

    /// Whether the interiors of two convex outlines overlap by more than `tolerance` pixels,
    /// using the separating-axis test.
    public func intersects(_ other: Quad, tolerance: Double = 0) -> Bool {
        for polygon in [corners, other.corners] {
            let n = polygon.count
            for i in 0..<n {
                let a = polygon[i], b = polygon[(i + 1) % n]
                let length = hypot(b.x - a.x, b.y - a.y)
                guard length > 0 else { continue }
                let axis = Point(x: -(b.y - a.y) / length, y: (b.x - a.x) / length)
                let (minA, maxA) = Quad.project(corners, on: axis)
                let (minB, maxB) = Quad.project(other.corners, on: axis)
                if maxA - minB <= tolerance || maxB - minA <= tolerance { return false }
            }
        }
        return true
    }

    private static func project(_ points: [Point], on axis: Point) -> (Double, Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for p in points {
            let d = p.x * axis.x + p.y * axis.y
            lo = min(lo, d)
            hi = max(hi, d)
        }
        return (lo, hi)
    }
}
