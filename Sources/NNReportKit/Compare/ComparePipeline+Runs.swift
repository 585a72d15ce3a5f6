import Foundation
import Metrics
import Report

extension ComparePipeline {
    /// Two run folders: paired on their test predictions when both kept them, else compared as
    /// logs (with the reason said).
    func compareRuns(_ b: CompareRunFolder, _ c: CompareRunFolder, settings: ReportSettings) throws -> CompareReport {
        let (configuration, same) = CompareFacts.difference(
            CompareFacts.settings(b.summary), CompareFacts.settings(c.summary))
        let environment = CompareFacts.environmentRows(b.summary, c.summary)
        guard let bp = b.predictions, let cp = c.predictions else {
            let missing = [b, c].filter { $0.predictions == nil }.map { run in
                "`\(MarkdownText.code(GitHubSummary.relativePath(run.url)))` has no \(TestPredictions.fileName) "
                    + (run.status == "completed" || run.status == "early_stopped"
                        ? "(written by an earlier nnreport)"
                        : "(the run ended \(run.status.replacingOccurrences(of: "_", with: " ")) before its test)")
            }
            var report = try compareLogs(
                b.url, c.url, settings: settings,
                notes: [
                    missing.joined(separator: "; ") + ". Without every test image's prediction the runs cannot be "
                        + "paired, so they are compared as logs, without a significance test."
                ], runs: (b, c))
            report.configuration = configuration
            report.sharedSettingCount = same
            report.environment = environment
            return report
        }

        var notes: [String] = []
        if let note = try CompareFacts.checkTestSets(b.summary, at: b.url.path, c.summary, at: c.url.path) {
            notes.append(MarkdownText.cell(note))
        }
        guard bp.count == cp.count else {
            throw CompareError.differentTestSets(
                baseline: b.url.path, candidate: c.url.path,
                reason: "\(b.url.path)/\(TestPredictions.fileName) has \(bp.count) images, "
                    + "\(c.url.path)/\(TestPredictions.fileName) \(cp.count)")
        }
        if let index = bp.labels.indices.first(where: { bp.labels[$0] != cp.labels[$0] }) {
            throw CompareError.differentTestSets(
                baseline: b.url.path, candidate: c.url.path,
                reason: "image \(index) is labelled \(bp.labels[index]) in \(b.url.path)/\(TestPredictions.fileName) "
                    + "but \(cp.labels[index]) in \(c.url.path)/\(TestPredictions.fileName)")
        }
        var warnings: [String] = []
        for (run, predictions) in [(b, bp), (c, cp)] {
            let accuracy = Double(predictions.correctCount) / Double(max(1, predictions.count))
            if let recorded = run.summary["test_accuracy"]?.doubleValue, abs(recorded - accuracy) > 1e-9 {
                warnings.append(
                    "\(run.url.path): \(TestPredictions.fileName) gives a test accuracy of \(accuracy), "
                        + "summary.json records \(recorded); the comparison uses the predictions")
            }
        }
        let classNames = b.summary["data"]?["class_names"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let paired = PairedComparison(baseline: bp, candidate: cp, classNames: classNames)
        let level = 1 - request.alpha
        var metrics = [paired.accuracyMetric(level: level)]
        metrics += referenceRows(b, c)
        return CompareReport(
            title: settings.title, kind: .runs, alpha: request.alpha,
            baseline: side("baseline", name: b.name, url: b.url, description: b.description),
            candidate: side("candidate", name: c.name, url: c.url, description: c.description),
            metrics: metrics, configuration: configuration, sharedSettingCount: same, environment: environment,
            notes: notes, warnings: warnings, paired: paired, curves: curves(b.log, c.log),
            command: settings.command, version: NNReportVersion.string)
    }

    /// Figures of the two runs that are single numbers: listed, not tested.
    func referenceRows(_ b: CompareRunFolder, _ c: CompareRunFolder) -> [CompareMetric] {
        let reason = "one value per run; the run folders keep no per-image values for it"
        func validation(_ log: MetricLog) -> (last: Double?, best: Double?) {
            let series = log.series(named: "val_accuracy", cadence: .epoch)
            return (series?.last?.value, series?.best?.value)
        }
        let (bv, cv) = (validation(b.log), validation(c.log))
        var rows = [
            CompareMetric(
                name: "Test loss", goal: .minimize, format: .number, baseline: b.summary["test_loss"]?.doubleValue,
                candidate: c.summary["test_loss"]?.doubleValue, method: .reference(reason)),
            CompareMetric(
                name: "Final validation accuracy", goal: .maximize, format: .percent, baseline: bv.last,
                candidate: cv.last, method: .reference(reason)),
            CompareMetric(
                name: "Best validation accuracy", goal: .maximize, format: .percent, baseline: bv.best,
                candidate: cv.best, method: .reference(reason)),
        ]
        rows.removeAll { $0.baseline == nil && $0.candidate == nil }
        return rows
    }

    /// Both logs named for the overlaid curves' legends.
    func curves(_ baseline: MetricLog, _ candidate: MetricLog) -> [LoggedRun] {
        [
            LoggedRun(name: "baseline", log: baseline, location: GitHubSummary.relativePath(baseline.source)),
            LoggedRun(name: "candidate", log: candidate, location: GitHubSummary.relativePath(candidate.source)),
        ]
    }
}
