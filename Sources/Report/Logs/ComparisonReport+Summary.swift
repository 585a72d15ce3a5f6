import Metrics

extension ComparisonReport {
    /// The view model of `templates/render-summary.md.mustache`: the compact GitHub job summary
    /// of a comparison (headline metrics per run, loss sparklines, differing hyperparameters; no
    /// images, since job summaries cannot show local files).
    public func summaryView(folder: String) -> RenderSummaryView {
        Self.summaryView(title: title, runs: runs, folder: folder)
    }

    /// The summary view of any number of runs (a log report's is that of its one run).
    static func summaryView(title: String, runs: [LoggedRun], folder: String) -> RenderSummaryView {
        let table = ComparisonTable(runs: runs)
        var rows = LogReport.headlineRows(table)
        if rows.isEmpty { rows = Array(table.rows.prefix(4)) }
        let rowViews = rows.map { row in
            RenderSummaryView.Row(
                metric: MarkdownText.cell(row.label),
                cells: row.cells.enumerated().map { index, cell in
                    guard let cell, let best = cell.best ?? cell.last else { return LogSectionView.Text(text: "–") }
                    var text = row.text(best.value)
                    if let at = best == cell.best ? cell.bestAt : cell.lastAt { text += " (\(at))" }
                    if let last = cell.last, row.text(last.value) != row.text(best.value) {
                        text += ", last \(row.text(last.value))"
                    }
                    if row.bestRun == index { text += " ★" }
                    return LogSectionView.Text(text: text)
                })
        }
        var sparklines: [RenderSummaryView.Sparkline] = []
        for run in runs {
            for case let series? in [lossSeries(run.log, "loss"), lossSeries(run.log, "val_loss")] {
                let values = series.points.map(\.value)
                let finite = values.filter(\.isFinite)
                guard finite.count >= 2, let first = finite.first, let last = finite.last else { continue }
                sparklines.append(
                    RenderSummaryView.Sparkline(
                        run: MarkdownText.cell(run.name), metric: MarkdownText.cell(series.canonicalName),
                        spark: Sparkline.render(values), first: ReportNumberFormat.significant(first),
                        last: ReportNumberFormat.significant(last),
                        what: "per \(series.cadence.rawValue), \(ReportNumberFormat.grouped(values.count)) values"))
            }
        }
        let warningCount = runs.reduce(0) { $0 + $1.log.warnings.count }
        return RenderSummaryView(
            title: MarkdownText.cell(title), folder: MarkdownText.code(folder),
            runs: runs.map { .init(name: MarkdownText.cell($0.name)) }, rows: rowViews,
            hasSparklines: !sparklines.isEmpty, sparklines: sparklines,
            hasDiffering: !table.differingHyperparameters.isEmpty,
            differing: hyperparameterView(table.differingHyperparameters), warningCount: warningCount,
            hasWarnings: warningCount > 0)
    }

    /// The series a loss sparkline shows: per epoch, or per step when there are too few epochs
    /// for a trend (and more steps).
    static func lossSeries(_ log: MetricLog, _ name: String) -> MetricSeries? {
        let epochs = log.series(named: name, cadence: .epoch)
        let steps = log.series(named: name, cadence: .step)
        guard let epochs else { return steps }
        if epochs.points.count < minimumSparklineEpochs, let steps, steps.points.count > epochs.points.count {
            return steps
        }
        return epochs
    }

    /// Fewer per-epoch values than this make a sparkline too short to show a trend.
    static let minimumSparklineEpochs = 5
}
