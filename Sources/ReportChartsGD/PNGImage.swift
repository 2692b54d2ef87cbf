import CGD
import ReportCharts

/// A PNG decoded by libgd, for checking that exported charts are readable images of the
/// expected size (tests, the gallery) without another image library.
public final class PNGImage {
    private let image: GDImage

    /// Decodes `bytes`.
    ///
    /// - Throws: ``GDError/pngDecodingFailed(byteCount:)`` when they are not a PNG libgd reads.
    public init(bytes: [UInt8]) throws {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { throw GDError.pngDecodingFailed(byteCount: bytes.count) }
        var copy = bytes
        let decoded = copy.withUnsafeMutableBytes { buffer in
            gdImageCreateFromPngPtr(Int32(buffer.count), buffer.baseAddress)
        }
        guard let decoded else { throw GDError.pngDecodingFailed(byteCount: bytes.count) }
        image = GDImage(adopting: decoded)
    }

    /// Width in pixels.
    public var width: Int { image.width }
    /// Height in pixels.
    public var height: Int { image.height }

    /// The colour at (`x`, `y`), or `nil` outside the image.
    public func pixel(x: Int, y: Int) -> Color? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let value = gdImageGetTrueColorPixel(image.pointer, Int32(x), Int32(y))
        return Color(
            red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
            blue: Double(value & 0xFF) / 255, alpha: 1 - Double((value >> 24) & 0x7F) / 127)
    }

    /// The share of pixels, sampled every `stride` pixels each way, that differ from `background`.
    public func inkCoverage(background: Color = .white, stride step: Int = 3) -> Double {
        var inked = 0, total = 0
        for y in stride(from: 0, to: height, by: max(1, step)) {
            for x in stride(from: 0, to: width, by: max(1, step)) {
                total += 1
                if pixel(x: x, y: y) != background { inked += 1 }
            }
        }
        return total == 0 ? 0 : Double(inked) / Double(total)
    }
}
