import Foundation
import Report

/// What `nnreport sweep` and `nnreport merge <shard folders>` print when done.
extension SweepOutcome {
    /// Where the folder went, with the best setting of a sweep report, or what a shard lacks.
    public var doneMessage: String {
        guard let report else {
            return "Shard folder written to \(folder.path) (\(trialsRun) of \(trialsPlanned) trials). "
                + "When every shard is done: nnreport merge <shard folders>"
        }
        var line = "Sweep report written to \(folder.path)"
        let summaries = report.summaries
        if let best = report.bestSettingIndex(summaries) {
            line +=
                " (best: \(report.settings[best].label), best validation accuracy "
                + "\(SweepReport.meanAndSpread(summaries[best].bestValidationAccuracy))%)"
        }
        return line
    }

    /// sweep.json's bytes, for `--json`.
    public var sweepJSON: Data? {
        FileManager.default.contents(atPath: folder.appendingPathComponent("sweep.json").path)
    }
}
