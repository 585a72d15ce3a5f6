import Metrics

extension LogReport {
    /// The Mustache view model of `templates/log.md.mustache` (documented in templates/README.md).
    public func view(figures: [FigureLink], files: [ReportFileEntry]) -> LogReportView {
        let log = run.log
        let table = self.table
        let plan = log.chartPlan()
        var headline = [
            NameValueView("Run", MarkdownText.cell(run.name)), NameValueView("Format", log.format.displayName),
        ]
        if let status = log.status { headline.append(NameValueView("Status", MarkdownText.cell(status))) }
        if let epochs = Self.lastEpoch(log) { headline.append(NameValueView("Epochs", epochs)) }
        if let steps = Self.lastStep(log) {
            let name = log.xColumn.map { "Last \(MarkdownText.cell($0))" } ?? "Steps"
            headline.append(NameValueView(name, ReportNumberFormat.grouped(steps)))
        }
        for row in Self.headlineRows(table) {
            guard let cell = row.cells[0], let best = cell.best else { continue }
            var value = "**\(row.text(best.value))**"
            if let at = cell.bestAt { value += " at \(at)" }
            if let last = cell.last, row.text(last.value) != row.text(best.value) {
                value += " (last \(row.text(last.value)))"
            }
            headline.append(NameValueView(MarkdownText.cell(Self.headlineName(row)), value))
        }
        let metrics = table.rows.compactMap { row -> LogReportView.Metric? in
            guard let cell = row.cells[0] else { return nil }
            return LogReportView.Metric(
                name: MarkdownText.cell(row.label), loggedAs: MarkdownText.code(cell.originalName),
                cadence: cell.cadence?.rawValue ?? "final", count: ReportNumberFormat.grouped(cell.count),
                gaps: cell.gaps, hasGaps: cell.gaps > 0, last: row.text(cell.last?.value), lastAt: cell.lastAt ?? "–",
                best: cell.best.map { row.text($0.value) } ?? "–",
                bestAt: cell.bestAt ?? (row.cadence == nil ? "final" : "–"), goal: Self.goalWord(row.goal))
        }
        let valueCount = log.series.reduce(0) { $0 + $1.valueCount + $1.gapCount }
        let (figureList, figureByKey) = LogSections.figures(figures)
        let notes = LogSections.notes(log)
        let bookkeeping = LogSections.bookkeeping(log, plan: plan)
        let undrawn = LogSections.undrawn(plan)
        let skipped = LogSections.skipped(self.skipped)
        return LogReportView(
            title: MarkdownText.cell(title),
            subtitle: "\(log.format.displayName) read from `\(MarkdownText.code(run.location))`: "
                + "\(log.series.count) series, \(ReportNumberFormat.grouped(valueCount)) values.",
            headline: headline, hasWarnings: !log.warnings.isEmpty,
            warnings: log.warnings.map { LogSectionView.Text(text: MarkdownText.cell($0)) }, figures: figureList,
            figure: figureByKey, metrics: metrics, hasNotes: !notes.isEmpty, notes: notes,
            hasBookkeeping: !bookkeeping.isEmpty, bookkeeping: bookkeeping, hasUndrawn: !undrawn.isEmpty,
            undrawn: undrawn,
            hyperparameterNote: Self.hyperparameterNote(log.format, found: !log.hyperparameters.isEmpty),
            hasHyperparameters: !log.hyperparameters.isEmpty,
            hyperparameters: log.hyperparameters.map {
                NameValueView(MarkdownText.code($0.name), MarkdownText.code(ComparisonTable.text($0.value)))
            },
            source: LogReportView.Source(
                run: MarkdownText.cell(run.name), location: MarkdownText.code(run.location),
                format: log.format.rawValue, formatName: log.format.displayName),
            hasSkipped: !skipped.isEmpty, skipped: skipped, files: FileView.list(files), command: command,
            version: version)
    }

