/// A chart of lines over a numeric x axis: several series, optional markers, smoothing and
/// spread bands, a linear or log y axis and labelled vertical markers.
public struct LineChart: Hashable, Sendable {
    public var title: String?
    public var xAxis: AxisSpec
    public var yAxis: AxisSpec
    /// Drawn in order: later series paint over earlier ones.
    public var series: [LineSeries]
    public var markers: [VerticalMarker]
    public var legend: LegendPlacement

    public init(
        title: String? = nil, xAxis: AxisSpec = AxisSpec(), yAxis: AxisSpec = AxisSpec(),
        series: [LineSeries], markers: [VerticalMarker] = [], legend: LegendPlacement = .automatic
    ) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.markers = markers
        self.legend = legend
    }

    /// Padding of the data range on x and y, as a fraction of its span.
    static let xPadding = 0.03
    static let yPadding = 0.05

    /// The colour of each series: its own, or the next unused palette slot.
    func seriesColors(theme: Theme) -> [Color] {
        theme.colors(for: series.map(\.color))
    }

    /// The legend text of a series: its name plus the smoothing weight or band description.
    static func legendLabel(for series: LineSeries) -> String {
        var notes: [String] = []
        if let weight = series.smoothing {
            notes.append("EMA " + TickLabelFormatter.labels(forExplicit: [weight])[0])
        }
        if let band = series.band { notes.append(band.legendText) }
        return notes.isEmpty ? series.name : "\(series.name) (\(notes.joined(separator: "; ")))"
    }
}
