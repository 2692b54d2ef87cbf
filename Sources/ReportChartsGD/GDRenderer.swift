import CGD
import Foundation
import ReportCharts

/// A ``Renderer`` drawing into a libgd truecolor image with FreeType text in DejaVu Sans.
///
/// Coordinates are logical pixels; `scale` multiplies everything (2 gives sharp images on
/// high-density screens). Thin slanted lines are anti-aliased by libgd; thick lines and
/// opaque polygons get an anti-aliased outline; axis-aligned lines and rectangles snap to
/// whole device pixels so they stay crisp.
public final class GDRenderer: Renderer {
    /// Canvas size in logical pixels.
    public let size: Size
    /// Device pixels per logical pixel.
    public let scale: Double

    private let image: GDImage
    private let fonts: DejaVuFonts
    private var metricsCache: [Font: FontMetrics] = [:]
    private var inkCache: [InkKey: Ink] = [:]

    private struct InkKey: Hashable {
        var text: String
        var font: Font
    }

    /// Horizontal ink extent of a string at device size, relative to the pen origin.
    private struct Ink {
        var left: Double
        var width: Double
    }

    /// FreeType's glyph cache must be set up once before any thread renders text.
    private static let fontCacheReady: Bool = gdFontCacheSetup() == 0

    /// Creates a canvas of `size` logical pixels at `scale`, painted with `background`.
    ///
    /// - Throws: ``GDError/invalidSize(width:height:scale:)`` for non-positive sizes,
    ///   ``GDError/fontNotFound(file:searched:)`` without DejaVu Sans, or
    ///   ``GDError/imageCreationFailed(width:height:)``.
    public init(size: Size, scale: Double = 1, background: Color = .white) throws {
        guard size.width > 0, size.height > 0, scale > 0, size.width.isFinite, size.height.isFinite, scale.isFinite else {
            throw GDError.invalidSize(width: size.width, height: size.height, scale: scale)
        }
        fonts = try DejaVuFonts.shared.get()
        guard Self.fontCacheReady else {
            throw GDError.textFailed(message: "FreeType could not be initialised", text: "")
        }
        self.size = size
        self.scale = scale
        image = try GDImage(width: Int((size.width * scale).rounded()), height: Int((size.height * scale).rounded()))
        gdImageFilledRectangle(image.pointer, 0, 0, Int32(image.width - 1), Int32(image.height - 1), Self.gdColor(background))
    }

    /// The drawing so far, encoded as PNG.
    public func pngBytes() throws -> [UInt8] {
        try image.pngBytes()
    }

    /// The colour of the device pixel at (`x`, `y`) (device pixels, i.e. logical × scale),
    /// or `nil` outside the image. For tests and checks that a drawing is not blank.
    public func pixel(x: Int, y: Int) -> Color? {
        guard x >= 0, y >= 0, x < image.width, y < image.height else { return nil }
        let value = gdImageGetTrueColorPixel(image.pointer, Int32(x), Int32(y))
        return Color(
            red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
            blue: Double(value & 0xFF) / 255, alpha: 1 - Double((value >> 24) & 0x7F) / 127)
    }

    /// Width and height of the image in device pixels.
    public var pixelSize: (width: Int, height: Int) { (image.width, image.height) }

    // MARK: Text

    public func fontMetrics(_ font: Font) throws -> FontMetrics {
        if let cached = metricsCache[font] { return cached }
        // Ink boxes of "|" (tallest and deepest ordinary glyph) and "H" (capitals and digits).
        let bar = try box(of: "|", font: font)
        let capital = try box(of: "H", font: font)
        let metrics = FontMetrics(
            ascent: Double(-bar[5]) / scale, descent: Double(bar[1]) / scale, capHeight: Double(-capital[5]) / scale)
        metricsCache[font] = metrics
        return metrics
    }

    public func measureText(_ text: String, font: Font) throws -> Size {
        Size(width: try ink(of: text, font: font).width / scale, height: try fontMetrics(font).lineHeight)
    }

