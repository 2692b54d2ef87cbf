/// A failure inside libgd or FreeType, or a request libgd cannot serve.
public enum GDError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The canvas size or scale is not positive and finite.
    case invalidSize(width: Double, height: Double, scale: Double)
    /// `gdImageCreateTrueColor` returned NULL (usually out of memory or absurd dimensions).
    case imageCreationFailed(width: Int, height: Int)
    /// `gdImagePngPtrEx` returned NULL.
    case pngEncodingFailed
    /// `gdImageCreateFromPngPtr` could not read the bytes as a PNG.
    case pngDecodingFailed(byteCount: Int)
    /// A DejaVu Sans font file was not found in any of the searched folders.
    case fontNotFound(file: String, searched: [String])
    /// `gdImageStringFTEx` reported an error while measuring or drawing `text`.
    case textFailed(message: String, text: String)

    public var description: String {
        switch self {
        case .invalidSize(let w, let h, let s):
            return "cannot draw a chart of \(w)×\(h) at scale \(s): sizes and scale must be positive"
        case .imageCreationFailed(let w, let h):
            return "libgd could not create a \(w)×\(h) image"
        case .pngEncodingFailed:
            return "libgd could not encode the image as PNG"
        case .pngDecodingFailed(let count):
            return "libgd could not decode \(count) bytes as a PNG image"
        case .fontNotFound(let file, let searched):
            return "font \(file) not found (searched \(searched.joined(separator: ", "))); "
                + "install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core)"
        case .textFailed(let message, let text):
            return "libgd/FreeType failed on text \"\(text)\": \(message)"
        }
    }
}
