import Metrics

extension ComparisonReport {
    /// The Mustache view model of `templates/comparison.md.mustache` (documented in templates/README.md).
    public func view(figures: [FigureLink], files: [ReportFileEntry]) -> [String: Any] {
        typealias F = ReportNumberFormat
        let table = self.table
        var view = LogViewParts.common(title: title, figures: figures, files: files, command: command, version: version)
        view["subtitle"] =
            "\(runs.count) runs: "
            + runs.map { "`\(MarkdownText.code($0.name))`" }.joined(separator: ", ") + "."
        view["runs"] = runs.enumerated().map { index, run -> [String: Any] in
            let log = run.log
            return [
                "number": index + 1, "name": MarkdownText.cell(run.name),
                "color": MetricFigureStyle.runStyle(index).name,
                "location": MarkdownText.code(run.location), "format": log.format.rawValue,
                "formatName": log.format.displayName, "status": log.status.map(MarkdownText.cell) ?? "–",
                "epochs": LogReport.lastEpoch(log) ?? "–",
                "steps": LogReport.lastStep(log).map(F.grouped) ?? "–",
                "warningCount": log.warnings.count,
            ]
        }
        view["metrics"] = table.rows.map { row -> [String: Any] in
            [
                "name": MarkdownText.cell(row.label), "goal": LogReport.goalWord(row.goal),
                "runs": runs.indices.map { cellView(row, run: $0) },
            ]
        }
        view["metricRows"] = table.rows.flatMap { row in
            runs.indices.compactMap { index -> [String: Any]? in
                guard row.cells[index] != nil else { return nil }
                var entry = cellView(row, run: index)
                entry["metric"] = MarkdownText.cell(row.label)
                entry["first"] = !row.cells[..<index].contains { $0 != nil }
                return entry
            }
        }
        view["differing"] = Self.hyperparameterView(table.differingHyperparameters)
        view["hasDiffering"] = !table.differingHyperparameters.isEmpty
        view["shared"] = table.sharedHyperparameters.map {
            ["name": MarkdownText.code($0.name), "value": MarkdownText.code(ComparisonTable.text($0.value))]
        }
        view["hasShared"] = !table.sharedHyperparameters.isEmpty
        let warnings = runs.flatMap { run in
            run.log.warnings.map { ["run": MarkdownText.cell(run.name), "text": MarkdownText.cell($0)] }
        }
        view["warnings"] = warnings
        view["hasWarnings"] = !warnings.isEmpty
        // What each run holds besides its charts: notes, bookkeeping, series left undrawn.
        let details: [[String: Any]] = runs.compactMap { run in
            let plan = run.log.chartPlan()
            let notes = LogSections.notes(run.log)
            let bookkeeping = LogSections.bookkeeping(run.log, plan: plan)
            var undrawn = LogSections.undrawn(plan)
            // A comparison draws one line per run and split: faint per-step lines behind
            // per-epoch ones would hide each other.
            for group in plan.groups {
                for line in group.lines where line.isBackground {
                    undrawn.append([
                        "name": MarkdownText.code(line.series.originalName),
                        "reason": "per-step values behind a per-epoch line: a comparison draws the per-epoch line only",
                    ])
                }
            }
            guard !notes.isEmpty || !bookkeeping.isEmpty || !undrawn.isEmpty else { return nil }
            return [
                "run": MarkdownText.cell(run.name),
                "notes": notes, "hasNotes": !notes.isEmpty,
                "bookkeeping": bookkeeping, "hasBookkeeping": !bookkeeping.isEmpty,
                "undrawn": undrawn, "hasUndrawn": !undrawn.isEmpty,
            ]
        }
        view["runDetails"] = details
        view["hasRunDetails"] = !details.isEmpty
        let skipped = LogSections.skipped(self.skipped)
        view["skipped"] = skipped
        view["hasSkipped"] = !skipped.isEmpty
        return view
    }

    /// One run's cell of a metric row: `run`, `best`, `bestAt`, `last`, `lastAt`, `isBest`, `has`.
    func cellView(_ row: ComparisonTable.Row, run index: Int) -> [String: Any] {
        let cell = row.cells[index]
        return [
            "run": MarkdownText.cell(runs[index].name), "has": cell != nil,
            "best": cell?.best.map { row.text($0.value) } ?? "–",
            "bestAt": cell?.bestAt ?? (row.cadence == nil && cell != nil ? "final" : "–"),
            "last": cell.map { row.text($0.last?.value) } ?? "–", "lastAt": cell?.lastAt ?? "–",
            "isBest": row.bestRun == index,
        ]
    }

    /// `[{name, values: [{value, has}]}]` for a table with one column per run; `has` is false
    /// where the run does not set the hyperparameter (`value` is then "–").
    static func hyperparameterView(_ rows: [ComparisonTable.HyperparameterRow]) -> [[String: Any]] {
        rows.map { row in
            [
                "name": MarkdownText.code(row.name),
                "values": row.values.map { value -> [String: Any] in
                    ["value": MarkdownText.code(ComparisonTable.text(value)), "has": value != nil]
                },
            ]
        }
    }
}
