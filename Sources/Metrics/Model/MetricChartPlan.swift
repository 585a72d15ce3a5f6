/// What a chart's x axis counts.
public enum MetricXAxis: String, Sendable, Equatable {
    case epoch, step
}

/// One (x, y) of a chart line; y is NaN at a gap.
public struct MetricChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public static func == (lhs: MetricChartPoint, rhs: MetricChartPoint) -> Bool {
        lhs.x == rhs.x && (lhs.y == rhs.y || (lhs.y.isNaN && rhs.y.isNaN))
    }
}

/// One line of a chart: a series placed on the chart's x axis.
public struct MetricChartLine: Sendable, Equatable {
    public var series: MetricSeries
    public var split: MetricSplit { series.name.split }
    /// True for per-step values drawn faintly behind the per-epoch line of the same split.
    public var isBackground: Bool
    /// In x order; NaN y marks a gap.
    public var points: [MetricChartPoint]
}

/// The series of one quantity that belong on one chart: training and validation (and test)
/// `loss` together, with the per-step training loss behind them when the log has both.
public struct MetricChartGroup: Sendable, Equatable {
    /// The canonical quantity (`loss`, `accuracy`, `lr`, `map50(b)`): what joins runs in a comparison.
    public var quantity: String
    /// The quantity as the log spelled it, case kept (`mAP50(B)`).
    public var label: String
    public var xAxis: MetricXAxis
    /// The axis title: `epoch`, `step`, or a table's x column.
    public var xLabel: String
    /// True when every x is a whole number (steps, epochs of a per-epoch log): ticks are then whole too.
    public var integerX: Bool
    /// Foreground lines first (train, validation, test), then background lines.
    public var lines: [MetricChartLine]
    public var goal: MetricGoal { MetricGoal(quantity: quantity) }
}

/// A series that no chart shows, and why.
public struct UndrawnSeries: Sendable, Equatable {
    public var series: MetricSeries
    public var reason: String
}

/// Which series of a log are drawn on which chart, and which are not and why: every series of
/// the log is in exactly one of ``groups``, ``bookkeeping`` and ``undrawn``.
public struct MetricChartPlan: Sendable, Equatable {
    public var groups: [MetricChartGroup]
    /// Times, throughput, FLOPs and counters: listed in a table with their last value.
    public var bookkeeping: [MetricSeries]
    /// Series left out of every chart with the reason (a placeholder the reader recognised, no
    /// finite value, over the chart limit).
    public var undrawn: [UndrawnSeries]
}