    public func drawText(_ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor, angle: Double) throws {
        guard !text.isEmpty, color.alpha > 0 else { return }
        let quarterTurns = angle / 90
        if quarterTurns != quarterTurns.rounded() {
            try drawSupersampledText(text, at: point, font: font, color: color, anchor: anchor, angle: angle)
            return
        }
        let ink = try ink(of: text, font: font)
        let placement = TextPlacement(
            point: point, width: ink.width / scale, metrics: try fontMetrics(font), anchor: anchor, angle: angle)
        let pen = Self.penOrigin(placement, inkLeft: ink.left, scale: scale, angle: angle)
        try stringFT(
            image.pointer, text, color: color, bold: font.bold, pixelSize: font.size * scale, angle: angle,
            x: Int32(pen.x.rounded()), y: Int32(pen.y.rounded()))
    }

    /// Slanted text drawn 3× larger into a transparent scratch image and scaled down.
    ///
    /// FreeType hints glyphs to whole pixels before libgd rotates them, which leaves uneven
    /// gaps between the letters of text set at 45°; supersampling keeps the spacing even.
    private func drawSupersampledText(
        _ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor, angle: Double
    ) throws {
        let factor = 3
        let k = Double(factor)
        let b = try box(of: text, font: font, pixelSize: font.size * scale * k)
        let inkLeft = Double(b[0]) / k, inkWidth = Double(b[2] - b[0]) / k
        let placement = TextPlacement(
            point: point, width: inkWidth / scale, metrics: try fontMetrics(font), anchor: anchor, angle: angle)
        let corners = placement.outline.corners.map { Point(x: $0.x * scale, y: $0.y * scale) }
        guard let bounds = Rect(bounding: corners) else { return }
        let x0 = Int(bounds.minX.rounded(.down)) - 2, y0 = Int(bounds.minY.rounded(.down)) - 2
        let width = Int(bounds.maxX.rounded(.up)) + 2 - x0, height = Int(bounds.maxY.rounded(.up)) + 2 - y0
        let scratch = try GDImage(width: width * factor, height: height * factor)
        // Transparent pixels of the text's own colour, so averaging leaves no dark fringe.
        gdImageAlphaBlending(scratch.pointer, 0)
        gdImageFilledRectangle(
            scratch.pointer, 0, 0, Int32(width * factor - 1), Int32(height * factor - 1), Self.gdColor(color.withAlpha(0)))
        gdImageAlphaBlending(scratch.pointer, 1)
        let pen = Self.penOrigin(placement, inkLeft: inkLeft, scale: scale, angle: angle)
        try stringFT(
            scratch.pointer, text, color: color, bold: font.bold, pixelSize: font.size * scale * k, angle: angle,
            x: Int32(((pen.x - Double(x0)) * k).rounded()), y: Int32(((pen.y - Double(y0)) * k).rounded()))
        gdImageCopyResampled(
            image.pointer, scratch.pointer, Int32(x0), Int32(y0), 0, 0, Int32(width), Int32(height),
            Int32(width * factor), Int32(height * factor))
    }

    /// Where libgd's pen must start (device pixels) so the ink lands in `placement`: libgd
    /// puts the first glyph's ink `inkLeft` device pixels along the baseline from the pen.
    private static func penOrigin(_ placement: TextPlacement, inkLeft: Double, scale: Double, angle: Double) -> Point {
        let radians = angle * .pi / 180
        return Point(
            x: placement.baselineOrigin.x * scale - inkLeft * cos(radians),
            y: placement.baselineOrigin.y * scale + inkLeft * sin(radians))
    }

    /// `gdImageStringFTEx` on `target` (NULL measures only), with errors thrown.
    @discardableResult
    private func stringFT(
        _ target: gdImagePtr?, _ text: String, color: Color, bold: Bool, pixelSize: Double, angle: Double,
        x: Int32, y: Int32
    ) throws -> [Int32] {
        var extra = Self.stringExtra()
        var brect = [Int32](repeating: 0, count: 8)
        let message = gdImageStringFTEx(
            target, &brect, Self.gdColor(color), fonts.path(bold: bold), pixelSize, angle * .pi / 180,
            x, y, Self.escaped(text), &extra)
        if let message {
            throw GDError.textFailed(message: String(cString: message), text: text)
        }
        return brect
    }

    private func ink(of text: String, font: Font) throws -> Ink {
        guard !text.isEmpty else { return Ink(left: 0, width: 0) }
        let key = InkKey(text: text, font: font)
        if let cached = inkCache[key] { return cached }
        let b = try box(of: text, font: font)
        let ink = Ink(left: Double(b[0]), width: Double(b[2] - b[0]))
        inkCache[key] = ink
        return ink
    }

