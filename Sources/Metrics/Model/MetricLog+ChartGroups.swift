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
    /// True for per-step values drawn faintly behind per-epoch lines.
    public var isBackground: Bool
    /// In x order; NaN y marks a gap.
    public var points: [MetricChartPoint]
}

/// The series of one quantity that belong on one chart: training and validation (and test)
/// `loss` together, with the per-step training loss behind them when the log has both.
public struct MetricChartGroup: Sendable, Equatable {
    /// `loss`, `accuracy`, `lr`, ...
    public var quantity: String
    public var xAxis: MetricXAxis
    /// The axis title: `epoch`, `step`, or a table's x column.
    public var xLabel: String
    /// Foreground lines first (train, validation, test), then background lines.
    public var lines: [MetricChartLine]
    public var goal: MetricGoal { MetricGoal(quantity: quantity) }
}

extension MetricLog {
    /// Groups the series into charts, one per quantity: `loss` and `accuracy` first, then the
    /// others in the order the log introduced them.
    ///
    /// The x axis is the epoch when the quantity has any per-epoch series, else the step. On an
    /// epoch axis, per-step series that know their epoch become faint background lines at
    /// fractional epochs (step / steps-per-epoch, the steps per epoch estimated from the log);
    /// per-step series without epoch information cannot be placed there and are left out.
    public func chartGroups() -> [MetricChartGroup] {
        var quantities: [String] = []
        for s in series where !quantities.contains(s.name.quantity) { quantities.append(s.name.quantity) }
        let preferred = ["loss", "accuracy"]
        quantities = preferred.filter(quantities.contains) + quantities.filter { !preferred.contains($0) }
        let stepsPerEpoch = estimatedStepsPerEpoch()
        return quantities.compactMap { quantity in
            let members = series.filter { $0.name.quantity == quantity }
            let axis: MetricXAxis = members.contains { $0.cadence == .epoch } ? .epoch : .step
            var lines: [MetricChartLine] = []
            for s in members {
                let background = axis == .epoch && s.cadence == .step
                let points: [MetricChartPoint] = s.points.compactMap { point in
                    guard let x = Self.x(of: point, cadence: s.cadence, axis: axis, stepsPerEpoch: stepsPerEpoch)
                    else { return nil }
                    return MetricChartPoint(x: x, y: point.value)
                }
                if points.isEmpty { continue }
                lines.append(MetricChartLine(series: s, isBackground: background, points: points))
            }
            if lines.isEmpty { return nil }
            let splitOrder: [MetricSplit] = [.train, .validation, .test]
            lines = lines.enumerated().sorted { a, b in
                let ka = (a.element.isBackground ? 1 : 0, splitOrder.firstIndex(of: a.element.split) ?? 0, a.offset)
                let kb = (b.element.isBackground ? 1 : 0, splitOrder.firstIndex(of: b.element.split) ?? 0, b.offset)
                return ka < kb
            }.map(\.element)
            let label =
                axis == .step ? (xColumn ?? "step") : (xColumn == nil || xColumn == "epoch" ? "epoch" : xColumn!)
            return MetricChartGroup(quantity: quantity, xAxis: axis, xLabel: label, lines: lines)
        }
    }

    /// Where a point goes on an axis, or nil when it cannot be placed.
    static func x(of point: MetricPoint, cadence: MetricCadence, axis: MetricXAxis, stepsPerEpoch: Double?) -> Double? {
        switch (axis, cadence) {
        case (.step, _): return point.step.map(Double.init) ?? point.epoch
        case (.epoch, .epoch): return point.epoch ?? point.step.map(Double.init)
        case (.epoch, .step):
            guard let step = point.step, let epoch = point.epoch else { return nil }
            guard let perEpoch = stepsPerEpoch, perEpoch > 0 else { return epoch }
            // Clamp into the step's own epoch so an estimate that is slightly off never moves a
            // point into a neighbouring epoch.
            return min(max(Double(step) / perEpoch, epoch - 1), epoch)
        }
    }

    /// Steps per epoch, from per-step points that know their epoch: steps of epoch e lie in
    /// ((e-1)P, eP], so the largest (last step of e) / e over completed epochs bounds P from below
    /// to within the logging interval. Epochs after the last per-epoch value may be incomplete
    /// and are only used when nothing else is known.
    func estimatedStepsPerEpoch() -> Double? {
        var lastStep: [Double: Int] = [:]
        for s in series where s.cadence == .step {
            for point in s.points {
                guard let step = point.step, let epoch = point.epoch, epoch >= 1 else { continue }
                lastStep[epoch] = max(lastStep[epoch] ?? step, step)
            }
        }
        guard !lastStep.isEmpty else { return nil }
        let completed = series.filter { $0.cadence == .epoch }.flatMap(\.points).compactMap(\.epoch).max()
        var candidates = lastStep.filter { completed == nil || $0.key <= completed! }
        if candidates.isEmpty || completed == nil {
            // Without per-epoch values, all but the last epoch are complete.
            let last = lastStep.keys.max()!
            candidates = lastStep.count > 1 ? lastStep.filter { $0.key < last } : lastStep
        }
        let estimate = candidates.map { Double($0.value) / $0.key }.max()
        return estimate.flatMap { $0 > 0 ? $0 : nil }
    }
}
