/// One (x, y) observation in data units. Non-finite coordinates are drawn as gaps.
public struct DataPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
