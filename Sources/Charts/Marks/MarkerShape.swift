/// The symbol drawn at each point of a series.
public enum MarkerShape: Hashable, Sendable {
    case circle
    case square
    case diamond

    /// The symbol's outline centred on `center`, `radius` units from centre to edge.
    public func path(center c: Point, radius r: Double) -> Path {
        switch self {
        case .circle:
            return .circle(center: c, radius: r)
        case .square:
            let s = r * 0.9
            return .rect(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        case .diamond:
            let s = r * 1.25
            return Path(elements: [
                .move(Point(x: c.x, y: c.y - s)), .line(Point(x: c.x + s, y: c.y)),
                .line(Point(x: c.x, y: c.y + s)), .line(Point(x: c.x - s, y: c.y)), .close,
            ])
        }
    }
}
