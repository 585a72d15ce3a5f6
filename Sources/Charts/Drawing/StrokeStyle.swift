/// How a path's outline is drawn.
public struct StrokeStyle: Hashable, Sendable {
    public enum LineCap: Hashable, Sendable { case butt, round, square }
    public enum LineJoin: Hashable, Sendable { case miter, round, bevel }

    public var color: Color
    public var width: Double
    /// Alternating on/off lengths in figure units; empty for a solid line.
    public var dash: [Double]
    public var lineCap: LineCap
    public var lineJoin: LineJoin

    public init(
        color: Color, width: Double = 1, dash: [Double] = [], lineCap: LineCap = .butt,
        lineJoin: LineJoin = .round
    ) {
        self.color = color
        self.width = width
        self.dash = dash
        self.lineCap = lineCap
        self.lineJoin = lineJoin
    }
}
