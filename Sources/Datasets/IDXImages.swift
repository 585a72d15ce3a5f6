/// The content of an idx3-ubyte file: `count` greyscale images of `rows` x `columns` bytes.
public struct IDXImages: Sendable, Equatable {
    public let count: Int
    public let rows: Int
    public let columns: Int
    /// `count * rows * columns` bytes, image after image, row-major.
    public let pixels: [UInt8]

    init(_ content: IDXContent) {
        precondition(content.dimensions.count == 3, "idx3 content has 3 dimensions, not \(content.dimensions)")
        count = content.dimensions[0]
        rows = content.dimensions[1]
        columns = content.dimensions[2]
        pixels = content.payload
    }
}