    /// The metrics worth a line of the headline table: losses and accuracies per epoch (per step
    /// when that is all there is of the metric) and the final test figures.
    static func headlineRows(_ table: ComparisonTable) -> [ComparisonTable.Row] {
        table.rows.filter { row in
            guard ["loss", "accuracy"].contains(row.quantity) else { return false }
            // Final values other than test figures (a mean training loss) are no headline.
            if row.cadence == nil, row.split != .test { return false }
            return row.cadence != .step || !table.rows.contains { $0.metric == row.metric && $0.cadence == .epoch }
        }
    }

    /// "Best validation loss", "Test accuracy".
    static func headlineName(_ row: ComparisonTable.Row) -> String {
        let quantity = MetricFigureStyle.axisLabel(row.quantity)
        if row.cadence == nil, row.split == .test { return "Test \(quantity)" }
        // A name that does not say which data it was measured on, or a second series of the
        // same name: say no more than the row's label does.
        if !row.splitIsStated || row.isVariant { return "Best \(row.label)" }
        let word = row.split == .train ? "training" : MetricFigureStyle.word(row.split)
        return "Best \(word) \(quantity)\(row.cadence == .step ? " (per step)" : "")"
    }

    static func goalWord(_ goal: MetricGoal) -> String {
        switch goal {
        case .minimize: return "lower is better"
        case .maximize: return "higher is better"
        case .none: return "–"
        }
    }

    /// The last epoch of the log's per-epoch values ("3"), or of its per-step values placed at
    /// fractions of an epoch ("2.5"), as text.
    static func lastEpoch(_ log: MetricLog) -> String? {
        let epochs = log.series.filter { $0.cadence == .epoch && !$0.isBookkeeping }.flatMap(\.points).compactMap(
            \.epoch)
        if let last = epochs.max() { return MetricSummary.epochText(last) }
        let positions = log.series.filter { $0.epochIsPosition && !$0.isBookkeeping }.flatMap(\.points)
            .compactMap(\.epoch)
        return positions.max().map(MetricSummary.epochText)
    }

    /// The last step of the log's per-step values.
    static func lastStep(_ log: MetricLog) -> Int? {
        log.series.filter { $0.cadence == .step }.flatMap(\.points).compactMap(\.step).max()
    }

    /// Where the hyperparameters came from, or why there are none.
    static func hyperparameterNote(_ format: LogFormat, found: Bool) -> String {
        switch (format, found) {
        case (.nnreport, true): return "From the run's configuration (metrics.jsonl, summary.json)."
        case (.lightningCSV, true): return "From hparams.yaml beside metrics.csv."
        case (.dvclive, true): return "From params.yaml of the DVCLive folder."
        case (.mlflow, true): return "The run's MLflow params (recorded as text)."
        case (.ultralytics, true): return "From args.yaml beside results.csv."
        case (.huggingFace, true): return "From the Trainer's state and, where present, its arguments."
        case (_, true): return "As recorded in the log (see the notes above for where)."
        case (.nnreport, false):
            return "None recorded: metrics.jsonl has no run event and no summary.json is beside it."
        case (.lightningCSV, false): return "None recorded: no hparams.yaml beside metrics.csv."
        case (.dvclive, false): return "None recorded: no params.yaml in the DVCLive folder."
        case (.kerasCSV, false): return "None recorded: Keras's CSVLogger does not record them."
        case (.tensorBoard, false):
            return "None recorded: the event files hold no hparams plugin data (add_hparams) and no arguments text."
        case (.table, false): return "None recorded: a plain table does not record them."
        case (.mlflow, false): return "None recorded: the run logged no params."
        case (.ultralytics, false): return "None recorded: no args.yaml beside results.csv."
        case (.huggingFace, false): return "None recorded in the state."
        case (.jsonLines, false): return "None recorded: a JSON-lines log of metrics does not record them."
        }
    }
}
