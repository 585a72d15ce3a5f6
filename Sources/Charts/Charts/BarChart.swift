/// Bars over named categories: one series gives single bars, several give grouped bars.
public struct BarChart: Hashable, Sendable {
    public var title: String?
    public var categories: [String]
    public var series: [BarSeries]
    public var xLabel: String?
    /// The value axis; zero is always part of its range so bars start at the axis.
    public var yAxis: AxisSpec
    public var legend: LegendPlacement

    public init(
        title: String? = nil, categories: [String], series: [BarSeries], xLabel: String? = nil,
        yAxis: AxisSpec = AxisSpec(), legend: LegendPlacement = .automatic
    ) {
        for s in series {
            precondition(
                s.values.count == categories.count,
                "bar series \(s.name) has \(s.values.count) values for \(categories.count) categories")
        }
        self.title = title
        self.categories = categories
        self.series = series
        self.xLabel = xLabel
        self.yAxis = yAxis
        self.legend = legend
    }

    /// Share of each category's slot the group of bars fills.
    static let groupWidth = 0.8
}
