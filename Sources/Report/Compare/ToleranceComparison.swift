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
            let values: [(String, Double?, Double?)] =
                single
                ? [(row.label, b.last?.value, c.last?.value)]
                : [
                    ("\(row.label) (best)", b.best?.value, c.best?.value),
                    ("\(row.label) (last)", b.last?.value, c.last?.value),
                ]
            for (name, bv, cv) in values {
                if row.goal == .none, name.hasSuffix("(best)") { continue }
                let method: CompareMetric.Method
                if row.goal == .none {
                    method = .reference("whether higher or lower is better is not known for this metric")
                } else {
                    method = .tolerance(
                        amount: bv.map(tolerance.absolute) ?? tolerance.amount, spec: tolerance.amountText)
                }
                var metric = CompareMetric(
                    name: name, goal: row.goal, format: format, baseline: bv, candidate: cv, method: method)
                metric.decides = row.goal != .none
                rows.append(metric)
            }
        }
        return rows
    }
}
