/// Images as raw bytes (0...255), `count` images of `rows x columns` pixels, image-major.
public struct ImageBatch: Hashable, Sendable {
    public var pixels: [UInt8]
    public var rows: Int
    public var columns: Int
    public var count: Int

    public init(pixels: [UInt8], rows: Int, columns: Int, count: Int) {
        precondition(rows > 0 && columns > 0, "images need a positive size, got \(rows)x\(columns)")
        precondition(
            pixels.count == rows * columns * count,
            "\(count) images of \(rows)x\(columns) need \(rows * columns * count) bytes, got \(pixels.count)")
        self.pixels = pixels
        self.rows = rows
        self.columns = columns
        self.count = count
    }

    /// The bytes of image `index`.
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        precondition(index >= 0 && index < count, "image \(index) is outside 0..<\(count)")
        let size = rows * columns
        return pixels[(index * size)..<((index + 1) * size)]
    }
}
