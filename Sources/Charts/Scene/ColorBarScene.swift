/// A colour bar after layout.
public struct ColorBarScene: Sendable {
    public var rect: Rect
    public var axis: AxisScene

    public init(rect: Rect, axis: AxisScene) {
        self.rect = rect
        self.axis = axis
    }
}
