import Foundation
import Metrics
import Report

extension SweepPipeline {
    /// Reads the trials under `staging/trials`, writes the report, its CSV tables and sweep.json
    /// (with `results`) into `staging`, and returns the report.
    ///
    /// Used alike after a sweep run in one go and after a merge of shards, so both print the
    /// same numbers: everything comes from the trials' files and the manifest.
    static func writeReport(
        manifest: SweepManifest, commands: [String], settings: ReportSettings, into staging: StagingDirectory
    ) throws -> SweepReport {
        var records: [String: SweepTrialRecord] = [:]
        for (trial, configuration) in zip(manifest.plan.trials, manifest.configurations) {
            let folder = staging.file("trials").appendingPathComponent(trial.folderName, isDirectory: true)
            guard SweepTrialReader.exists(folder) else { continue }
            records[trial.key] = try SweepTrialReader.read(
                trial, folder: folder, relativeFolder: "trials/\(trial.folderName)", expected: configuration)
        }
        let report = SweepReportBuilder(manifest: manifest, records: records, commands: commands, title: settings.title)
            .build()
        var writer = try settings.writer(templates: try settings.loadTemplates())
        // The figures carry the one-machine command: the same whether the sweep ran whole or in shards.
        writer.command = manifest.sweepCommand
        let files = [
            ReportFileEntry(
                name: SweepManifest.fileName,
                what:
                    "the sweep's plan (every trial's name and full configuration), how it was run, and the statistics of this report"
            ),
            ReportFileEntry(
                name: "trials",
                what: "one run folder per trial, each with its own report, metrics.jsonl and summary.json"),
        ]
        try writer.write(report, into: staging, files: files)
        try staging.write(
            JSONWriter.pretty(manifest.json(results: SweepReportBuilder.results(report))), to: SweepManifest.fileName)
        return report
    }

    /// Appends the comparison table to `--github-summary`, when given.
    static func appendSummary(_ report: SweepReport, folder: URL, settings: ReportSettings) throws {
        try settings.appendGitHubSummary(folder: folder) { place in
            try settings.writer(templates: try settings.loadTemplates()).summary(report, folder: place)
        }
    }
}
