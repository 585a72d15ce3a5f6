/// A vertical line at an x value with an optional label (best epoch, early stop, LR change).
public struct VerticalMarker: Hashable, Sendable {
    public var x: Double
    public var label: String?
    /// Nil takes the theme's annotation colour.
    public var color: Color?
    public var dash: [Double]

    public init(x: Double, label: String? = nil, color: Color? = nil, dash: [Double] = [5, 4]) {
        self.x = x
        self.label = label
        self.color = color
        self.dash = dash
    }
}
