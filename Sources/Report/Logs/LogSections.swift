import Metrics

/// The parts of a log report that say what was not drawn and why: the run's bookkeeping
/// series (times, throughput, counters) as a table, the series no chart shows with their
/// reasons, the notes on how the report counts epochs and steps, and the files passed over.
/// Every value from the log is escaped here (``MarkdownText``).
enum LogSections {
    /// One row per bookkeeping series or final bookkeeping value.
    static func bookkeeping(_ log: MetricLog, plan: MetricChartPlan) -> [LogSectionView.Bookkeeping] {
        var rows = plan.bookkeeping.map { series in
            let summary = MetricSummary(series: series, stepName: log.xColumn)
            return LogSectionView.Bookkeeping(
                name: MarkdownText.code(series.originalName), values: ReportNumberFormat.grouped(summary.count),
                last: ReportNumberFormat.significant(summary.last?.value), at: summary.lastAt.map(MarkdownText.cell) ?? "–")
        }
        for value in log.finalValues where Bookkeeping.matches(MetricName(parsing: value.name)) {
            rows.append(
                LogSectionView.Bookkeeping(
                    name: MarkdownText.code(value.name), values: "1", last: ReportNumberFormat.significant(value.value),
                    at: "final"))
        }
        return rows
    }

    /// The series the plan leaves out of every chart.
    static func undrawn(_ plan: MetricChartPlan) -> [LogSectionView.Undrawn] {
        plan.undrawn.map {
            LogSectionView.Undrawn(name: MarkdownText.code($0.series.originalName), reason: MarkdownText.cell($0.reason))
        }
    }

    /// The log's notes, escaped.
    static func notes(_ log: MetricLog) -> [LogSectionView.Text] {
        log.notes.map { LogSectionView.Text(text: MarkdownText.cell($0)) }
    }

    /// Inputs passed over while looking for runs.
    static func skipped(_ skipped: [SkippedInput]) -> [LogSectionView.Skipped] {
        skipped.map { LogSectionView.Skipped(path: MarkdownText.code($0.path), reason: MarkdownText.cell($0.reason)) }
    }

    /// The figures as a list and by key.
    static func figures(_ links: [FigureLink]) -> (list: [FigureView], byKey: [String: FigureView]) {
        var list: [FigureView] = []
        var byKey: [String: FigureView] = [:]
        for link in links {
            var view = FigureView(link)
            view.alt = MarkdownText.alt(link.alt)
            list.append(view)
            byKey[link.key] = view
        }
        return (list, byKey)
    }
}
