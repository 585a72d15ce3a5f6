/// A set of greyscale images with one class label each, held as raw bytes.
///
/// Pixels stay `UInt8` (0...255) until a mini-batch needs them as floats: 60,000 MNIST
/// images are 47 MB as bytes and would be 188 MB as Float32.
public struct LabeledImages: Sendable, Equatable {
    public let count: Int
    public let rows: Int
    public let columns: Int
    /// `count * rows * columns` bytes, image after image, row-major.
    public let pixels: [UInt8]
    /// `count` labels in 0..<classCount.
    public let labels: [UInt8]

    public init(count: Int, rows: Int, columns: Int, pixels: [UInt8], labels: [UInt8]) {
        precondition(pixels.count == count * rows * columns, "pixels \(pixels.count) != \(count)x\(rows)x\(columns)")
        precondition(labels.count == count, "labels \(labels.count) != count \(count)")
        self.count = count
        self.rows = rows
        self.columns = columns
        self.pixels = pixels
        self.labels = labels
    }

    /// Pixels per image.
    public var imageSize: Int { rows * columns }

    /// The bytes of image `index`.
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        precondition(index >= 0 && index < count, "image index \(index) outside 0..<\(count)")
        return pixels[(index * imageSize)..<((index + 1) * imageSize)]
    }

    /// The first `limit` images (all of them when `limit >= count`).
    public func prefix(_ limit: Int) -> LabeledImages {
        let n = Swift.min(Swift.max(limit, 0), count)
        return LabeledImages(
            count: n, rows: rows, columns: columns,
            pixels: Array(pixels[0..<(n * imageSize)]), labels: Array(labels[0..<n]))
    }
}
