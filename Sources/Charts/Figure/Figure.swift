/// A whole figure: a title, an optional subtitle and a grid of panels sharing one theme.
///
/// Build it into a `Scene` with `build(measurer:)`, then draw the scene on a canvas; the
/// `ChartsCairo` renderer does both and writes PNG, SVG or PDF.
public struct Figure: Hashable, Sendable {
    /// Size in figure units (pixels at scale 1, points in PDF).
    public var size: Size
    public var title: String?
    /// A line or two under the title, for what the figure shows and how it is scaled.
    public var subtitle: String?
    public var rows: Int
    public var columns: Int
    /// Row-major; fewer panels than cells leave the last cells empty.
    public var panels: [Panel]
    /// Relative column widths; nil for equal widths.
    public var columnWeights: [Double]?
    public var theme: Theme

    public init(
        size: Size, title: String? = nil, subtitle: String? = nil, rows: Int = 1, columns: Int = 1,
        panels: [Panel], columnWeights: [Double]? = nil, theme: Theme = .light
    ) {
        precondition(size.width > 0 && size.height > 0, "a figure needs a positive size, got \(size)")
        precondition(rows > 0 && columns > 0, "a figure needs at least one row and column, got \(rows)x\(columns)")
        precondition(panels.count <= rows * columns, "\(panels.count) panels do not fit a \(rows)x\(columns) grid")
        if let columnWeights {
            precondition(
                columnWeights.count == columns && columnWeights.allSatisfy { $0 > 0 },
                "column weights must be \(columns) positive numbers, got \(columnWeights)")
        }
        self.size = size
        self.title = title
        self.subtitle = subtitle
        self.rows = rows
        self.columns = columns
        self.panels = panels
        self.columnWeights = columnWeights
        self.theme = theme
    }

    /// A figure holding a single panel.
    public init(_ panel: Panel, size: Size, title: String? = nil, subtitle: String? = nil, theme: Theme = .light) {
        self.init(size: size, title: title, subtitle: subtitle, panels: [panel], theme: theme)
    }
}
