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

/// One axis after layout.
public struct AxisScene: Sendable {
    public var scale: Scale
    public var ticks: [TickScene]
    public var minorTicks: [Double]
    public var label: String?

    public init(scale: Scale, ticks: [TickScene], minorTicks: [Double] = [], label: String?) {
        self.scale = scale
        self.ticks = ticks
        self.minorTicks = minorTicks
        self.label = label
    }

    public var labels: [String] { ticks.map(\.label) }
}

/// A labelled tick: its data value, its position along the axis in figure units, its text.
public struct TickScene: Hashable, Sendable {
    public var value: Double
    public var position: Double
    public var label: String

    public init(value: Double, position: Double, label: String) {
        self.value = value
        self.position = position
        self.label = label
    }
}

/// The legend after placement.
public struct LegendScene: Hashable, Sendable {
    public var frame: Rect
    public var placement: LegendPlacement
    public var entries: [String]
    /// How many data points or segment pieces the chosen position covers (0 when clear).
    public var coveredData: Int

    public init(frame: Rect, placement: LegendPlacement, entries: [String], coveredData: Int) {
        self.frame = frame
        self.placement = placement
        self.entries = entries
        self.coveredData = coveredData
    }
}

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

/// One bar after layout.
public struct BarScene: Hashable, Sendable {
    public var category: Int
    public var series: Int
    public var value: Double
    public var rect: Rect
    public var color: Color

    public init(category: Int, series: Int, value: Double, rect: Rect, color: Color) {
        self.category = category
        self.series = series
        self.value = value
        self.rect = rect
        self.color = color
    }
}

/// One heatmap cell after layout.
public struct CellScene: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var value: Double
    public var rect: Rect
    public var fill: Color
    /// The number drawn in the cell and its colour, when values are shown.
    public var text: String?
    public var textColor: Color?

    public init(row: Int, column: Int, value: Double, rect: Rect, fill: Color, text: String?, textColor: Color?) {
        self.row = row
        self.column = column
        self.value = value
        self.rect = rect
        self.fill = fill
        self.text = text
        self.textColor = textColor
    }
}

/// One image tile after layout.
public struct TileScene: Hashable, Sendable {
    public var rect: Rect
    public var caption: [String]
    public var frameColor: Color?
    /// The value range mapped onto the colour map for this tile.
    public var valueRange: ClosedRange<Double>

    public init(rect: Rect, caption: [String], frameColor: Color?, valueRange: ClosedRange<Double>) {
        self.rect = rect
        self.caption = caption
        self.frameColor = frameColor
        self.valueRange = valueRange
    }
}

/// A colour bar after layout.
public struct ColorBarScene: Sendable {
    public var rect: Rect
    public var axis: AxisScene

    public init(rect: Rect, axis: AxisScene) {
        self.rect = rect
        self.axis = axis
    }
}
