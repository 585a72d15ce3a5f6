/// The two kinds of IDX file a labelled image dataset needs.
///
/// An IDX file starts with a big-endian magic number `0x0000TTNN`: two zero bytes, the element
/// type (`0x08`, unsigned byte) and the number of dimensions; then one big-endian UInt32 per
/// dimension; then the elements, row-major.
public enum IDXKind: Sendable, Hashable {
    /// idx1-ubyte: one dimension (count), one byte per label.
    case labels
    /// idx3-ubyte: three dimensions (count, rows, columns), one byte per pixel.
    case images

    /// The magic number that opens a file of this kind.
    public var magic: UInt32 {
        switch self {
        case .labels: 0x0000_0801
        case .images: 0x0000_0803
        }
    }

    /// How many UInt32 dimensions follow the magic number.
    public var dimensionCount: Int {
        switch self {
        case .labels: 1
        case .images: 3
        }
    }

    /// Header bytes: the magic number and the dimensions.
    public var headerSize: Int { 4 + 4 * dimensionCount }

    /// The kind whose magic number is `magic`, if any.
    public init?(magic: UInt32) {
        switch magic {
        case IDXKind.labels.magic: self = .labels
        case IDXKind.images.magic: self = .images
        default: return nil
        }
    }
}
