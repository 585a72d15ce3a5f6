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
