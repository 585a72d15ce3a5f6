import Metrics

/// The view model of `templates/compare.md.mustache` (keys documented in templates/README.md).
///
/// Text from the inputs (run names, metric names, paths, settings, warnings) is escaped here:
/// with `MarkdownText.cell` for running text and table cells, `MarkdownText.code` inside code
/// spans. Values documented as Markdown (`verdictSentence`, `findings`, `method`, `notes`) are
/// built from escaped parts.
extension CompareReport {
    public func view(figures: [FigureLink], files: [ReportFileEntry]) -> CompareReportView {
        let (list, byKey) = LogSections.figures(figures)
        let hasAdjusted = metrics.contains { $0.adjustedPValue != nil && $0.adjustedPValue != $0.pValue }
        let notes = referenceNotes.map { CompareReportView.Text(text: $0) }
        return CompareReportView(
            title: MarkdownText.cell(title), kind: kind.rawValue, isRuns: kind == .runs, isGroups: kind == .groups,
            isLogs: kind == .logs, verdict: verdict.rawValue, isWorse: verdict == .worse, isBetter: verdict == .better,
            isSame: verdict == .same, isUntested: verdict == .untested, headline: headline,
            verdictSentence: verdictSentence, findings: findings().map { .init(text: $0) },
            alpha: ReportNumberFormat.parameter(alpha), level: levelText, baseline: sideView(baseline),
            candidate: candidate.name == baseline.name
                ? sideView(candidate, suffix: " (candidate)") : sideView(candidate),
            metrics: metrics.map(metricView), hasSettings: metrics.contains { !($0.setting ?? "").isEmpty },
            hasAdjusted: hasAdjusted, method: method, hasReferenceNotes: !notes.isEmpty, referenceNotes: notes,
            paired: paired.map(pairedView), figures: list, figure: byKey,
            curveFigures: list.filter { $0.key != "discordant" }, hasConfiguration: !configuration.isEmpty,
            configuration: configuration.map(diffView), sharedSettingCount: sharedSettingCount,
            configurationNote: configurationNote, hasEnvironment: !environment.isEmpty,
            environmentDiffers: environmentDiffers, environment: environment.map(diffView),
            environmentDifferences: environment.filter(\.differs).map(diffView),
            environmentDifferenceText: environment.filter(\.differs).map {
                "\(MarkdownText.cell($0.name)) `\(MarkdownText.code($0.baseline))` → `\(MarkdownText.code($0.candidate))`"
            }.joined(separator: ", "),
            environmentSentence: environmentSentence, hasNotes: !self.notes.isEmpty,
            notes: self.notes.map { .init(text: $0) }, hasWarnings: !warnings.isEmpty,
            warnings: warnings.map { .init(text: MarkdownText.cell($0)) }, warningCount: warnings.count,
            files: FileView.list(files), command: command, version: version)
    }

    func sideView(_ side: Side, suffix: String = "") -> CompareReportView.Side {
        CompareReportView.Side(
            role: side.role, name: MarkdownText.cell(side.name + suffix), location: MarkdownText.code(side.location),
            description: MarkdownText.cell(side.description))
    }

    func metricView(_ m: CompareMetric) -> CompareReportView.Metric {
        CompareReportView.Metric(
            name: MarkdownText.cell(m.name), setting: MarkdownText.cell(m.setting ?? ""), baseline: m.baselineText,
            candidate: m.candidateText, difference: m.differenceText,
            interval: m.interval == nil || m.format == .number ? m.intervalText : m.intervalText + " points",
            test: m.testText, p: m.pText, adjustedP: m.adjustedPText, verdict: m.verdictText, decides: m.decides)
    }

    func diffView(_ row: DiffRow) -> CompareReportView.Difference {
        CompareReportView.Difference(
            name: MarkdownText.code(row.name), baseline: MarkdownText.code(row.baseline),
            candidate: MarkdownText.code(row.candidate), differs: row.differs)
    }

    /// Why the rows that are not tested are not, once each.
    var referenceNotes: [String] {
        var seen: [String] = []
        for m in metrics {
            guard case .reference(let reason) = m.method else { continue }
            let text = "\(MarkdownText.cell(m.qualifiedName)): not tested, \(MarkdownText.cell(reason))."
            if !seen.contains(text) { seen.append(text) }
        }
        return seen
    }

