/// All recorded values of one metric at one cadence, in x order.
public struct MetricSeries: Sendable, Equatable {
    public var name: MetricName
    /// The name as the log spelled it (`val_acc`, `validation/epoch_loss`, `train_loss_step`).
    public var originalName: String
    public var cadence: MetricCadence
    public var points: [MetricPoint]

    public init(name: MetricName, originalName: String, cadence: MetricCadence, points: [MetricPoint]) {
        self.name = name
        self.originalName = originalName
        self.cadence = cadence
        self.points = points
    }

    /// `loss`, `val_loss`, ...
    public var canonicalName: String { name.canonical }

    public var goal: MetricGoal { MetricGoal(quantity: name.quantity) }

    /// The points that are not gaps.
    public var finitePoints: [MetricPoint] { points.filter(\.isFinite) }

    /// How many values were NaN or infinite in the log.
    public var gapCount: Int { points.count { !$0.isFinite } }

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
