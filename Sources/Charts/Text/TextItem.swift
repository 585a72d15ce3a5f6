/// One line of text placed in a scene.
public struct TextItem: Hashable, Sendable {
    public var string: String
    /// The anchor point, in figure units.
    public var position: Point
    public var font: FontSpec
    public var color: Color
    public var anchor: TextAnchor
    /// Rotation about `position` in radians, clockwise on screen; `-Double.pi / 2` reads upwards.
    public var angle: Double
    /// The measured size of the unrotated line, kept so tests and canvases see what layout used.
    public var metrics: TextMetrics

    public init(
        _ string: String, at position: Point, font: FontSpec, color: Color, anchor: TextAnchor,
        angle: Double = 0, metrics: TextMetrics
    ) {
        self.string = string
        self.position = position
        self.font = font
        self.color = color
        self.anchor = anchor
        self.angle = angle
        self.metrics = metrics
    }

    /// The axis-aligned box around the rotated line, from its measured metrics.
    public var bounds: Rect {
        let offset = anchor.baselineOffset(for: metrics)
        let corners = [
            Point(x: offset.x, y: offset.y - metrics.ascent),
            Point(x: offset.x + metrics.width, y: offset.y - metrics.ascent),
            Point(x: offset.x, y: offset.y + metrics.descent),
            Point(x: offset.x + metrics.width, y: offset.y + metrics.descent),
        ]
        let c = angle == 0 ? 1 : Math.cos(angle)
        let s = angle == 0 ? 0 : Math.sin(angle)
        let rotated = corners.map { p in
            Point(x: position.x + p.x * c - p.y * s, y: position.y + p.x * s + p.y * c)
        }
        let xs = rotated.map(\.x), ys = rotated.map(\.y)
        return Rect(corner: Point(x: xs.min()!, y: ys.min()!), corner: Point(x: xs.max()!, y: ys.max()!))
    }
}
