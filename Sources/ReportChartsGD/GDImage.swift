import CGD

/// Owner of one libgd truecolor image; destroys it when released.
final class GDImage {
    /// The libgd handle, valid for the lifetime of this object.
    let pointer: gdImagePtr
    /// Width in device pixels.
    let width: Int
    /// Height in device pixels.
    let height: Int

    /// Creates a truecolor image with alpha blending on and alpha not saved (opaque PNG).
    init(width: Int, height: Int) throws {
        guard width > 0, height > 0, width < 32_768, height < 32_768,
            let image = gdImageCreateTrueColor(Int32(width), Int32(height))
        else {
            throw GDError.imageCreationFailed(width: width, height: height)
        }
        pointer = image
        self.width = width
        self.height = height
        gdImageAlphaBlending(image, 1)
        gdImageSaveAlpha(image, 0)
    }

    /// Takes ownership of an image libgd created (e.g. by decoding a PNG).
    init(adopting image: gdImagePtr) {
        pointer = image
        width = Int(image.pointee.sx)
        height = Int(image.pointee.sy)
    }

    deinit {
        gdImageDestroy(pointer)
    }

    /// The image encoded as PNG at zlib `compressionLevel` (0–9).
    func pngBytes(compressionLevel: Int32 = 6) throws -> [UInt8] {
        var count: Int32 = 0
        guard let data = gdImagePngPtrEx(pointer, &count, compressionLevel) else {
            throw GDError.pngEncodingFailed
        }
        defer { gdFree(data) }
        guard count > 0 else { throw GDError.pngEncodingFailed }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(count)))
    }
}
