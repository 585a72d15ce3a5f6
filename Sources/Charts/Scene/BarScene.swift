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
