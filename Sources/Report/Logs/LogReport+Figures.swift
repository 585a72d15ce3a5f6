import Charts
import Metrics

extension LogReport {
    /// One chart per quantity of the log (``MetricLog/chartPlan(maximumCharts:)``): training,
    /// validation and test lines of the same quantity together, the per-step values faint behind
    /// per-epoch ones, a dashed marker at the epoch of the best validation loss.
    func figures() -> [RunFigure] {
        let groups = run.log.chartPlan().groups
        let best = bestEpochMarker()
        var taken = Set<String>()
        return groups.map { group in
            figure(
                group, stem: MetricFigureStyle.fileStem(Self.stemName(group, among: groups), taken: &taken),
                marker: best)
        }
    }

    /// The file name of a group's figure: its quantity, with `per step` when the quantity also
    /// has a chart per epoch.
    static func stemName(_ group: MetricChartGroup, among groups: [MetricChartGroup]) -> String {
        let twice = groups.filter { $0.quantity == group.quantity }.count > 1
        return twice && group.xAxis == .step ? group.quantity + "-per-step" : group.quantity
    }

    func figure(_ group: MetricChartGroup, stem: String, marker: VerticalMarker?) -> RunFigure {
        let foreground = group.lines.filter { !$0.isBackground }
        var series: [LineSeries] = []
        var csv = ["series,cadence,\(ReportCSV.quote(group.xLabel)),value"]
        // Background lines first, so the per-epoch lines paint over them.
        for line in group.lines.filter(\.isBackground) + foreground {
            let color = MetricFigureStyle.lineColor(line, among: group.lines)
            let points = line.points.map { DataPoint(x: $0.x, y: $0.y) }
            if line.isBackground {
                series.append(
                    LineSeries(
                        MetricFigureStyle.inChart(label(line, among: group.lines)), points: points, color: color,
                        lineWidth: 1, opacity: 0.3))
            } else {
                series.append(
                    LineSeries(
                        MetricFigureStyle.inChart(label(line, among: group.lines)), points: points, color: color,
                        marker: MetricFigureStyle.marker(pointCount: points.count)))
            }
            csv += MetricFigureStyle.csvRows(
                [line.series.originalName, line.series.cadence.rawValue], points: line.points)
        }
        let values = group.lines.flatMap { $0.points.map(\.y) }
        let chart = LineChart(
            title: MetricFigureStyle.inChart(MetricFigureStyle.title(group.label)),
            xAxis: AxisSpec(
                label: MetricFigureStyle.xAxisTitle(group), ticks: MetricFigureStyle.xTicks(integerX: group.integerX)),
            yAxis: AxisSpec(
                label: MetricFigureStyle.inChart(MetricFigureStyle.axisLabel(group.label)),
                scale: MetricFigureStyle.yScale(values, goal: group.goal)),
            series: series, markers: group.xAxis == .epoch ? marker.map { [$0] } ?? [] : [])
        let splits = foreground.map(\.split).uniqued()
        let what = MetricFigureStyle.axisLabel(group.label)
        let alt =
            (splits == [.train] ? what.capitalizedFirst : "\(MetricFigureStyle.phrase(splits)) \(what)")
            + " per \(group.xLabel)"
        return RunFigure(
            key: stem, name: stem, figure: MetricFigureStyle.figure([chart]), alt: alt,
            caption: caption(group, chart: chart), csv: csv.joined(separator: "\n") + "\n")
    }

    /// The legend entry of a line: its split ("validation"), its key in a group of lines
    /// (`add_scalars`, `lr/pg0`), "train, per step" for a background line, or the name as logged
    /// where two lines would share a label or the name states no split.
    func label(_ line: MetricChartLine, among lines: [MetricChartLine]) -> String {
        MetricFigureStyle.legend(line, among: lines)
    }

    /// "Loss per epoch from `loss` (train) and `val_loss` (validation). ...": which logged series
    /// each line shows, and what else the reader should know about the chart.
    func caption(_ group: MetricChartGroup, chart: LineChart) -> String {
        func describe(_ line: MetricChartLine) -> String {
            let name = line.series.originalName
            let label = self.label(line, among: group.lines)
            return "`\(MarkdownText.code(name))`" + (label == name ? "" : " (\(MarkdownText.cell(label)))")
        }
        let foreground = group.lines.filter { !$0.isBackground }.map(describe)
        var text =
            "\(MarkdownText.cell(MetricFigureStyle.title(group.label))) per \(MarkdownText.cell(group.xLabel)) from "
            + MetricFigureStyle.list(foreground) + "."
        let background = group.lines.filter(\.isBackground).map { "`\(MarkdownText.code($0.series.originalName))`" }
        if !background.isEmpty {
            text +=
                " The faint line\(background.count == 1 ? " is" : "s are") \(MetricFigureStyle.list(background)), "
                + "the value\(background.count == 1 ? "" : "s") of single steps placed at fractions of an epoch."
        }
        if group.xAxis == .epoch, !group.integerX, background.isEmpty {
            text += " Values logged between epoch ends sit at their fraction of an epoch."
        }
        let reduced = group.lines.filter { $0.series.reduction != nil }
        if !reduced.isEmpty {
            let kept = reduced.reduce(0) { $0 + $1.points.count }
            let logged = reduced.reduce(0) { $0 + $1.series.valueCount + $1.series.gapCount }
            text +=
                " Drawn from \(ReportNumberFormat.grouped(kept)) of \(ReportNumberFormat.grouped(logged)) values of "
                + MetricFigureStyle.list(reduced.map { "`\(MarkdownText.code($0.series.originalName))`" })
                + " (thinned evenly along the axis, keeping the lowest and highest value of each short run, and the "
                + "first and last), as the CSV holds them; the tables use every value."
        }
        if chart.yAxis.scale == .log { text += " Logarithmic y axis." }
        let gaps = group.lines.reduce(0) { $0 + $1.points.count { !$0.y.isFinite } }
        if gaps > 0 { text += " \(gaps) NaN or infinite value\(gaps == 1 ? "" : "s") shown as gaps." }
        if let marker = chart.markers.first?.label { text += " Dashed line: \(marker) (lowest validation loss)." }
        return text
    }

    /// A marker at the epoch of the best validation loss, when the log has one per epoch.
    func bestEpochMarker() -> VerticalMarker? {
        guard let validation = run.log.series(named: "val_loss", cadence: .epoch), validation.finitePoints.count > 1,
            let epoch = validation.best?.epoch
        else { return nil }
        return VerticalMarker(x: epoch, label: "best epoch \(MetricSummary.epochText(epoch))")
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in first-seen order.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension String {
    /// The string with its first character uppercased: "train, validation" → "Train, validation".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
