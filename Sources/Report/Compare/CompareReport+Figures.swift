import Charts
import Metrics

/// The figures of a comparison: both runs' curves overlaid (baseline blue, candidate
/// vermillion), for two runs the test images only one of them classifies correctly per class,
/// for groups the mean ± standard deviation band of each group per epoch.
extension CompareReport {
    /// At most this many settings of two sweeps get a band figure; the table has them all.
    static let maximumBandFigures = 8
    /// The baseline is drawn in the first series colour, the candidate in the second, as the
    /// overlaid curves and the bands draw them.
    static let baselineColor = ReportPalette.series(0)
    static let candidateColor = ReportPalette.series(1)
    /// "baseline blue, candidate vermillion", for captions.
    static var colorWords: (baseline: String, candidate: String) { (baselineColor.name, candidateColor.name) }

    func figures() -> [RunFigure] {
        var figures: [RunFigure] = []
        if let paired { figures.append(discordantFigure(paired)) }
        for (index, pair) in groups.prefix(Self.maximumBandFigures).enumerated() {
            if let figure = bandFigure(pair, index: index) { figures.append(figure) }
        }
        if curves.count == 2 {
            let overlay = ComparisonReport(runs: curves, title: title, command: command, version: version)
            figures += overlay.figures().map { figure in
                var figure = figure
                figure.key = "curves-" + figure.key
                figure.caption =
                    "Baseline (\(Self.colorWords.baseline)) and candidate (\(Self.colorWords.candidate)). "
                    + figure.caption
                return figure
            }
        }
        return figures
    }

    /// Per class, the test images only the baseline and only the candidate classify correctly.
    func discordantFigure(_ paired: PairedComparison) -> RunFigure {
        let rows = paired.perClass
        let baseline = Self.baselineColor.color, candidate = Self.candidateColor.color
        let (b, c) = Self.colorWords
        let chart = BarChart(
            categories: rows.map { MetricFigureStyle.inChart($0.name) },
            series: [
                BarSeries("only the baseline right", values: rows.map { Double($0.onlyBaseline) }, color: baseline),
                BarSeries("only the candidate right", values: rows.map { Double($0.onlyCandidate) }, color: candidate),
            ],
            xLabel: "true class", yAxis: AxisSpec(label: "test images", ticks: .integers))
        let figure = Figure(
            .bar(chart), size: ReportFigures.chartSize,
            title: "Test images only one run classifies correctly",
            subtitle: "\(ReportNumberFormat.grouped(paired.onlyBaseline)) only by the baseline, "
                + "\(ReportNumberFormat.grouped(paired.onlyCandidate)) only by the candidate, of "
                + "\(ReportNumberFormat.grouped(paired.count)); McNemar's test counts these")
        var csv = ["class,images,baseline_correct,candidate_correct,only_baseline_correct,only_candidate_correct"]
        for row in rows {
            csv.append(
                "\(ReportCSV.quote(row.name)),\(row.total),\(row.baselineCorrect),\(row.candidateCorrect),"
                    + "\(row.onlyBaseline),\(row.onlyCandidate)")
        }
        return RunFigure(
            key: "discordant", name: "discordant", figure: figure,
            alt: "Bar chart per true class of the test images only the baseline (\(b)) and only the candidate "
                + "(\(c)) classifies correctly",
            caption: "The test images exactly one run classifies correctly, per true class: \(b) bars are "
                + "images the candidate gets wrong and the baseline right, \(c) the other way round. "
                + "Every image is listed in discordant_images.csv.",
            csv: csv.joined(separator: "\n") + "\n")
    }

    /// Validation loss and accuracy per epoch of both groups: the mean over the seeds with a
    /// band of ± one sample standard deviation. Nil when no trial logged validation figures.
    func bandFigure(_ pair: GroupPair, index: Int) -> RunFigure? {
        let sides = [
            SweepReport.Setting(key: "baseline", values: [], trials: pair.baseline),
            SweepReport.Setting(key: "candidate", values: [], trials: pair.candidate),
        ]
        let report = SweepReport(
            title: title, datasetName: "", preset: "", axes: [], seeds: [], settings: sides, fixedOptions: [],
            commands: [], reproduce: "", version: version)
        let metrics: [(SweepMetric, String, String)] = [
            (.validationLoss, "Validation loss", "cross-entropy loss"),
            (.validationAccuracy, "Validation accuracy", "accuracy"),
        ]
        var panels: [Panel] = []
        var csv = ["group,metric,epoch,n,mean,std"]
        for (metric, title, axis) in metrics {
            guard let epochs = report.epochRange(metric) else { continue }
            var series: [LineSeries] = []
            for (i, side) in sides.enumerated() {
                let curve = report.curve(side, metric, epochs: epochs)
                guard !curve.seeds.isEmpty else { continue }
                series.append(
                    SweepFigures.series(curve, name: side.key, index: i, markers: epochs.count <= 15))
                for (epoch, stats) in zip(curve.epochs, curve.statistics) {
                    guard let stats else { continue }
                    csv.append(
                        "\(side.key),\(metric.rawValue),\(epoch),\(stats.count),\(ReportCSV.number(stats.mean)),"
                            + (stats.standardDeviation.map(ReportCSV.number) ?? ""))
                }
            }
            guard !series.isEmpty else { continue }
            panels.append(
                .line(
                    LineChart(
                        title: title, xAxis: AxisSpec(label: "epoch", ticks: .integers),
                        yAxis: AxisSpec(label: axis, format: metric == .validationAccuracy ? .percent : .automatic),
                        series: series)))
        }
        guard !panels.isEmpty else { return nil }
        let settingText = pair.setting.isEmpty ? "" : " (\(pair.setting))"
        let counts =
            "n = \(pair.baseline.filter(\.isFinished).count) and \(pair.candidate.filter(\.isFinished).count) seeds"
        let figure = Figure(
            size: SweepFigures.curvesSize, title: MetricFigureStyle.inChart("Baseline and candidate\(settingText)"),
            subtitle: "Line: mean over the seeds; band: ± 1 sample standard deviation (n − 1); \(counts)",
            rows: 1, columns: panels.count, panels: panels)
        let name = index == 0 ? "bands" : "bands-\(index + 1)"
        return RunFigure(
            key: name, name: name, figure: figure,
            alt:
                "Validation loss and accuracy per epoch of the baseline (\(Self.colorWords.baseline)) and the candidate "
                + "(\(Self.colorWords.candidate))"
                + "\(settingText), mean and standard deviation band over the seeds",
            caption:
                "Validation loss and accuracy per epoch\(MarkdownText.cell(settingText)): baseline "
                + "\(Self.colorWords.baseline), candidate \(Self.colorWords.candidate); line the mean over the seeds, band ± 1 sample standard deviation (\(counts)).",
            csv: csv.joined(separator: "\n") + "\n")
    }
}
