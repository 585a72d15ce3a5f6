/// The data behind a sweep report's figures and tables, as CSV beside them.
///
/// Every table has one column per varied option, so it can be filtered or pivoted without
/// parsing the setting name; statistics are those the report prints (mean, sample standard
/// deviation with n − 1, empty for n = 1), plus each seed's own value to check them.
enum SweepCSV {
    /// The curves of a figure in long form: one row per setting, metric and epoch.
    static func curves(_ report: SweepReport, metrics: [SweepMetric], epochs: ClosedRange<Int>) -> String {
        var lines = [header(report, ["metric", "epoch", "n", "mean", "std"] + seedColumns(report))]
        for setting in report.settings {
            for metric in metrics {
                let curve = report.curve(setting, metric, epochs: epochs)
                for (j, epoch) in curve.epochs.enumerated() {
                    var values: [UInt64: Double] = [:]
                    for (row, seed) in curve.seeds.enumerated() { values[seed] = curve.values[row][j] }
                    lines.append(
                        row(
                            setting,
                            [metric.rawValue, String(epoch)] + statistics(curve.statistics[j])
                                + report.seeds.map { values[$0].map(ReportCSV.number) ?? "" }))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per setting: trial counts, final and best validation accuracy, and whether it is the best.
    static func settings(_ report: SweepReport) -> String {
        let summaries = report.summaries
        let best = report.bestSettingIndex(summaries)
        var lines = [
            header(
                report,
                [
                    "trials", "finished", "diverged", "interrupted", "final_val_accuracy_mean",
                    "final_val_accuracy_std", "best_val_accuracy_mean", "best_val_accuracy_std", "best",
                ])
        ]
        for (i, (setting, s)) in zip(report.settings, summaries).enumerated() {
            lines.append(
                row(
                    setting,
                    [String(s.trialCount), String(s.finished), String(s.diverged), String(s.interrupted)]
                        + meanAndSpread(s.finalValidationAccuracy) + meanAndSpread(s.bestValidationAccuracy)
                        + [i == best ? "true" : "false"]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per trial, with its test figures (which the report's choice of setting never uses).
    static func trials(_ report: SweepReport) -> String {
        var lines = [
            header(
                report,
                [
                    "trial", "seed", "status", "epochs", "final_val_accuracy", "best_val_accuracy", "best_val_epoch",
                    "test_accuracy", "test_loss", "folder",
                ])
        ]
        for setting in report.settings {
            for t in setting.trials {
                let best = t.bestValidationAccuracy
                lines.append(
                    row(
                        setting,
                        [
                            ReportCSV.quote(t.key), String(t.seed), t.status.rawValue, String(t.epochs.count),
                            t.finalValidationAccuracy.map(ReportCSV.number) ?? "",
                            best.map { ReportCSV.number($0.value) } ?? "", best.map { String($0.epoch) } ?? "",
                            t.testAccuracy.map(ReportCSV.number) ?? "", t.testLoss.map(ReportCSV.number) ?? "",
                            ReportCSV.quote(t.folder),
                        ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Best validation accuracy per setting, as the tuning figure draws it.
    static func tuning(_ report: SweepReport) -> String {
        var lines = [header(report, ["n", "best_val_accuracy_mean", "best_val_accuracy_std"] + seedColumns(report))]
        for setting in report.settings {
            let finished = setting.trials.filter(\.isFinished)
            var values: [UInt64: Double] = [:]
            for t in finished { values[t.seed] = t.bestValidationAccuracy?.value }
            let stats = SweepStatistics(finished.compactMap { $0.bestValidationAccuracy?.value })
            lines.append(
                row(setting, statistics(stats) + report.seeds.map { values[$0].map(ReportCSV.number) ?? "" }))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `setting`, one column per varied option, then `columns`.
    static func header(_ report: SweepReport, _ columns: [String]) -> String {
        (["setting"] + report.axes.map(\.name) + columns).map(ReportCSV.quote).joined(separator: ",")
    }

    static func row(_ setting: SweepReport.Setting, _ cells: [String]) -> String {
        ([setting.key] + setting.values).map(ReportCSV.quote).joined(separator: ",") + ","
            + cells.joined(separator: ",")
    }

    static func seedColumns(_ report: SweepReport) -> [String] {
        report.seeds.map { "seed=\($0)" }
    }

    /// `n`, `mean`, `std` cells (empty where undefined).
    static func statistics(_ s: SweepStatistics?) -> [String] {
        [s.map { String($0.count) } ?? "0"] + meanAndSpread(s)
    }

    /// `mean`, `std` cells (empty where undefined).
    static func meanAndSpread(_ s: SweepStatistics?) -> [String] {
        [s.map { ReportCSV.number($0.mean) } ?? "", s?.standardDeviation.map(ReportCSV.number) ?? ""]
    }
}
