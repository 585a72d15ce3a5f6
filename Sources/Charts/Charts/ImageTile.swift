/// One small image of an image grid: a `rows x columns` matrix of values, with a caption and
/// an optional coloured frame (right or wrong).
public struct ImageTile: Hashable, Sendable {
    public var rows: Int
    public var columns: Int
    /// Row-major values; how they map to colours is the grid's `scaling`.
    public var values: [Float]
    /// Caption lines under the tile.
    public var caption: [String]
    public var captionColor: Color?
    public var frameColor: Color?

    public init(
        rows: Int, columns: Int, values: [Float], caption: [String] = [], captionColor: Color? = nil,
        frameColor: Color? = nil
    ) {
        precondition(rows > 0 && columns > 0, "an image tile needs a positive size, got \(rows)x\(columns)")
        precondition(
            values.count == rows * columns,
            "a \(rows)x\(columns) tile needs \(rows * columns) values, got \(values.count)")
        self.rows = rows
        self.columns = columns
        self.values = values
        self.caption = caption
        self.captionColor = captionColor
        self.frameColor = frameColor
    }

    /// A tile of 8-bit pixels (0...255), such as an MNIST digit.
    public init(
        rows: Int, columns: Int, bytes: some Collection<UInt8>, caption: [String] = [], captionColor: Color? = nil,
        frameColor: Color? = nil
    ) {
        self.init(
            rows: rows, columns: columns, values: bytes.map(Float.init), caption: caption,
            captionColor: captionColor, frameColor: frameColor)
    }

    /// The smallest and largest finite value (0...0 when there are none).
    var finiteRange: ClosedRange<Double> {
        var lo = Float.infinity, hi = -Float.infinity
        for v in values where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        return lo > hi ? 0...0 : Double(lo)...Double(hi)
    }
}
