import Metrics

/// The parts of a log report that say what was not drawn and why: the run's bookkeeping
/// series (times, throughput, counters) as a table, the series no chart shows with their
/// reasons, the notes on how the report counts epochs and steps, and the files passed over.
/// Every value from the log is escaped here (``MarkdownText``).
enum LogSections {
    /// `[{name, values, last, at}]`: one row per bookkeeping series or final bookkeeping value.
    static func bookkeeping(_ log: MetricLog, plan: MetricChartPlan) -> [[String: Any]] {
        var rows: [[String: Any]] = plan.bookkeeping.map { series in
            let summary = MetricSummary(series: series, stepName: log.xColumn)
            return [
                "name": MarkdownText.code(series.originalName),
                "values": ReportNumberFormat.grouped(summary.count),
                "last": ReportNumberFormat.significant(summary.last?.value),
                "at": summary.lastAt.map(MarkdownText.cell) ?? "–",
            ]
        }
        for value in log.finalValues where Bookkeeping.matches(MetricName(parsing: value.name)) {
            rows.append([
                "name": MarkdownText.code(value.name), "values": "1",
                "last": ReportNumberFormat.significant(value.value), "at": "final",
            ])
        }
        return rows
    }

    /// `[{name, reason}]`: the series the plan leaves out of every chart.
    static func undrawn(_ plan: MetricChartPlan) -> [[String: Any]] {
        plan.undrawn.map {
            ["name": MarkdownText.code($0.series.originalName), "reason": MarkdownText.cell($0.reason)]
        }
    }

    /// `[{text}]`: the log's notes, escaped.
    static func notes(_ log: MetricLog) -> [[String: Any]] {
        log.notes.map { ["text": MarkdownText.cell($0)] }
    }

    /// `[{path, reason}]`: inputs passed over while looking for runs.
    static func skipped(_ skipped: [SkippedInput]) -> [[String: Any]] {
        skipped.map { ["path": MarkdownText.code($0.path), "reason": MarkdownText.cell($0.reason)] }
    }
}
