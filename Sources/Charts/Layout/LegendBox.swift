/// A measured legend: a column of swatches and labels in a light box.
struct LegendBox {
    enum Swatch: Hashable {
        case line(color: Color, width: Double, dash: [Double], marker: MarkerShape?, band: Color?)
        case box(Color)
    }

    struct Entry: Hashable {
        var label: String
        var swatch: Swatch
    }

    let entries: [Entry]
    let font: FontSpec
    let size: Size
    private let rowHeight: Double
    private static let padding = 8.0
    private static let swatchWidth = 24.0
    private static let swatchGap = 7.0

    init(entries: [Entry], builder: SceneBuilder) {
        self.entries = entries
        let font = builder.theme.legendFont
        self.font = font
        let metrics = entries.map { builder.measure($0.label, font: font) }
        rowHeight = (builder.measure("0", font: font).height * 1.25).rounded()
        let widest = metrics.map(\.width).max() ?? 0
        size = Size(
            width: (2 * Self.padding + Self.swatchWidth + Self.swatchGap + widest).rounded(.up),
            height: 2 * Self.padding - 4 + rowHeight * Double(entries.count))
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The top-left corner for a resolved placement: inside a corner of `plot`, or at the right
    /// edge of `frame` level with the plot's top; nil when hidden or not yet resolved.
    func origin(for placement: LegendPlacement, plot: Rect, frame: Rect) -> Point? {
        switch placement {
        case .inside(let corner): LegendPlacer.rect(for: corner, size: size, in: plot).origin
        case .outsideRight: Point(x: (frame.maxX - size.width).rounded(.down), y: plot.minY)
        case .automatic, .hidden: nil
        }
    }

    /// Draws the box with its top-left corner at `origin`.
    func draw(at origin: Point, builder: inout SceneBuilder) {
        let theme = builder.theme
        let frame = Rect(origin: origin, size: size)
        builder.fill(.rect(frame), theme.background.withAlpha(0.88), role: .legend)
        builder.stroke(.rect(frame.insetBy(dx: 0.5, dy: 0.5)), StrokeStyle(color: theme.grid, width: 1), role: .legend)
        for (i, entry) in entries.enumerated() {
            let midY = origin.y + Self.padding - 2 + rowHeight * (Double(i) + 0.5)
            let x0 = origin.x + Self.padding
            let x1 = x0 + Self.swatchWidth
            switch entry.swatch {
            case .line(let color, let width, let dash, let marker, let band):
                if let band {
                    builder.fill(
                        .rect(Rect(x: x0, y: midY - 6, width: Self.swatchWidth, height: 12)), band, role: .legend)
                }
                builder.stroke(
                    .line(from: Point(x: x0, y: midY), to: Point(x: x1, y: midY)),
                    StrokeStyle(color: color, width: width, dash: dash), role: .legend)
                if let marker {
                    builder.fill(
                        marker.path(center: Point(x: (x0 + x1) / 2, y: midY), radius: theme.markerRadius),
                        color, role: .legend)
                }
            case .box(let color):
                builder.fill(.rect(Rect(x: x0 + 5, y: midY - 6, width: 14, height: 12)), color, role: .legend)
            }
            builder.text(
                entry.label, at: Point(x: x1 + Self.swatchGap, y: midY), font: font,
                color: theme.text, anchor: TextAnchor(.leading, .center), role: .legend)
        }
    }
}
