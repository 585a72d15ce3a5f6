/// How a series was thinned out while reading (``SeriesBuffer``): how many values the log held.
public struct SeriesReduction: Sendable, Equatable {
    /// Finite values logged (repeats of an x not counted).
    public var values: Int
    /// NaN or infinite values logged.
    public var gaps: Int
}

/// All recorded values of one metric at one cadence, in x order.
public struct MetricSeries: Sendable, Equatable {
    public var name: MetricName
    /// The name as the log spelled it (`val_acc`, `validation/epoch_loss`, `train_loss_step`).
    public var originalName: String
    public var cadence: MetricCadence
    public var points: [MetricPoint]
    /// True when each point's `epoch` is its exact position in epochs (Hugging Face's fractional
    /// `epoch`: 0.25 is a quarter of the first epoch), not the number of the epoch it belongs to.
    public var epochIsPosition: Bool
    /// Why the reader keeps this series out of the charts (Lightning's `hp_metric` placeholder),
    /// or nil. Such a series is listed in the report with this reason.
    public var exclusion: String?
    /// Set when the log held more values than the series keeps: the counts of the whole log.
    public var reduction: SeriesReduction?

    public init(
        name: MetricName, originalName: String, cadence: MetricCadence, points: [MetricPoint],
        epochIsPosition: Bool = false, exclusion: String? = nil
    ) {
        self.name = name
        self.originalName = originalName
        self.cadence = cadence
        self.points = points
        self.epochIsPosition = epochIsPosition
        self.exclusion = exclusion
    }

    /// `loss`, `val_loss`, ...
    public var canonicalName: String { name.canonical }

    public var goal: MetricGoal { MetricGoal(quantity: name.quantity) }

    /// True for run bookkeeping (times, throughput, FLOPs, counters such as a logged `epoch`):
    /// listed in a table rather than drawn, since a chart of them says nothing about learning.
    public var isBookkeeping: Bool { Bookkeeping.matches(name) }

    /// The points that are not gaps.
    public var finitePoints: [MetricPoint] { points.filter(\.isFinite) }

    /// How many values were NaN or infinite in the log.
    public var gapCount: Int { reduction?.gaps ?? points.count { !$0.isFinite } }

    /// How many finite values the log held (more than ``points`` when the series was thinned out).
    public var valueCount: Int { reduction?.values ?? points.count { $0.isFinite } }

    /// The runs of consecutive finite points between gaps: draw each as one polyline.
    public var segments: [[MetricPoint]] {
        var result: [[MetricPoint]] = []
        var current: [MetricPoint] = []
        for point in points {
            if point.isFinite {
                current.append(point)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The last finite value.
    public var last: MetricPoint? { points.last(where: \.isFinite) }

    /// The best finite value by ``goal`` (the first of equal values), or nil when the goal is `.none`.
    public var best: MetricPoint? {
        let finite = finitePoints
        switch goal {
        case .minimize: return finite.min { $0.value < $1.value }
        case .maximize: return finite.max { $0.value < $1.value }
        case .none: return nil
        }
    }
}
