import Metrics

extension ComparisonReport {
    /// The view of `templates/comparison.md.mustache` (documented in templates/README.md).
    public func view(figures: [FigureLink], files: [ReportFileEntry]) -> ComparisonReportView {
        let table = self.table
        let runViews = runs.enumerated().map { index, run in
            let log = run.log
            return ComparisonReportView.Run(
                number: index + 1, name: MarkdownText.cell(run.name), color: MetricFigureStyle.runStyle(index).name,
                location: MarkdownText.code(run.location), format: log.format.rawValue,
                formatName: log.format.displayName, status: log.status.map(MarkdownText.cell) ?? "–",
                epochs: LogReport.lastEpoch(log) ?? "–",
                steps: LogReport.lastStep(log).map(ReportNumberFormat.grouped) ?? "–", warningCount: log.warnings.count)
        }
        let metrics = table.rows.map { row in
            ComparisonReportView.Metric(
                name: MarkdownText.cell(row.label), goal: LogReport.goalWord(row.goal),
                runs: runs.indices.map { cellView(row, run: $0) })
        }
        let metricRows = table.rows.flatMap { row in
            runs.indices.compactMap { index -> ComparisonReportView.Cell? in
                guard row.cells[index] != nil else { return nil }
                var entry = cellView(row, run: index)
                entry.metric = MarkdownText.cell(row.label)
                entry.first = !row.cells[..<index].contains { $0 != nil }
                return entry
            }
        }
        let warnings = runs.flatMap { run in
            run.log.warnings.map { ComparisonReportView.RunText(run: MarkdownText.cell(run.name), text: MarkdownText.cell($0)) }
        }
        // What each run holds besides its charts: notes, bookkeeping, series left undrawn.
        let details = runs.compactMap { run -> ComparisonReportView.RunDetail? in
            let plan = run.log.chartPlan()
            let notes = LogSections.notes(run.log)
            let bookkeeping = LogSections.bookkeeping(run.log, plan: plan)
            var undrawn = LogSections.undrawn(plan)
            // A comparison draws one line per run and split: faint per-step lines behind
            // per-epoch ones would hide each other.
            for group in plan.groups {
                for line in group.lines where line.isBackground {
                    undrawn.append(
                        LogSectionView.Undrawn(
                            name: MarkdownText.code(line.series.originalName),
                            reason: "per-step values behind a per-epoch line: a comparison draws the per-epoch line only"))
                }
            }
            guard !notes.isEmpty || !bookkeeping.isEmpty || !undrawn.isEmpty else { return nil }
            return ComparisonReportView.RunDetail(
                run: MarkdownText.cell(run.name), hasNotes: !notes.isEmpty, notes: notes,
                hasBookkeeping: !bookkeeping.isEmpty, bookkeeping: bookkeeping, hasUndrawn: !undrawn.isEmpty,
                undrawn: undrawn)
        }
        let skipped = LogSections.skipped(self.skipped)
        let (figureList, figureByKey) = LogSections.figures(figures)
        return ComparisonReportView(
            title: MarkdownText.cell(title),
            subtitle: "\(runs.count) runs: " + runs.map { "`\(MarkdownText.code($0.name))`" }.joined(separator: ", ") + ".",
            runs: runViews, hasDiffering: !table.differingHyperparameters.isEmpty,
            differing: Self.hyperparameterView(table.differingHyperparameters),
            hasShared: !table.sharedHyperparameters.isEmpty,
            shared: table.sharedHyperparameters.map {
                NameValueView(MarkdownText.code($0.name), MarkdownText.code(ComparisonTable.text($0.value)))
            },
            figures: figureList, figure: figureByKey, metrics: metrics, metricRows: metricRows,
            hasRunDetails: !details.isEmpty, runDetails: details, hasSkipped: !skipped.isEmpty, skipped: skipped,
            hasWarnings: !warnings.isEmpty, warnings: warnings, files: FileView.list(files), command: command,
            version: version)
    }

    /// One run's cell of a metric row.
    func cellView(_ row: ComparisonTable.Row, run index: Int) -> ComparisonReportView.Cell {
        let cell = row.cells[index]
        return ComparisonReportView.Cell(
            run: MarkdownText.cell(runs[index].name), has: cell != nil,
            best: cell?.best.map { row.text($0.value) } ?? "–",
            bestAt: cell?.bestAt ?? (row.cadence == nil && cell != nil ? "final" : "–"),
            last: cell.map { row.text($0.last?.value) } ?? "–", lastAt: cell?.lastAt ?? "–",
            isBest: row.bestRun == index)
    }

    /// One row per hyperparameter, one value per run; `has` is false where the run does not set
    /// it (`value` is then "–").
    static func hyperparameterView(_ rows: [ComparisonTable.HyperparameterRow]) -> [HyperparameterRowView] {
        rows.map { row in
            HyperparameterRowView(
                name: MarkdownText.code(row.name),
                values: row.values.map {
                    HyperparameterRowView.Value(value: MarkdownText.code(ComparisonTable.text($0)), has: $0 != nil)
                })
        }
    }
}
