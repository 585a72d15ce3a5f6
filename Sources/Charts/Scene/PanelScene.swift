/// The layout one panel of a figure decided, for inspection.
public struct PanelScene: Sendable {
    public enum Kind: Hashable, Sendable { case line, bar, heatmap, images, empty }

    public var kind: Kind
    /// The whole area given to the panel.
    public var frame: Rect
    /// Where data is drawn (the axes' area); equals the grid area for heatmaps and images.
    public var plotRect: Rect
    public var title: String?
    public var xAxis: AxisScene?
    public var yAxis: AxisScene?
    public var legend: LegendScene?
    public var series: [SeriesScene] = []
    public var markers: [MarkerScene] = []
    public var bars: [BarScene] = []
    public var cells: [CellScene] = []
    public var tiles: [TileScene] = []
    public var colorBar: ColorBarScene?

    public init(kind: Kind, frame: Rect, plotRect: Rect, title: String? = nil) {
        self.kind = kind
        self.frame = frame
        self.plotRect = plotRect
        self.title = title
    }
}
