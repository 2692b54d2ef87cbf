/// A renderer that draws nothing and remembers every call, for layout tests.
///
/// Text is measured as 0.6 × font size per character, with ``FontMetrics/approximate(size:)``
/// for the vertical metrics, which is close to DejaVu Sans and independent of any font file.
public final class RecordingRenderer: Renderer {
    /// One recorded drawing call.
    public enum Operation: Hashable, Sendable {
        /// `fillRect(rect, color:)`.
        case fillRect(Rect, Color)
        /// `strokeLine(from:to:width:color:antialiased:)`.
        case line(from: Point, to: Point, width: Double, color: Color)
        /// `fillPolygon(points, color:)`.
        case polygon([Point], Color)
        /// `strokePolyline(points, width:color:)`.
        case polyline([Point], width: Double, color: Color)
        /// `strokeDashedPolyline(points, width:color:dash:)`.
        case dashedPolyline([Point], width: Double, color: Color, dash: LineDash)
        /// `fillCircle(center:radius:color:)`.
        case circle(center: Point, radius: Double, color: Color)
        /// `drawText(...)`.
        case text(DrawnText)
        /// `setClip(rect)`.
        case clip(Rect?)
    }

    /// A recorded `drawText` call with where the text landed.
    public struct DrawnText: Hashable, Sendable {
        /// The string drawn.
        public var text: String
        /// Its font.
        public var font: Font
        /// Its colour.
        public var color: Color
        /// The anchor point.
        public var point: Point
        /// The anchor.
        public var anchor: TextAnchor
        /// Rotation in degrees counter-clockwise.
        public var angle: Double
        /// The box the text occupies.
        public var placement: TextPlacement
    }

    /// Every call, in order.
    public private(set) var operations: [Operation] = []

    /// Creates an empty recorder.
    public init() {}

    /// The recorded texts, in drawing order.
    public var texts: [DrawnText] {
        operations.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    /// The recorded discs, in drawing order.
    public var circles: [(center: Point, radius: Double, color: Color)] {
        operations.compactMap { if case .circle(let c, let r, let color) = $0 { return (c, r, color) } else { return nil } }
    }

    /// The recorded rectangle fills, in drawing order.
    public var filledRects: [(rect: Rect, color: Color)] {
        operations.compactMap { if case .fillRect(let r, let c) = $0 { return (r, c) } else { return nil } }
    }

    /// One line per call with coordinates rounded to 0.01, for golden comparisons: stable
    /// across runs and platforms, and it changes whenever the layout changes.
    public var transcript: String {
        func n(_ v: Double) -> String { String(format: "%.2f", v) }
        func p(_ point: Point) -> String { "\(n(point.x)),\(n(point.y))" }
        func r(_ rect: Rect) -> String { "\(n(rect.minX)),\(n(rect.minY)) \(n(rect.width))x\(n(rect.height))" }
        return operations.map { op -> String in
            switch op {
            case .fillRect(let rect, let color): return "rect \(r(rect)) \(color.hexString)"
            case .line(let a, let b, let w, let color): return "line \(p(a)) \(p(b)) \(n(w)) \(color.hexString)"
            case .polygon(let points, let color):
                return "polygon \(points.count) \(points.map(p).joined(separator: " ")) \(color.hexString) \(n(color.alpha))"
            case .polyline(let points, let w, let color):
                return "polyline \(points.count) \(points.map(p).joined(separator: " ")) \(n(w)) \(color.hexString)"
            case .dashedPolyline(let points, let w, let color, let dash):
                return "dashed \(points.count) \(points.map(p).joined(separator: " ")) \(n(w)) \(color.hexString) \(n(dash.on))/\(n(dash.off))"
            case .circle(let center, let radius, let color):
                return "circle \(p(center)) \(n(radius)) \(color.hexString) \(n(color.alpha))"
            case .text(let t):
                return "text \(t.text) \(n(t.font.size))\(t.font.bold ? "b" : "") \(p(t.point)) \(t.anchor.horizontal)-\(t.anchor.vertical) \(n(t.angle)) \(t.color.hexString)"
            case .clip(let rect): return "clip \(rect.map(r) ?? "none")"
            }
        }.joined(separator: "\n")
    }

    public func fontMetrics(_ font: Font) throws -> FontMetrics {
        .approximate(size: font.size)
    }

    public func measureText(_ text: String, font: Font) throws -> Size {
        Size(width: 0.6 * font.size * Double(text.count), height: FontMetrics.approximate(size: font.size).lineHeight)
    }

    public func fillRect(_ rect: Rect, color: Color) {
        operations.append(.fillRect(rect, color))
    }

    public func strokeLine(from start: Point, to end: Point, width: Double, color: Color, antialiased: Bool) {
        operations.append(.line(from: start, to: end, width: width, color: color))
    }

    public func fillPolygon(_ points: [Point], color: Color) {
        operations.append(.polygon(points, color))
    }

    public func strokePolyline(_ points: [Point], width: Double, color: Color) {
        operations.append(.polyline(points, width: width, color: color))
    }

    public func strokeDashedPolyline(_ points: [Point], width: Double, color: Color, dash: LineDash) {
        operations.append(.dashedPolyline(points, width: width, color: color, dash: dash))
    }

    public func fillCircle(center: Point, radius: Double, color: Color) {
        operations.append(.circle(center: center, radius: radius, color: color))
    }

    public func drawText(_ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor, angle: Double) throws {
        let placement = try placement(of: text, at: point, font: font, anchor: anchor, angle: angle)
        operations.append(.text(DrawnText(
            text: text, font: font, color: color, point: point, anchor: anchor, angle: angle, placement: placement)))
    }

    public func setClip(_ rect: Rect?) {
        operations.append(.clip(rect))
    }
}
