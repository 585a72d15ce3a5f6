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
