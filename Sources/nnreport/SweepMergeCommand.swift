import ArgumentParser
import Foundation
import NNReportKit
import Report

/// `nnreport sweep-merge <shard folders>` (hidden): the library's merge of sweep shards, for
/// tests and for use until `nnreport merge` sends shard folders to ``SweepPipeline/merge``.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep-merge", abstract: "Merge the shard folders of one sweep into its report.",
        shouldDisplay: false)

    @Argument(help: ArgumentHelp("Folders written by nnreport sweep --shard i/n.", valueName: "shard folders"))
    var folders: [String]

    @OptionGroup(title: "Report options") var report: ReportOptions

    func run() throws {
        ProcessSetup.prepare()
        let outcome = try SweepPipeline.merge(
            shardFolders: folders.map { URL(fileURLWithPath: $0, isDirectory: true) },
            options: SweepReportOptions(
                output: report.out.map { URL(fileURLWithPath: $0, isDirectory: true) }, force: report.force,
                formats: report.figureFormats, scale: report.scale,
                templates: report.templates.map { URL(fileURLWithPath: $0, isDirectory: true) }, title: report.title,
                githubSummary: report.githubSummary.map { URL(fileURLWithPath: $0) }),
            command: CommandLineText.current)
        try Self.finish(outcome, json: report.json, quiet: report.quiet)
    }

    /// Prints where the folder went (and sweep.json for --json); exits 130 after a Ctrl-C.
    static func finish(_ outcome: SweepOutcome, json: Bool, quiet: Bool) throws {
        if json,
            let data = FileManager.default.contents(atPath: outcome.folder.appendingPathComponent("sweep.json").path)
        {
            FileHandle.standardOutput.write(data)
        }
        if !quiet {
            if let report = outcome.report {
                var line = "Sweep report written to \(outcome.folder.path)"
                let summaries = report.summaries
                if let best = report.bestSettingIndex(summaries) {
                    line +=
                        " (best: \(report.settings[best].label), best validation accuracy "
                        + "\(SweepReport.meanAndSpread(summaries[best].bestValidationAccuracy))%)"
                }
                Console.error(line)
            } else {
                Console.error(
                    "Shard folder written to \(outcome.folder.path) (\(outcome.trialsRun) of \(outcome.trialsPlanned) trials). "
                        + "When every shard is done: nnreport merge <shard folders>")
            }
        }
        if outcome.interrupted { throw ExitCode(InterruptMonitor.exitCode) }
    }
}
