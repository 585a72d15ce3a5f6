/// Chooses where a legend covers the least data.
struct LegendPlacer {
    /// What the legend should avoid, in figure units.
    var polylines: [[Point]] = []
    var points: [Point] = []
    /// Rectangles (marker labels) that count heavily when covered.
    var rects: [Rect] = []

    /// Space between the plot edge and an inside legend.
    static let inset = 8.0

    /// The legend's rectangle for an inside `corner` of `plot`.
    static func rect(for corner: LegendPlacement.Corner, size: Size, in plot: Rect) -> Rect {
        let left = plot.minX + inset, right = plot.maxX - inset - size.width
        let top = plot.minY + inset, bottom = plot.maxY - inset - size.height
        let midX = plot.midX - size.width / 2, midY = plot.midY - size.height / 2
        let origin: Point
        switch corner {
        case .topRight: origin = Point(x: right, y: top)
        case .topLeft: origin = Point(x: left, y: top)
        case .bottomLeft: origin = Point(x: left, y: bottom)
        case .bottomRight: origin = Point(x: right, y: bottom)
        case .top: origin = Point(x: midX, y: top)
        case .bottom: origin = Point(x: midX, y: bottom)
        case .right: origin = Point(x: right, y: midY)
        case .left: origin = Point(x: left, y: midY)
        }
        return Rect(origin: Point(x: origin.x.rounded(), y: origin.y.rounded()), size: size)
    }

    /// The inside position covering the least, ties going to the earlier corner, with its
    /// coverage; nil when the legend does not fit inside the plot at all.
    func best(size: Size, in plot: Rect) -> (corner: LegendPlacement.Corner, coverage: Int)? {
        guard size.width + 2 * Self.inset <= plot.width, size.height + 2 * Self.inset <= plot.height else { return nil }
        var best: (LegendPlacement.Corner, Int)?
        for corner in LegendPlacement.Corner.allCases {
            let c = coverage(of: Self.rect(for: corner, size: size, in: plot))
            if best == nil || c < best!.1 { best = (corner, c) }
            if c == 0 { break }
        }
        return best
    }

    /// How much data `rect` (grown by a small margin) covers: points inside, segments crossing
    /// it, and ten per covered label.
    func coverage(of rect: Rect) -> Int {
        let area = rect.insetBy(dx: -3, dy: -3)
        var count = 0
        for point in points where area.contains(point) { count += 1 }
        for line in polylines {
            if line.count == 1, area.contains(line[0]) { count += 1 }
            for (a, b) in zip(line, line.dropFirst()) where Self.segment(a, b, intersects: area) { count += 1 }
        }
        for label in rects where label.intersects(area) { count += 10 }
        return count
    }

    /// Liang–Barsky: does the segment from `a` to `b` pass through `rect`?
    static func segment(_ a: Point, _ b: Point, intersects rect: Rect) -> Bool {
        if rect.contains(a) || rect.contains(b) { return true }
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}
