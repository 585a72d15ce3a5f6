import Metrics

/// The results rows of two logs, which hold one value per metric and run and so allow no
/// significance test: the best and the last value of every metric both logged, judged against
/// `--tolerance`.
public enum ToleranceComparison {
    /// One row for the best and one for the last value of each metric the two runs share (one
    /// row when both are the same single value, as for a final test figure), in the comparison
    /// table's order. Metrics whose goal is unknown (a learning rate) are listed, not judged.
    public static func metrics(baseline: LoggedRun, candidate: LoggedRun, tolerances: [MetricTolerance])
        -> [CompareMetric]
    {
        let table = ComparisonTable(runs: [baseline, candidate])
        var rows: [CompareMetric] = []
        for row in table.rows {
            guard let b = row.cells[0], let c = row.cells[1] else { continue }
            let single = b.cadence == nil && c.cadence == nil
            let names = Set([row.metric, row.label, b.originalName, c.originalName])
            let tolerance =
                tolerances.first { $0.metric.map(names.contains) ?? false } ?? tolerances.first { $0.metric == nil }
                ?? MetricTolerance(metric: nil, amount: 0, isRelative: false)
            let format: CompareMetric.Format = row.isFraction ? .percent : .number
            guard row.goal != .none else {
                // No direction, no best: the last value, for reference.
                var metric = CompareMetric(
                    name: single ? row.label : "\(row.label) (last)", goal: .none, format: format,
                    baseline: b.last?.value, candidate: c.last?.value,
                    method: .reference("whether higher or lower is better is not known for this metric"))
                metric.decides = false
                rows.append(metric)
                continue
            }
            let values: [(name: String, baseline: Double?, candidate: Double?)] =
                single
                ? [(row.label, b.last?.value, c.last?.value)]
                : [
                    ("\(row.label) (best)", b.best?.value, c.best?.value),
                    ("\(row.label) (last)", b.last?.value, c.last?.value),
                ]
            for value in values {
                var metric = CompareMetric(
                    name: value.name, goal: row.goal, format: format, baseline: value.baseline,
                    candidate: value.candidate,
                    method: .tolerance(
                        amount: value.baseline.map(tolerance.absolute) ?? tolerance.amount, spec: tolerance.amountText))
                metric.decides = true
                rows.append(metric)
            }
        }
        return rows
    }
}
