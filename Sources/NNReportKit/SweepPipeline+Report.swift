import ChartsCairo
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
        manifest: SweepManifest, commands: [String], options: SweepReportOptions, into staging: StagingDirectory
    ) throws -> SweepReport {
        var records: [String: SweepTrialRecord] = [:]
        for (trial, configuration) in zip(manifest.plan.trials, manifest.configurations) {
            let folder = staging.file("trials").appendingPathComponent(trial.folderName, isDirectory: true)
            guard SweepTrialReader.exists(folder) else { continue }
            records[trial.key] = try SweepTrialReader.read(
                trial, folder: folder, relativeFolder: "trials/\(trial.folderName)", expected: configuration)
        }
        let report = SweepReportBuilder(manifest: manifest, records: records, commands: commands, title: options.title)
            .build()
        let templates = try options.templates.map { try TemplateSet.load(directory: $0) } ?? TemplateSet.builtIn()
        let writer = ReportWriter(
            renderer: FigureRenderer(fonts: try FontSet.dejaVuSans()), templates: templates, formats: options.formats,
            scale: options.scale, software: "nnreport \(NNReportVersion.string)", command: manifest.sweepCommand)
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
    static func appendSummary(_ report: SweepReport, folder: URL, options: SweepReportOptions) throws {
        guard let file = options.githubSummary else { return }
        try PipelineError.during("appending to \(file.path)") {
            let templates = try options.templates.map { try TemplateSet.load(directory: $0) } ?? TemplateSet.builtIn()
            let writer = ReportWriter(
                renderer: FigureRenderer(fonts: try FontSet.dejaVuSans()), templates: templates,
                software: "nnreport \(NNReportVersion.string)", command: "")
            try GitHubSummary.append(
                writer.summary(report, folder: GitHubSummary.relativePath(folder)), to: file)
        }
    }
}
