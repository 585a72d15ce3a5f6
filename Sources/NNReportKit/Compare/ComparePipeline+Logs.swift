import Foundation
import Metrics
import Report

extension ComparePipeline {
    /// Two logs of any format `nnreport render` reads, one run each: best and last values against
    /// the tolerances. `runs` are the run folders when the logs are nnreport's own (for their
    /// status).
    func compareLogs(
        _ baselineURL: URL, _ candidateURL: URL, settings: ReportSettings, notes: [String],
        runs: (CompareRunFolder, CompareRunFolder)? = nil
    ) throws -> CompareReport {
        var notes = notes
        var warnings: [String] = []
        func read(_ url: URL, _ role: String) throws(CompareError) -> MetricLog {
            let collection: LogCollection
            do {
                collection = try LogReader.read(url, format: request.format, x: request.x)
            } catch {
                throw .unreadable(path: url.path, reason: "\(error)")
            }
            guard collection.logs.count == 1 else {
                throw .notOneRun(path: url.path, runs: collection.logs.map(\.runName))
            }
            for item in collection.skipped {
                notes.append(
                    "Passed over in the \(role): `\(MarkdownText.code(item.path))`: \(MarkdownText.cell(item.reason)).")
            }
            for warning in collection.logs[0].warnings { warnings.append("\(role): \(warning)") }
            return collection.logs[0]
        }
        let b: MetricLog, c: MetricLog
        if let runs {
            (b, c) = (runs.0.log, runs.1.log)
            for warning in b.warnings { warnings.append("baseline: \(warning)") }
            for warning in c.warnings { warnings.append("candidate: \(warning)") }
        } else {
            b = try read(baselineURL, "baseline")
            c = try read(candidateURL, "candidate")
        }
        let named = curves(b, c)
        var metrics = ToleranceComparison.metrics(
            baseline: named[0], candidate: named[1], tolerances: request.tolerances)
        if let runs {
            var status = CompareMetric(
                name: "Run status", goal: .none, format: .number, baseline: nil, candidate: nil,
                method: .runStatus(baseline: runs.0.status, candidate: runs.1.status))
            status.decides = true
            metrics.insert(status, at: 0)
        }
        if request.tolerances.isEmpty {
            notes.append(
                "No `--tolerance` was given: any difference, however small, counts as better or worse. Pass "
                    + "`--tolerance 0.005` (every metric), `--tolerance val_loss=0.01` or `--tolerance val_accuracy=0.5%` "
                    + "(relative to the baseline) to allow for noise.")
        } else {
            let table = ComparisonTable(runs: named)
            var known = Set(table.rows.map(\.metric))
            for row in table.rows {
                known.insert(row.label)
                for case let cell? in row.cells { known.insert(cell.originalName) }
            }
            let unknown = request.tolerances.compactMap(\.metric).filter { !known.contains($0) }
            if !unknown.isEmpty {
                warnings.append(
                    "--tolerance names \(unknown.joined(separator: ", ")), which the two logs do not share; "
                        + "it was not used")
            }
        }
        let table = ComparisonTable(runs: named)
        let configuration = table.differingHyperparameters.map { row in
            CompareReport.DiffRow(
                name: row.name, baseline: ComparisonTable.text(row.values[0]),
                candidate: ComparisonTable.text(row.values[1]))
        }
        let description = { (log: MetricLog, run: CompareRunFolder?) -> String in
            if let run { return run.description }
            return "\(log.format.displayName) log"
        }
        return CompareReport(
            title: settings.title, kind: .logs, alpha: request.alpha,
            baseline: side(
                "baseline", name: runs?.0.name ?? b.runName, url: baselineURL, description: description(b, runs?.0)),
            candidate: side(
                "candidate", name: runs?.1.name ?? c.runName, url: candidateURL, description: description(c, runs?.1)),
            metrics: metrics, configuration: configuration, sharedSettingCount: table.sharedHyperparameters.count,
            notes: notes, warnings: warnings, curves: named, command: settings.command,
            version: NNReportVersion.string)
    }
}
