import Metrics

extension SweepReport {
    /// The Mustache view model of `templates/sweep.md.mustache` (and of `sweep-summary.md`).
    ///
    /// - Parameters:
    ///   - figures: the figures written, by key: `validation`, `training`, `tuning`.
    ///   - files: the folder's files with what they hold.
    ///   - folder: where the report is, for the job summary's pointer to it.
    public func view(figures: [FigureLink], files: [ReportFileEntry], folder: String = "") -> SweepReportView {
        let summaries = self.summaries
        let best = bestSettingIndex(summaries)
        return SweepReportView(
            title: title, intro: intro, overview: overview, statusBanner: banner,
            best: best.map { bestView(settings[$0], summaries[$0]) }, noBest: best == nil ? noBestReason(summaries) : nil,
            figures: SweepReportView.Figures(figures),
            axisColumns: axes.isEmpty ? [.init(name: "setting")] : axes.map { .init(name: "`--\($0.name)`") },
            settings: zip(settings, summaries).enumerated().map { i, pair in
                settingRow(pair.0, pair.1, isBest: i == best)
            },
            tableNote: tableNote(hasBest: best != nil), statisticsNote: statisticsNote, trials: trialRows,
            fixedOptions: fixedOptions.map { NameValueView($0.name, $0.value) },
            commandBlock: commands.joined(separator: "\n"), isMerged: commands.count > 1, reproduce: reproduce,
            files: FileView.list(files), folder: folder, version: version)
    }

    /// ``overview`` with where to find the fixed options and the trials' own reports.
    var intro: String {
        overview + " Every other option is the same for all trials (listed under [Fixed options](#fixed-options)); "
            + "each trial's own report is in [`trials/`](trials)."
    }

    /// "4 settings of `--lr` (0.001, 0.003, 0.01, 0.03) × 3 seeds (1, 2, 3) = 12 trials on MNIST, preset `default`."
    var overview: String {
        let varied = axes.map { "`--\($0.name)` (\($0.values.joined(separator: ", ")))" }
        let settingsText =
            axes.isEmpty
            ? "One setting"
            : "\(settings.count) setting\(settings.count == 1 ? "" : "s") of \(varied.joined(separator: " × "))"
        let seedList = seeds.map(String.init).joined(separator: ", ")
        let trialCount = settings.reduce(0) { $0 + $1.trials.count } + notRun.count
        return "\(settingsText) × \(seeds.count) seed\(seeds.count == 1 ? "" : "s") (\(seedList)) = "
            + "\(trialCount) trial\(trialCount == 1 ? "" : "s") on \(datasetName), preset `\(preset)`."
    }

    func settingRow(_ setting: Setting, _ s: SweepSettingSummary, isBest: Bool) -> SweepReportView.SettingRow {
        let cells = axes.isEmpty ? [setting.label] : setting.values
        var notes: [String] = []
        if isBest { notes.append("★ best") }
        if s.diverged > 0 { notes.append("\(s.diverged) of \(s.trialCount) diverged") }
        if s.interrupted > 0 { notes.append("\(s.interrupted) interrupted") }
        let prefix = setting.key.isEmpty ? "seed=" : setting.key + ",seed="
        let notRunHere = notRun.count { $0.hasPrefix(prefix) }
        if notRunHere > 0 { notes.append("\(notRunHere) not run") }
        return SweepReportView.SettingRow(
            cells: cells.map { .init(text: isBest ? "**\($0)**" : $0) }, n: s.finished,
            finalValidation: Self.meanAndSpread(s.finalValidationAccuracy),
            bestValidation: Self.meanAndSpread(s.bestValidationAccuracy), note: notes.joined(separator: "; "))
    }

    func bestView(_ setting: Setting, _ s: SweepSettingSummary) -> SweepReportView.Best {
        SweepReportView.Best(
            label: setting.label, bestValidation: Self.meanAndSpread(s.bestValidationAccuracy) + "%", n: s.finished,
            test: s.testAccuracy.map { Self.meanAndSpread($0) + "%" }, testN: s.testAccuracy?.count)
    }

    func noBestReason(_ summaries: [SweepSettingSummary]) -> String {
        if !summaries.contains(where: { $0.bestValidationAccuracy != nil }) {
            return "No best setting is named: the trials measured no validation accuracy (`--validation 0`), and "
                + "choosing by test accuracy would overstate how well the choice generalises."
        }
        return "No best setting is named: every setting has trials that diverged, were interrupted or did not run."
    }

    func tableNote(hasBest: Bool) -> String {
        var text =
            "n: trials that finished (completed or stopped early). "
            + "Final: validation accuracy after the last epoch run; best: the highest validation accuracy of any epoch."
        if hasBest {
            text +=
                " ★ marks the best setting: the highest mean best validation accuracy among settings whose "
                + "trials all finished (the first listed on an exact tie). Test accuracy plays no part in the choice."
        }
        return text
    }

    var statisticsNote: String {
        "Each cell is the mean ± the sample standard deviation over the setting's finished trials, one per seed, "
            + "in percentage points: s = √(Σ(x − x̄)² / (n − 1)). With n = 1 the standard deviation is undefined "
            + "and shown as –, and the figures draw no band. Diverged or interrupted trials are counted in the "
            + "notes and left out of the means, and such a setting is never marked best. The numbers depend "
            + "only on the trials' recorded results, in seed order: the same trials give the same report "
            + "whether they ran in one process, with `--jobs`, or as shards merged afterwards."
    }

    var trialRows: [SweepReportView.TrialRow] {
        trials.map { t in
            let best = t.bestValidationAccuracy
            return SweepReportView.TrialRow(
                key: t.key, folder: t.folder, seed: String(t.seed), status: Self.statusWords(t.status),
                epochs: t.epochs.count, finalValidation: ReportNumberFormat.percent(t.finalValidationAccuracy),
                bestValidation: best.map { "\(ReportNumberFormat.percent($0.value)) (epoch \($0.epoch))" } ?? "–")
        }
    }

    var banner: SweepReportView.Banner? {
        let interrupted = trials.filter { $0.status == .interrupted }.map(\.key)
        guard !notRun.isEmpty || !interrupted.isEmpty else { return nil }
        var text = ""
        if !interrupted.isEmpty {
            text += "Interrupted before they finished: \(interrupted.map { "`\($0)`" }.joined(separator: ", ")). "
        }
        if !notRun.isEmpty {
            text += "Not run: \(notRun.map { "`\($0)`" }.joined(separator: ", ")). "
        }
        text += "The statistics below cover only the trials that finished."
        return SweepReportView.Banner(headline: "Sweep incomplete.", text: text)
    }

    /// "97.85 ± 0.12" in percent, "97.85 ± –" for a single value, "–" for none.
    public static func meanAndSpread(_ s: SweepStatistics?) -> String {
        guard let s else { return "–" }
        let spread = s.standardDeviation.map { ReportNumberFormat.fixed($0 * 100, decimals: 2) } ?? "–"
        return "\(ReportNumberFormat.fixed(s.mean * 100, decimals: 2)) ± \(spread)"
    }

    public static func statusWords(_ status: Metrics.RunStatus) -> String {
        switch status {
        case .completed: "completed"
        case .earlyStopped: "stopped early"
        case .diverged: "diverged"
        case .interrupted: "interrupted"
        }
    }
}
