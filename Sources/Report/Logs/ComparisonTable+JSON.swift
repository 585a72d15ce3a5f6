import Metrics

extension ComparisonTable {
    /// The table as JSON for the report's summary.json: each run (source, format, status,
    /// hyperparameters, warnings), each metric with every run's last and best value and where
    /// they were logged, and the names of the hyperparameters that differ.
    public static func json(runs: [LoggedRun]) -> [(key: String, value: JSONValue)] {
        let table = ComparisonTable(runs: runs)
        let runValues: [JSONValue] = runs.map { run in
            let log = run.log
            let plan = log.chartPlan()
            return [
                "name": .string(run.name), "source": .string(run.location), "format": .string(log.format.rawValue),
                "status": log.status.map(JSONValue.string) ?? .null,
                "hyperparameters": .object(log.hyperparameters.map { (key: $0.name, value: $0.value) }),
                "bookkeeping": .object(
                    plan.bookkeeping.map { (key: $0.originalName, value: .number($0.last?.value)) }
                        + log.finalValues.filter { Bookkeeping.matches(MetricName(parsing: $0.name)) }.map {
                            (key: $0.name, value: .number($0.value))
                        }),
                "not_drawn": .array(
                    plan.undrawn.map { ["logged_as": .string($0.series.originalName), "reason": .string($0.reason)] }),
                "notes": .array(log.notes.map(JSONValue.string)),
                "warnings": .array(log.warnings.map(JSONValue.string)),
            ]
        }
        let metrics: [JSONValue] = table.rows.map { row in
            let perRun: [(key: String, value: JSONValue)] = row.cells.enumerated().compactMap { index, cell in
                guard let cell else { return nil }
                return (key: runs[index].name, value: json(cell))
            }
            return [
                "metric": .string(row.metric), "label": .string(row.label),
                "cadence": row.cadence.map { .string($0.rawValue) } ?? .string("final"),
                "goal": .string(goalName(row.goal)),
                "best_run": row.bestRun.map { .string(runs[$0].name) } ?? .null,
                "runs": .object(perRun),
            ]
        }
        return [
            (key: "runs", value: .array(runValues)),
            (key: "metrics", value: .array(metrics)),
            (key: "differing_hyperparameters", value: .array(table.differingHyperparameters.map { .string($0.name) })),
        ]
    }

    static func json(_ cell: MetricSummary) -> JSONValue {
        func point(_ prefix: String, _ point: MetricPoint?) -> [(key: String, value: JSONValue)] {
            [
                (key: prefix, value: .number(point?.value)),
                (key: prefix + "_epoch", value: .number(point?.epoch)),
                (key: prefix + "_step", value: point?.step.map(JSONValue.int) ?? .null),
            ]
        }
        return .object(
            [(key: "logged_as", value: .string(cell.originalName))] + point("last", cell.last)
                + point("best", cell.best)
                + [(key: "values", value: .int(cell.count)), (key: "gaps", value: .int(cell.gaps))])
    }

    static func goalName(_ goal: MetricGoal) -> String {
        switch goal {
        case .minimize: return "minimize"
        case .maximize: return "maximize"
        case .none: return "none"
        }
    }
}
