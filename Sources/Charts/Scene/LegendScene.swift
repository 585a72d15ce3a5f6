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
