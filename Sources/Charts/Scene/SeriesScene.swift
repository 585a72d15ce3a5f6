/// A line series after layout: the position of every input point (nil for gaps: non-finite
/// or, on a log axis, non-positive values) and how many points were actually drawn.
public struct SeriesScene: Sendable {
    public var name: String
    public var positions: [Point?]
    public var drawnPointCount: Int
    /// Positions of the smoothed line when the series is smoothed.
    public var smoothedPositions: [Point?]?

    public init(name: String, positions: [Point?], drawnPointCount: Int, smoothedPositions: [Point?]? = nil) {
        self.name = name
        self.positions = positions
        self.drawnPointCount = drawnPointCount
        self.smoothedPositions = smoothedPositions
    }
}

/// A vertical marker after layout.
public struct MarkerScene: Hashable, Sendable {
    public var x: Double
    public var position: Double
    public var label: String?

    public init(x: Double, position: Double, label: String?) {
        self.x = x
        self.position = position
        self.label = label
    }
}
