/// A vector path in figure units: sub-paths of straight lines and cubic Bézier curves.
public struct Path: Hashable, Sendable {
    public enum Element: Hashable, Sendable {
        case move(Point)
        case line(Point)
        case curve(control1: Point, control2: Point, end: Point)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}

    public init(elements: [Element]) {
        self.elements = elements
    }

    public var isEmpty: Bool { elements.isEmpty }

    public mutating func move(to point: Point) {
        elements.append(.move(point))
    }

    public mutating func line(to point: Point) {
        elements.append(.line(point))
    }

    public mutating func curve(to end: Point, control1: Point, control2: Point) {
        elements.append(.curve(control1: control1, control2: control2, end: end))
    }

    public mutating func close() {
        elements.append(.close)
    }

    /// Appends every element of `other`.
    public mutating func append(_ other: Path) {
        elements.append(contentsOf: other.elements)
    }

    /// A closed rectangle.
    public static func rect(_ rect: Rect) -> Path {
        Path(elements: [
            .move(Point(x: rect.minX, y: rect.minY)), .line(Point(x: rect.maxX, y: rect.minY)),
            .line(Point(x: rect.maxX, y: rect.maxY)), .line(Point(x: rect.minX, y: rect.maxY)), .close,
        ])
    }

    /// An open polyline through `points` (empty for no points).
    public static func polyline(_ points: [Point]) -> Path {
        guard let first = points.first else { return Path() }
        var elements: [Element] = [.move(first)]
        elements.reserveCapacity(points.count)
        for point in points.dropFirst() { elements.append(.line(point)) }
        return Path(elements: elements)
    }

    /// A straight segment.
    public static func line(from a: Point, to b: Point) -> Path {
        Path(elements: [.move(a), .line(b)])
    }

    /// A closed circle approximated by four cubic Béziers (radial error below 0.03%).
    public static func circle(center c: Point, radius r: Double) -> Path {
        let k = 0.5522847498 * r
        var path = Path()
        path.move(to: Point(x: c.x + r, y: c.y))
        path.curve(
            to: Point(x: c.x, y: c.y + r),
            control1: Point(x: c.x + r, y: c.y + k), control2: Point(x: c.x + k, y: c.y + r))
        path.curve(
            to: Point(x: c.x - r, y: c.y),
            control1: Point(x: c.x - k, y: c.y + r), control2: Point(x: c.x - r, y: c.y + k))
        path.curve(
            to: Point(x: c.x, y: c.y - r),
            control1: Point(x: c.x - r, y: c.y - k), control2: Point(x: c.x - k, y: c.y - r))
        path.curve(
            to: Point(x: c.x + r, y: c.y),
            control1: Point(x: c.x + k, y: c.y - r), control2: Point(x: c.x + r, y: c.y - k))
        path.close()
        return path
    }

    /// Every point the path passes through or uses as a control point.
    public var points: [Point] {
        elements.flatMap { element -> [Point] in
            switch element {
            case .move(let p), .line(let p): [p]
            case .curve(let c1, let c2, let end): [c1, c2, end]
            case .close: []
            }
        }
    }

    /// The smallest rectangle containing every point and control point (nil when empty).
    public var bounds: Rect? {
        let all = points
        guard let first = all.first else { return nil }
        var (x0, y0, x1, y1) = (first.x, first.y, first.x, first.y)
        for p in all.dropFirst() {
            x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y)
        }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
