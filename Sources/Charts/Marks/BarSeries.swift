/// One value per category, drawn as bars; several series give grouped bars.
public struct BarSeries: Hashable, Sendable {
    public var name: String
    public var values: [Double]
    /// Nil takes the next palette colour.
    public var color: Color?
    /// Per-bar colours overriding `color`, aligned with `values` (for highlighting).
    public var barColors: [Color?]?

    public init(_ name: String, values: [Double], color: Color? = nil, barColors: [Color?]? = nil) {
        if let barColors {
            precondition(
                barColors.count == values.count,
                "bar series \(name): \(barColors.count) colours for \(values.count) values")
        }
        self.name = name
        self.values = values
        self.color = color
        self.barColors = barColors
    }
}
