import ArgumentParser
import Foundation
import NNReportKit
import Report

/// What `nnreport sweep` and `nnreport merge <shard folders>` print when done.
enum SweepOutput {
    /// Prints where the folder went (and sweep.json for --json); after a signal, exits with its
    /// status (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP).
    static func finish(_ outcome: SweepOutcome, json: Bool, quiet: Bool, signals: SignalMonitor) throws {
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
        if outcome.interrupted { throw ExitCode(signals.exitStatus) }
    }
}
