import Metrics

/// The last and best value of one metric of one run: a cell of the metric and comparison tables.
public struct MetricSummary: Sendable, Equatable {
    /// The canonical metric name: `loss`, `val_accuracy`, `test_loss`.
    public var metric: String
    /// `loss`, `accuracy`, ...
    public var quantity: String
    /// How often the metric was logged; nil for a final test-set figure.
    public var cadence: MetricCadence?
    /// The name as the log spelled it (`val_acc`, `validation/epoch_loss`).
    public var originalName: String
    /// The canonical name with the quantity's case kept (`val_mAP50(B)`), for tables.
    public var display: String
    /// What the log's steps are called: `step`, or a table's x column (`iteration`, `index`).
    public var stepName = "step"
    public var goal: MetricGoal
    /// The last finite value, with its epoch and step.
    public var last: MetricPoint?
    /// The best finite value by ``goal`` (the first of equal values); nil when the goal is unknown.
    public var best: MetricPoint?
    /// Finite values.
    public var count: Int
    /// Values that were NaN or infinite in the log.
    public var gaps: Int

    public init(
        metric: String, quantity: String, cadence: MetricCadence?, originalName: String, goal: MetricGoal,
        last: MetricPoint?, best: MetricPoint?, count: Int, gaps: Int, display: String? = nil
    ) {
        self.display = display ?? metric
        self.metric = metric
        self.quantity = quantity
        self.cadence = cadence
        self.originalName = originalName
        self.goal = goal
        self.last = last
        self.best = best
        self.count = count
        self.gaps = gaps
    }

    /// The summary of a logged series of a log whose steps are called `stepName`.
    public init(series: MetricSeries, stepName: String?) {
        self.init(series: series)
        if let stepName { self.stepName = stepName }
    }

    /// The summary of a logged series.
    public init(series: MetricSeries) {
        self.init(
            metric: series.canonicalName, quantity: series.name.quantity, cadence: series.cadence,
            originalName: series.originalName, goal: series.goal, last: series.last, best: series.best,
            count: series.valueCount, gaps: series.gapCount, display: series.name.display)
    }

    /// A final test-set figure (nnreport's `test` event): one value, both last and best.
    public init(test: NamedValue) {
        let name = MetricName(parsing: "test_" + test.name)
        let point = test.value.isFinite ? MetricPoint(value: test.value) : nil
        self.init(
            metric: name.canonical, quantity: name.quantity, cadence: nil, originalName: test.name,
            goal: MetricGoal(quantity: name.quantity), last: point, best: point, count: point == nil ? 0 : 1,
            gaps: point == nil ? 1 : 0)
    }

    /// A value the log records once under its own name (Hugging Face's `train_loss`, a
    /// TensorBoard `hparam/` metric, DVCLive's metrics.json): one value, both last and best.
    public init(final: NamedValue) {
        let name = MetricName(parsing: final.name)
        let point = final.value.isFinite ? MetricPoint(value: final.value) : nil
        self.init(
            metric: name.canonical, quantity: name.quantity, cadence: nil, originalName: final.name,
            goal: MetricGoal(quantity: name.quantity), last: point, best: point, count: point == nil ? 0 : 1,
            gaps: point == nil ? 1 : 0)
    }

    /// Where the best value was logged: "epoch 3", "step 1,200", or nil for a test figure.
    public var bestAt: String? { best.flatMap { Self.position(of: $0, cadence: cadence, stepName: stepName) } }

    /// Where the last value was logged.
    public var lastAt: String? { last.flatMap { Self.position(of: $0, cadence: cadence, stepName: stepName) } }

    /// "epoch 3" for a per-epoch value, "step 1,200" for a per-step one (whichever the log recorded).
    static func position(of point: MetricPoint, cadence: MetricCadence?, stepName: String = "step") -> String? {
        let epoch = point.epoch.map { "epoch " + epochText($0) }
        let step = point.step.map { "\(stepName) " + ReportNumberFormat.grouped($0) }
        switch cadence {
        case .epoch?: return epoch ?? step
        case .step?: return step ?? epoch
        case nil: return nil
        }
    }

    /// An epoch number: "3", or "2.5" for a fraction of an epoch.
    static func epochText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return ReportNumberFormat.grouped(Int(value)) }
        return ReportNumberFormat.significant(value)
    }
}
