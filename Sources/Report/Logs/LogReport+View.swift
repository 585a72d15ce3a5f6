import Metrics

extension LogReport {
    /// The Mustache view model of `templates/log.md.mustache` (documented in templates/README.md).
    public func view(figures: [FigureLink], files: [ReportFileEntry]) -> [String: Any] {
        typealias F = ReportNumberFormat
        let log = run.log
        let table = self.table
        var headline: [[String: Any]] = [
            ["name": "Run", "value": MarkdownText.cell(run.name)],
            ["name": "Format", "value": log.format.displayName],
        ]
        if let status = log.status { headline.append(["name": "Status", "value": MarkdownText.cell(status)]) }
        if let epochs = Self.lastEpoch(log) { headline.append(["name": "Epochs", "value": F.grouped(epochs)]) }
        if let steps = Self.lastStep(log) { headline.append(["name": "Steps", "value": F.grouped(steps)]) }
        for row in Self.headlineRows(table) {
            guard let cell = row.cells[0], let best = cell.best else { continue }
            var value = "**\(row.text(best.value))**"
            if let at = cell.bestAt { value += " at \(at)" }
            if let last = cell.last, row.text(last.value) != row.text(best.value) {
                value += " (last \(row.text(last.value)))"
            }
            headline.append(["name": Self.headlineName(row), "value": value])
        }

        let metrics: [[String: Any]] = table.rows.compactMap { row in
            guard let cell = row.cells[0] else { return nil }
            return [
                "name": MarkdownText.cell(row.label), "loggedAs": MarkdownText.code(cell.originalName),
                "cadence": cell.cadence?.rawValue ?? "final", "count": F.grouped(cell.count),
                "gaps": cell.gaps, "hasGaps": cell.gaps > 0,
                "last": row.text(cell.last?.value), "lastAt": cell.lastAt ?? "–",
                "best": cell.best.map { row.text($0.value) } ?? "–",
                "bestAt": cell.bestAt ?? (row.cadence == nil ? "final" : "–"),
                "goal": Self.goalWord(row.goal),
            ]
        }
        var view = LogViewParts.common(
            title: title, figures: figures, files: files, command: command, version: version)
        view["subtitle"] =
            "\(log.format.displayName) read from `\(MarkdownText.code(run.location))`: "
            + "\(log.series.count) series, \(F.grouped(log.series.reduce(0) { $0 + $1.points.count })) values."
        view["headline"] = headline
        view["metrics"] = metrics
        view["hyperparameters"] = log.hyperparameters.map {
            ["name": MarkdownText.code($0.name), "value": MarkdownText.code(ComparisonTable.text($0.value))]
        }
        view["hasHyperparameters"] = !log.hyperparameters.isEmpty
        view["hyperparameterNote"] = Self.hyperparameterNote(log.format, found: !log.hyperparameters.isEmpty)
        view["warnings"] = log.warnings.map { ["text": MarkdownText.cell($0)] }
        view["hasWarnings"] = !log.warnings.isEmpty
        view["source"] = [
            "run": MarkdownText.cell(run.name), "location": MarkdownText.code(run.location),
            "format": log.format.rawValue, "formatName": log.format.displayName,
        ]
        if let note = Self.epochNote(log.format) { view["epochNote"] = note }
        return view
    }

    /// The metrics worth a line of the headline table: losses and accuracies per epoch (per step
    /// when that is all there is of the metric) and the final test figures.
    static func headlineRows(_ table: ComparisonTable) -> [ComparisonTable.Row] {
        table.rows.filter { row in
            guard ["loss", "accuracy"].contains(row.quantity) else { return false }
            return row.cadence != .step || !table.rows.contains { $0.metric == row.metric && $0.cadence == .epoch }
        }
    }

    /// "Best validation loss", "Test accuracy".
    static func headlineName(_ row: ComparisonTable.Row) -> String {
        let quantity = MetricFigureStyle.axisLabel(row.quantity)
        switch (row.split, row.cadence) {
        case (.test, nil): return "Test \(quantity)"
        case (let split, let cadence):
            let word = split == .train ? "training" : MetricFigureStyle.word(split)
            return "Best \(word) \(quantity)\(cadence == .step ? " (per step)" : "")"
        }
    }

    static func goalWord(_ goal: MetricGoal) -> String {
        switch goal {
        case .minimize: return "lower is better"
        case .maximize: return "higher is better"
        case .none: return "–"
        }
    }

    /// The last epoch of the log's per-epoch values.
    static func lastEpoch(_ log: MetricLog) -> Int? {
        let epochs = log.series.filter { $0.cadence == .epoch }.flatMap(\.points).compactMap(\.epoch)
        // An epoch beyond Int (9223372036854775807 read as a Double) has no whole-number headline.
        return epochs.max().flatMap { Int(exactly: $0.rounded(.up)) }
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
        case (_, true): return "As recorded in the log."
        case (.nnreport, false):
            return "None recorded: metrics.jsonl has no run event and no summary.json is beside it."
        case (.lightningCSV, false): return "None recorded: no hparams.yaml beside metrics.csv."
        case (.dvclive, false): return "None recorded: no params.yaml in the DVCLive folder."
        case (.kerasCSV, false): return "None recorded: Keras's CSVLogger does not record them."
        case (.tensorBoard, false):
            return "None read: nnreport reads scalars only, not TensorBoard's hparams plugin data."
        case (.table, false): return "None recorded: a plain table does not record them."
        }
    }

    /// How the report's epochs relate to the log's, for formats that count from 0.
    static func epochNote(_ format: LogFormat) -> String? {
        switch format {
        case .kerasCSV, .lightningCSV:
            return "Epochs are counted from 1 here: epoch 1 is the log's epoch 0."
        case .tensorBoard:
            return "Per-epoch values (Keras's epoch_* tags) are counted from 1 here: epoch 1 is the log's step 0."
        case .nnreport, .dvclive, .table:
            return nil
        }
    }
}