    /// libgd's bounding box of `text` with the pen at (0, 0), unrotated, at `pixelSize`
    /// (default: the font's size in device pixels): lower-left x, y, lower-right x, y,
    /// upper-right x, y, upper-left x, y.
    private func box(of text: String, font: Font, pixelSize: Double? = nil) throws -> [Int32] {
        // A NULL image makes libgd measure without drawing.
        try stringFT(nil, text, color: .black, bold: font.bold, pixelSize: pixelSize ?? font.size * scale, angle: 0, x: 0, y: 0)
    }

    /// Sizes in pixels (72 dpi makes points equal pixels) and font arguments taken as paths.
    private static func stringExtra() -> gdFTStringExtra {
        var extra = gdFTStringExtra()
        extra.flags = Int32(gdFTEX_RESOLUTION | gdFTEX_FONTPATHNAME)
        extra.hdpi = 72
        extra.vdpi = 72
        return extra
    }

    /// libgd decodes HTML entities such as `&amp;` in text; writing `&` as `&#38;` keeps
    /// labels like "R&B" literal.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&#38;")
    }

    // MARK: Shapes

    public func fillRect(_ rect: Rect, color: Color) {
        guard color.alpha > 0 else { return }
        let x0 = device(rect.minX), x1 = device(rect.maxX) - 1
        let y0 = device(rect.minY), y1 = device(rect.maxY) - 1
        guard x1 >= x0, y1 >= y0 else { return }
        gdImageFilledRectangle(image.pointer, x0, y0, x1, y1, Self.gdColor(color))
    }

    public func strokeLine(from start: Point, to end: Point, width: Double, color: Color, antialiased: Bool) {
        guard color.alpha > 0, width > 0 else { return }
        let gdColor = Self.gdColor(color)
        if start.x == end.x || start.y == end.y {
            // Axis-aligned: a rectangle snapped to device pixels, at least one pixel thick.
            let half = width / 2
            var x0 = device(min(start.x, end.x) - (start.y == end.y ? 0 : half))
            var x1 = device(max(start.x, end.x) + (start.y == end.y ? 0 : half)) - 1
            var y0 = device(min(start.y, end.y) - (start.x == end.x ? 0 : half))
            var y1 = device(max(start.y, end.y) + (start.x == end.x ? 0 : half)) - 1
            if x1 < x0 { (x0, x1) = (x0, x0) }
            if y1 < y0 { (y0, y1) = (y0, y0) }
            gdImageFilledRectangle(image.pointer, x0, y0, x1, y1, gdColor)
            return
        }
        let deviceWidth = width * scale
        if deviceWidth <= 1.5 {
            if antialiased && color.alpha >= 1 {
                gdImageSetAntiAliased(image.pointer, gdColor)
                gdImageLine(image.pointer, device(start.x), device(start.y), device(end.x), device(end.y), gdAntiAliased)
            } else {
                gdImageSetThickness(image.pointer, 1)
                gdImageLine(image.pointer, device(start.x), device(start.y), device(end.x), device(end.y), gdColor)
            }
            return
        }
        let quad = Self.segmentOutline(start, end, width: width)
        fillPolygon(quad, color: color, outlined: antialiased)
    }

    public func fillPolygon(_ points: [Point], color: Color) {
        fillPolygon(points, color: color, outlined: true)
    }

    /// Fills the polygon; opaque fills get an anti-aliased outline that smooths their edges
    /// (translucent ones would show the outline as a darker seam).
    private func fillPolygon(_ points: [Point], color: Color, outlined: Bool) {
        guard points.count >= 3, color.alpha > 0 else { return }
        var corners = points.map { gdPoint(x: device($0.x), y: device($0.y)) }
        let gdColor = Self.gdColor(color)
        corners.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            gdImageFilledPolygon(image.pointer, base, Int32(buffer.count), gdColor)
            if outlined && color.alpha >= 1 {
                gdImageSetAntiAliased(image.pointer, gdColor)
                gdImagePolygon(image.pointer, base, Int32(buffer.count), gdAntiAliased)
            }
        }
    }

    public func strokePolyline(_ points: [Point], width: Double, color: Color) {
        guard points.count >= 2, color.alpha > 0, width > 0 else { return }
        let deviceWidth = width * scale
        if deviceWidth <= 1.5 || color.alpha < 1 {
            let gdColor = Self.gdColor(color)
            let opaqueThin = deviceWidth <= 1.5 && color.alpha >= 1
            if opaqueThin {
                gdImageSetAntiAliased(image.pointer, gdColor)
            } else {
                gdImageSetThickness(image.pointer, Int32(max(1, deviceWidth.rounded())))
            }
            for i in 1..<points.count {
                let a = points[i - 1], b = points[i]
                gdImageLine(
                    image.pointer, device(a.x), device(a.y), device(b.x), device(b.y),
                    opaqueThin ? gdAntiAliased : gdColor)
            }
            gdImageSetThickness(image.pointer, 1)
            return
        }
        // Thick opaque lines: one outlined quad per segment and round joins.
        let gdColor = Self.gdColor(color)
        let diameter = Int32(deviceWidth.rounded())
        for i in 1..<points.count {
            fillPolygon(Self.segmentOutline(points[i - 1], points[i], width: width), color: color, outlined: true)
            if i < points.count - 1 {
                gdImageFilledEllipse(image.pointer, device(points[i].x), device(points[i].y), diameter, diameter, gdColor)
            }
        }
    }

    public func strokeDashedPolyline(_ points: [Point], width: Double, color: Color, dash: LineDash) {
        // Drawn dash by dash so each keeps the anti-aliasing and thickness of a solid line
        // (gdImageSetStyle patterns work per pixel and are neither).
        for piece in dash.segments(along: points) {
            strokePolyline(piece, width: width, color: color)
        }
    }

    /// Sets each pixel's opacity to the disc's coverage of it (1 inside, fading over the
    /// last pixel of the rim), which gives smooth edges without supersampling.
    public func fillCircle(center: Point, radius: Double, color: Color) {
        guard radius > 0, color.alpha > 0, center.x.isFinite, center.y.isFinite, radius.isFinite else { return }
        let cx = center.x * scale, cy = center.y * scale, r = radius * scale
        let rgb = Self.gdColor(color.withAlpha(1)) & 0x00FF_FFFF
        let x0 = max(0, Int((cx - r - 1).rounded(.down))), x1 = min(image.width - 1, Int((cx + r + 1).rounded(.up)))
        let y0 = max(0, Int((cy - r - 1).rounded(.down))), y1 = min(image.height - 1, Int((cy + r + 1).rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        for py in y0...y1 {
            let dy = Double(py) + 0.5 - cy
            for px in x0...x1 {
                let dx = Double(px) + 0.5 - cx
                let coverage = min(1, r + 0.5 - (dx * dx + dy * dy).squareRoot())
                guard coverage > 0 else { continue }
                let alpha = Int32(((1 - color.alpha * coverage) * 127).rounded())
                guard alpha < 127 else { continue }
                gdImageSetPixel(image.pointer, Int32(px), Int32(py), alpha << 24 | rgb)
            }
        }
    }

    public func setClip(_ rect: Rect?) {
        guard let rect else {
            gdImageSetClip(image.pointer, 0, 0, Int32(image.width - 1), Int32(image.height - 1))
            return
        }
        gdImageSetClip(image.pointer, device(rect.minX), device(rect.minY), device(rect.maxX) - 1, device(rect.maxY) - 1)
    }

    // MARK: Conversions

    private func device(_ v: Double) -> Int32 {
        let scaled = (v * scale).rounded()
        return Int32(max(-1_000_000, min(1_000_000, scaled.isFinite ? scaled : 0)))
    }

    /// The four corners of a straight segment `width` wide.
    private static func segmentOutline(_ a: Point, _ b: Point, width: Double) -> [Point] {
        let length = hypot(b.x - a.x, b.y - a.y)
        guard length > 0 else { return [a, a, a] }
        let nx = -(b.y - a.y) / length * width / 2, ny = (b.x - a.x) / length * width / 2
        return [
            Point(x: a.x + nx, y: a.y + ny), Point(x: b.x + nx, y: b.y + ny),
            Point(x: b.x - nx, y: b.y - ny), Point(x: a.x - nx, y: a.y - ny),
        ]
    }

    /// libgd's truecolor value: 7-bit alpha where 0 is opaque and 127 transparent.
    private static func gdColor(_ color: Color) -> Int32 {
        let c = color.rgba8
        let alpha = Int32(((1 - color.alpha) * 127).rounded())
        return alpha << 24 | Int32(c.red) << 16 | Int32(c.green) << 8 | Int32(c.blue)
    }
}
