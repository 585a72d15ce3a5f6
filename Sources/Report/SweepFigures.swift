import Charts

/// The figures of a sweep report: per-setting curves drawn as the mean over the seeds with a
/// band of ± one sample standard deviation, and the tuning curve of the best validation
/// accuracy against a numeric option.
public enum SweepFigures {
    /// Loss beside accuracy.
    public static let curvesSize = Size(width: 1200, height: 470)
    public static let tuningSize = Size(width: 760, height: 470)
    /// Settings beyond the palette's eight colours repeat them dashed.
    static let secondCycleDash: [Double] = [7, 4]

    /// Loss beside accuracy per epoch, one colour per setting: the validation figures, or the
    /// training ones. Nil when no finished trial logged them.
    public static func curves(_ report: SweepReport, validation: Bool) -> Figure? {
        let metrics: (loss: SweepMetric, accuracy: SweepMetric) =
            validation ? (.validationLoss, .validationAccuracy) : (.loss, .accuracy)
        guard let epochs = report.epochRange(metrics.loss) ?? report.epochRange(metrics.accuracy) else { return nil }
        let losses = report.settings.map { report.curve($0, metrics.loss, epochs: epochs) }
        let accuracies = report.settings.map { report.curve($0, metrics.accuracy, epochs: epochs) }
        let lossSeries = zip(report.settings, losses).enumerated().map { i, pair in
            series(pair.1, name: legendName(pair.0, planned: report.seeds.count), index: i, markers: epochs.count <= 15)
        }
        let accuracySeries = zip(report.settings, accuracies).enumerated().map { i, pair in
            series(pair.1, name: legendName(pair.0, planned: report.seeds.count), index: i, markers: epochs.count <= 15)
        }
        let positive = losses.flatMap { $0.statistics.compactMap { $0?.mean } }.filter { $0 > 0 }
        let logLoss =
            positive.count > 1 && (positive.max()! / positive.min()!) >= 10
            && losses.allSatisfy { $0.values.allSatisfy { $0.allSatisfy { ($0 ?? 1) > 0 } } }
        let split = validation ? "Validation" : "Training"
        let lossChart = LineChart(
            title: "\(split) loss",
            xAxis: AxisSpec(label: "epoch", ticks: .integers),
            yAxis: AxisSpec(label: "cross-entropy loss", scale: logLoss ? .log : .linear),
            series: lossSeries, legend: .hidden)
        let accuracyChart = LineChart(
            title: "\(split) accuracy",
            xAxis: AxisSpec(label: "epoch", ticks: .integers),
            yAxis: AxisSpec(label: "accuracy", format: .percent),
            series: accuracySeries)
        return Figure(
            size: curvesSize, title: "\(report.datasetName): \(split.lowercased()) loss and accuracy per setting",
            subtitle: sentence(bandDescription(report, curves: losses + accuracies)), rows: 1, columns: 2,
            panels: [.line(lossChart), .line(accuracyChart)])
    }

    /// Best validation accuracy against the numeric option with the most values (log x when its
    /// values span a factor of ten), one line per combination of the other options.
    /// Nil without a numeric axis of two or more values, or without validation accuracy.
    public static func tuning(_ report: SweepReport) -> Figure? {
        guard let (axisIndex, numbers) = tuningAxis(report) else { return nil }
        let axis = report.axes[axisIndex]
        let summaries = report.summaries
        guard summaries.contains(where: { $0.bestValidationAccuracy != nil }) else { return nil }
        var series: [LineSeries] = []
        for (i, group) in tuningGroups(report, axisIndex: axisIndex).enumerated() {
            let stats = group.settings.map { summaries[$0].bestValidationAccuracy }
            let x = group.settings.map { numbers[axis.values.firstIndex(of: report.settings[$0].values[axisIndex])!] }
            let curve = SweepCurve(epochs: [], seeds: [], values: [], statistics: stats)
            var line = self.series(curve, x: x, name: group.name, index: i, markers: true)
            if line.band == nil, let n = stats.compactMap({ $0?.count }).max() { line.name += ", n = \(n)" }
            series.append(line)
        }
        var markers: [VerticalMarker] = []
        if let best = report.bestSettingIndex(summaries), report.axes.count == 1,
            let position = axis.values.firstIndex(of: report.settings[best].values[axisIndex])
        {
            markers.append(VerticalMarker(x: numbers[position], label: "best"))
        }
        let positive = numbers.allSatisfy { $0 > 0 }
        let log = positive && numbers.max()! / numbers.min()! >= 10
        // One line needs no legend: the axis names it and the subtitle states the band and n.
        let single = series.count == 1
        let chart = LineChart(
            xAxis: AxisSpec(label: axis.name, scale: log ? .log : .linear, ticks: .values(numbers)),
            yAxis: AxisSpec(label: "best validation accuracy", format: .percent),
            series: series, markers: markers, legend: single ? .hidden : .automatic)
        return Figure(
            .line(chart), size: tuningSize,
            title: "\(report.datasetName): best validation accuracy against \(axis.name)",
            subtitle: sentence(
                "each trial's highest validation accuracy of any epoch; "
                    + bandDescription(report, curves: [], countsInLegend: !single)))
    }

    /// The numeric axis with the most values (the first on ties) and its numbers.
    static func tuningAxis(_ report: SweepReport) -> (Int, [Double])? {
        var chosen: (Int, [Double])?
        for (i, axis) in report.axes.enumerated() {
            guard let numbers = axis.numbers, numbers.count >= 2 else { continue }
            if chosen == nil || numbers.count > chosen!.1.count { chosen = (i, numbers) }
        }
        return chosen
    }