    /// How the comparison was tested, in a paragraph (Markdown).
    var method: String {
        let alphaText = ReportNumberFormat.parameter(alpha)
        switch kind {
        case .runs:
            return
                "Both runs were tested on the same \(ReportNumberFormat.grouped(paired?.count ?? 0)) images, so they "
                + "are compared image by image. Only the images exactly one run classifies correctly say anything "
                + "about which is better: if the runs were equally accurate, each such image would favour either "
                + "run with probability ½. McNemar's exact test computes how likely a split at least this uneven "
                + "would be (two-sided); a verdict of better or worse needs p < \(alphaText). The interval of the "
                + "accuracy difference is Newcombe's square-and-add interval for paired proportions at \(levelText)."
        case .groups:
            let tested = metrics.filter { $0.decides }.count
            var text =
                "Each seed is an independent run, so the groups are compared with Welch's t-test (means over the "
                + "finished seeds, unequal variances, Welch–Satterthwaite degrees of freedom ν); intervals of "
                + "the difference of means are Student's t at \(levelText). n is the number of seeds; with 3 to 5 "
                + "seeds only large differences can be told from the spread between seeds."
            if tested > 1 {
                text +=
                    " \(tested) tests decide together: their p-values are Holm-adjusted (p (Holm)), so that "
                    + "the chance of any false verdict stays at most α = \(alphaText)."
            }
            return text
        case .logs:
            return "Logs hold one value per metric and run: there is no sample to estimate noise from, so no "
                + "significance test is possible and no p-value is given. Each metric's best and last values are "
                + "compared instead: a difference larger than the tolerance (`--tolerance`, "
                + (toleranceGiven ? "as given" : "none given, so any difference counts")
                + ") makes it better or worse by the metric's direction (losses lower, accuracies higher). "
                + "For a verdict with statistics, compare nnreport run folders (paired on the test images) or "
                + "sweeps over seeds."
        }
    }

    /// Whether any tolerance other than 0 was applied.
    var toleranceGiven: Bool {
        metrics.contains {
            if case .tolerance(let amount, let spec) = $0.method { return amount != 0 || spec != "0" }
            return false
        }
    }

    var configurationNote: String {
        if configuration.isEmpty {
            return sharedSettingCount > 0
                ? "None: all \(sharedSettingCount) recorded settings are the same."
                : "None recorded: the inputs carry no settings to compare."
        }
        return sharedSettingCount > 0 ? "The other \(sharedSettingCount) recorded settings are the same." : ""
    }

    var environmentSentence: String {
        guard !environment.isEmpty else { return "" }
        if environmentDiffers {
            return "The runs were made in different environments. A different BLAS thread count alone changes the "
                + "order of float sums and so every number; another CPU, nnreport version or compiler can too, "
                + "even with the same settings and seed."
        }
        let facts = environment.map { "\(MarkdownText.cell($0.name)) \(MarkdownText.cell($0.baseline))" }
        return "Same environment: " + facts.joined(separator: "; ") + "."
    }

    func pairedView(_ p: PairedComparison) -> CompareReportView.Paired {
        typealias F = ReportNumberFormat
        return CompareReportView.Paired(
            total: F.grouped(p.count), classCount: p.perClass.count, both: F.grouped(p.both),
            onlyBaseline: F.grouped(p.onlyBaseline), onlyCandidate: F.grouped(p.onlyCandidate),
            neither: F.grouped(p.neither), baselineCorrect: F.grouped(p.both + p.onlyBaseline),
            candidateCorrect: F.grouped(p.both + p.onlyCandidate),
            baselineWrong: F.grouped(p.onlyCandidate + p.neither),
            candidateWrong: F.grouped(p.onlyBaseline + p.neither),
            perClass: p.perClass.map { row in
                let b = Double(row.baselineCorrect) / Double(row.total)
                let c = Double(row.candidateCorrect) / Double(row.total)
                return CompareReportView.ClassRow(
                    name: MarkdownText.cell(row.name), total: F.grouped(row.total), baseline: F.percent(b),
                    candidate: F.percent(c), difference: CompareMetric.signed(F.fixed((c - b) * 100, decimals: 2)),
                    onlyBaseline: F.grouped(row.onlyBaseline), onlyCandidate: F.grouped(row.onlyCandidate))
            })
    }
}
