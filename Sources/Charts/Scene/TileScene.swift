/// One image tile after layout.
public struct TileScene: Hashable, Sendable {
    public var rect: Rect
    public var caption: [String]
    public var frameColor: Color?
    /// The value range mapped onto the colour map for this tile.
    public var valueRange: ClosedRange<Double>

    public init(rect: Rect, caption: [String], frameColor: Color?, valueRange: ClosedRange<Double>) {
        self.rect = rect
        self.caption = caption
        self.frameColor = frameColor
        self.valueRange = valueRange
    }
}
