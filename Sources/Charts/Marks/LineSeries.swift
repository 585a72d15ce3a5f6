/// A named line through data points, optionally smoothed, with markers or a spread band.
public struct LineSeries: Hashable, Sendable {
    public var name: String
    public var points: [DataPoint]
    /// Nil takes the next palette colour.
    public var color: Color?
    /// Nil takes the theme's line width.
    public var lineWidth: Double?
    public var dash: [Double]
    public var marker: MarkerShape?
    public var opacity: Double
    public var showsInLegend: Bool
    /// TensorBoard-style EMA weight in 0..<1: the raw series is drawn faint beneath the
    /// smoothed one and the weight is stated in the legend.
    public var smoothing: Double?
    public var band: SpreadBand?

    public init(
        _ name: String, points: [DataPoint], color: Color? = nil, lineWidth: Double? = nil,
        dash: [Double] = [], marker: MarkerShape? = nil, opacity: Double = 1, showsInLegend: Bool = true,
        smoothing: Double? = nil, band: SpreadBand? = nil
    ) {
        if let smoothing {
            precondition((0..<1).contains(smoothing), "smoothing weight must be in 0..<1, got \(smoothing)")
        }
        if let band {
            precondition(
                band.lower.count == points.count, "band has \(band.lower.count) values for \(points.count) points")
        }
        self.name = name
        self.points = points
        self.color = color
        self.lineWidth = lineWidth
        self.dash = dash
        self.marker = marker
        self.opacity = opacity
        self.showsInLegend = showsInLegend
        self.smoothing = smoothing
        self.band = band
    }

    /// A series from parallel x and y arrays.
    public init(_ name: String, x: [Double], y: [Double], color: Color? = nil, marker: MarkerShape? = nil) {
        precondition(x.count == y.count, "series \(name): \(x.count) x values but \(y.count) y values")
        self.init(name, points: zip(x, y).map { DataPoint(x: $0, y: $1) }, color: color, marker: marker)
    }

    /// The mean over several runs sampled at the same `x`, with a band of the standard
    /// deviation or of the min–max range; the legend names the band and the number of runs.
    /// A run shorter than `x` contributes only where it has values.
    public static func aggregate(
        _ name: String, x: [Double], runs: [[Double]], spread: SpreadBand.Kind = .standardDeviation,
        color: Color? = nil
    ) -> LineSeries {
        precondition(!runs.isEmpty, "aggregate \(name) needs at least one run")
        var mean: [Double] = [], lower: [Double] = [], upper: [Double] = []
        for i in x.indices {
            let values = runs.compactMap { i < $0.count && $0[i].isFinite ? $0[i] : nil }
            guard !values.isEmpty else {
                mean.append(.nan); lower.append(.nan); upper.append(.nan)
                continue
            }
            let m = values.reduce(0, +) / Double(values.count)
            mean.append(m)
            switch spread {
            case .minMax:
                lower.append(values.min()!)
                upper.append(values.max()!)
            case .standardDeviation, .custom:
                // Population standard deviation of the runs at this x (n, not n - 1), as
                // numpy's default std and TensorBoard's plugins show.
                let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)
                lower.append(m - variance.squareRoot())
                upper.append(m + variance.squareRoot())
            }
        }
        let band = SpreadBand(lower: lower, upper: upper, kind: spread, count: runs.count)
        return LineSeries(name, points: zip(x, mean).map { DataPoint(x: $0, y: $1) }, color: color, band: band)
    }
}
