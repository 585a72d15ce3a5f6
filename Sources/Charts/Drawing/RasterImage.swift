/// A block of pixels: `width * height` RGBA quadruples, row-major, straight alpha.
public struct RasterImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0, "RasterImage needs a positive size, got \(width)x\(height)")
        precondition(
            pixels.count == width * height * 4,
            "RasterImage \(width)x\(height) needs \(width * height * 4) bytes, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The RGBA bytes of the pixel in `row`, `column`.
    public func pixel(row: Int, column: Int) -> (UInt8, UInt8, UInt8, UInt8) {
        let i = (row * width + column) * 4
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    }
}

/// How an image is resampled when drawn larger or smaller than its pixel size.
public enum ImageInterpolation: Hashable, Sendable {
    /// Every source pixel becomes a sharp block: for data such as 28x28 digits and weights.
    case nearest
    /// Bilinear smoothing: for gradients such as a colour bar.
    case smooth
}
