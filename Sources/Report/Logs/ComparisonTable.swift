import Metrics

/// The last and best value of every metric of every run, and the hyperparameters that tell the
/// runs apart: the table of a comparison report (and, with one run, the metric table of a log
/// report).
public struct ComparisonTable: Sendable, Equatable {
    /// One metric across the runs.
    public struct Row: Sendable, Equatable {
        /// The canonical name: `val_loss`, `test_accuracy`.
        public var metric: String
        /// Nil for a final test-set figure.
        public var cadence: MetricCadence?
        public var quantity: String
        public var split: MetricSplit
        /// False when the first run's name for it states no split (`loss`, read as training).
        public var splitIsStated: Bool
        public var goal: MetricGoal
        /// `val_loss`, `loss (per step)`; a run's second series of the same name (`lr-SGD` beside
        /// `lr-Adam`) gets its own row labelled with its logged name.
        public var label: String
        /// True for a run's second series of one canonical name, labelled by its logged name.
        public var isVariant: Bool
        /// One per run, nil where the run did not log this metric.
        public var cells: [MetricSummary?]
        /// The run with the best value when at least two runs have one and they are not all equal
        /// (the first of equals).
        public var bestRun: Int?
    }

    /// A hyperparameter and its value in each run (nil where the run does not set it).
    public struct HyperparameterRow: Sendable, Equatable {
        public var name: String
        public var values: [JSONValue?]
    }

    public var runNames: [String]
    public var rows: [Row]
    /// Hyperparameters whose values are not the same in every run (missing counts as different),
    /// in order of first appearance.
    public var differingHyperparameters: [HyperparameterRow]
    /// Hyperparameters every run sets to the same value.
    public var sharedHyperparameters: [Hyperparameter]

    public init(runs: [LoggedRun]) {
        runNames = runs.map(\.name)
        rows = Self.rows(runs)
        let logs = runs.map(\.log)
        differingHyperparameters = MetricLog.differingHyperparameters(logs).map { name in
            HyperparameterRow(name: name, values: logs.map { $0.hyperparameter(name) })
        }
        let differing = Set(differingHyperparameters.map(\.name))
        sharedHyperparameters = (logs.first?.hyperparameters ?? []).filter { !differing.contains($0.name) }
    }

    /// A row identity: the canonical name and cadence, plus the logged name for a run's second
    /// series of that identity.
    struct Key: Hashable {
        var metric: String
        var cadence: MetricCadence?
        var variant: String?
    }

    static func rows(_ runs: [LoggedRun]) -> [Row] {
        var order: [Key] = []
        var rows: [Key: Row] = [:]
        func add(_ summary: MetricSummary, split: MetricSplit, stated: Bool, run: Int, taken: inout Set<Key>) {
            var key = Key(metric: summary.metric, cadence: summary.cadence, variant: nil)
            if taken.contains(key) { key.variant = summary.originalName }
            guard taken.insert(key).inserted else { return }
            if rows[key] == nil {
                order.append(key)
                var label = key.variant ?? summary.display
                if summary.cadence == .step { label += " (per step)" }
                // A final value the log names itself (Hugging Face's train_loss, the mean over
                // training) keeps that name: it is not the best of a series.
                if summary.cadence == nil, split != .test || !stated { label = summary.originalName + " (final)" }
                rows[key] = Row(
                    metric: summary.metric, cadence: summary.cadence, quantity: summary.quantity, split: split,
                    splitIsStated: stated, goal: summary.goal, label: label, isVariant: key.variant != nil,
                    cells: Array(repeating: nil, count: runs.count), bestRun: nil)
            }
            rows[key]!.cells[run] = summary
        }
        for (index, run) in runs.enumerated() {
            var taken = Set<Key>()
            // Bookkeeping and series the reader set aside have tables of their own.
            for series in run.log.series where !series.isBookkeeping && series.exclusion == nil {
                add(
                    MetricSummary(series: series, stepName: run.log.xColumn), split: series.name.split,
                    stated: series.name.splitIsStated,
                    run: index, taken: &taken)
            }
            for test in run.log.testResults {
                add(MetricSummary(test: test), split: .test, stated: true, run: index, taken: &taken)
            }
            for final in run.log.finalValues {
                let name = MetricName(parsing: final.name)
                guard !Bookkeeping.matches(name) else { continue }
                add(
                    MetricSummary(final: final), split: name.split, stated: name.splitIsStated, run: index,
                    taken: &taken)
            }
        }
        // Quantities in chart order (loss, accuracy, then as first logged); within one, train
        // before validation before test, per epoch before per step before final figures.
        var quantities = ["loss", "accuracy"]
        for key in order where !quantities.contains(rows[key]!.quantity) { quantities.append(rows[key]!.quantity) }
        let splits: [MetricSplit] = [.train, .validation, .test]
        func rank(_ key: Key, _ position: Int) -> [Int] {
            let row = rows[key]!
            let cadence = row.cadence == .epoch ? 0 : row.cadence == .step ? 1 : 2
            return [
                quantities.firstIndex(of: row.quantity)!, splits.firstIndex(of: row.split)!, cadence, position,
            ]
        }
        let sorted = order.enumerated().sorted {
            rank($0.element, $0.offset).lexicographicallyPrecedes(rank($1.element, $1.offset))
        }
        return sorted.map { _, key in
            var row = rows[key]!
            row.bestRun = bestRun(row.cells, goal: row.goal)
            return row
        }
    }

    /// The index of the run with the best value, when at least two runs have one and not all
    /// the same.
    static func bestRun(_ cells: [MetricSummary?], goal: MetricGoal) -> Int? {
        let candidates = cells.enumerated().compactMap { index, cell in cell?.best.map { (index, $0.value) } }
        // With one run, or when every run reaches the same value, no run is better.
        guard candidates.count >= 2, candidates.contains(where: { $0.1 != candidates[0].1 }) else { return nil }
        switch goal {
        case .minimize: return candidates.min { $0.1 < $1.1 }?.0
        case .maximize: return candidates.max { $0.1 < $1.1 }?.0
        case .none: return nil
        }
    }
}