    /// Settings grouped by their values of every axis but `axisIndex`, groups and members in setting order.
    static func tuningGroups(_ report: SweepReport, axisIndex: Int) -> [(name: String, settings: [Int])] {
        var groups: [(name: String, settings: [Int])] = []
        for (i, setting) in report.settings.enumerated() {
            let others = report.axes.indices.filter { $0 != axisIndex }
                .map { "\(report.axes[$0].name)=\(setting.values[$0])" }
            let name = others.isEmpty ? "best validation accuracy" : others.joined(separator: ", ")
            if let g = groups.firstIndex(where: { $0.name == name }) {
                groups[g].settings.append(i)
            } else {
                groups.append((name, [i]))
            }
        }
        return groups
    }

    /// The mean line of `curve` with its ± sample-std band where two or more trials contribute.
    static func series(
        _ curve: SweepCurve, x: [Double]? = nil, name: String, index: Int, markers: Bool
    ) -> LineSeries {
        let theme = Theme.light
        let xs = x ?? curve.epochs.map(Double.init)
        let mean = curve.statistics.map { $0?.mean ?? .nan }
        let spread = curve.statistics.map { $0?.standardDeviation }
        var band: SpreadBand?
        if spread.contains(where: { $0 != nil }) {
            let count = curve.statistics.compactMap { $0?.count }.max()
            band = SpreadBand(
                lower: zip(mean, spread).map { m, s in s.map { m - $0 } ?? .nan },
                upper: zip(mean, spread).map { m, s in s.map { m + $0 } ?? .nan },
                kind: .standardDeviation, count: count)
        }
        return LineSeries(
            name, points: zip(xs, mean).map { DataPoint(x: $0, y: $1) }, color: theme.color(at: index),
            dash: index >= theme.palette.count ? secondCycleDash : [], marker: markers ? .circle : nil, band: band)
    }

    /// The legend name of a setting: its label, with diverged or interrupted trials counted,
    /// and "n = 1" when one trial alone gives no band to state its count: `lr=0.1, 1 of 3 diverged`.
    static func legendName(_ setting: SweepReport.Setting, planned: Int) -> String {
        let summary = SweepSettingSummary(setting, planned: planned)
        var notes: [String] = []
        if summary.finished == 1 { notes.append("n = 1") }
        if summary.diverged > 0 { notes.append("\(summary.diverged) of \(summary.trialCount) diverged") }
        if summary.interrupted > 0 { notes.append("\(summary.interrupted) interrupted") }
        return ([setting.label] + notes).joined(separator: ", ")
    }

    /// What the lines and bands mean, for a figure's subtitle.
    /// - Parameter countsInLegend: whether the legend states n; otherwise the text does.
    static func bandDescription(_ report: SweepReport, curves: [SweepCurve], countsInLegend: Bool = true) -> String {
        let counts = Set(report.summaries.map(\.finished))
        let seeds = counts.count == 1 ? "\(counts.first!) seed\(counts.first! == 1 ? "" : "s")" : "its seeds"
        var text = "line: mean over \(seeds) per setting"
        if counts.contains(where: { $0 >= 2 }) {
            text += "; band: ± 1 sample standard deviation (n − 1 denominator)"
            if countsInLegend {
                text += ", n in the legend"
            } else {
                let finished = report.summaries.map(\.finished)
                text +=
                    Set(finished).count == 1
                    ? ", n = \(finished[0])"
                    : ", n per setting from left to right: " + finished.map(String.init).joined(separator: ", ")
            }
        } else {
            text += "; one seed per setting, so no spread is shown"
        }
        if curves.contains(where: \.hasUnevenCounts) {
            text += "; runs that stopped early count only up to their last epoch"
        }
        return text
    }

    /// `text` as a sentence: capitalised, with a full stop.
    static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}

extension SweepFigures {
    /// The figures of a sweep report with their descriptions and data, in the order the README
    /// shows them: validation curves, the tuning curve, training curves (each when it has data).
    static func all(for report: SweepReport) -> [RunFigure] {
        let overSeeds = "over the seeds of each setting"
        var figures: [RunFigure] = []
        func curvesFigure(validation: Bool) -> RunFigure? {
            let metrics: [SweepMetric] = validation ? [.validationLoss, .validationAccuracy] : [.loss, .accuracy]
            guard let figure = curves(report, validation: validation),
                let epochs = report.epochRange(metrics[0]) ?? report.epochRange(metrics[1])
            else { return nil }
            let split = validation ? "Validation" : "Training"
            let averaged = validation ? "" : " (averaged over each epoch's steps, with dropout active)"
            return RunFigure(
                key: split.lowercased(), name: split.lowercased(), figure: figure,
                alt:
                    "\(split) loss (left) and accuracy (right) per epoch for each setting, mean and standard deviation band \(overSeeds)",
                caption: "\(split) loss and accuracy per epoch\(averaged), one colour per setting. "
                    + "Line: mean \(overSeeds); band: ± 1 sample standard deviation (n − 1); n in the legend.",
                csv: SweepCSV.curves(report, metrics: metrics, epochs: epochs))
        }
        if let figure = curvesFigure(validation: true) { figures.append(figure) }
        if let figure = tuning(report) {
            figures.append(
                RunFigure(
                    key: "tuning", name: "tuning", figure: figure,
                    alt:
                        "Best validation accuracy against the varied option, mean and standard deviation band \(overSeeds)",
                    caption:
                        "Each trial's highest validation accuracy, as mean ± 1 sample standard deviation \(overSeeds).",
                    csv: SweepCSV.tuning(report)))
        }
        if let figure = curvesFigure(validation: false) { figures.append(figure) }
        return figures
    }
}
