import Charts
import Metrics

extension ComparisonReport {
    /// One figure per quantity: a chart per split (training, validation, test) in which every run
    /// is one line in its own colour, named in the legend.
    func figures() -> [RunFigure] {
        let groups = runs.map { $0.log.chartGroups() }
        var quantities = ["loss", "accuracy"].filter { q in groups.contains { $0.contains { $0.quantity == q } } }
        for runGroups in groups {
            for group in runGroups where !quantities.contains(group.quantity) { quantities.append(group.quantity) }
        }
        var taken = Set<String>()
        return quantities.map { quantity in
            let members = groups.enumerated().compactMap { index, runGroups in
                runGroups.first { $0.quantity == quantity }.map { (run: index, group: $0) }
            }
            return figure(quantity, members: members, stem: MetricFigureStyle.fileStem(quantity, taken: &taken))
        }
    }

    func figure(_ quantity: String, members: [(run: Int, group: MetricChartGroup)], stem: String) -> RunFigure {
        // Runs that logged this quantity only per step cannot join runs that logged it per epoch
        // on one axis: the axis most runs have wins (epoch on a tie), the others are named.
        let epochRuns = members.filter { $0.group.xAxis == .epoch }
        let axis: MetricXAxis = epochRuns.count * 2 >= members.count ? .epoch : .step
        let drawn = members.filter { $0.group.xAxis == axis }
        let left = members.filter { $0.group.xAxis != axis }.map { runs[$0.run].name }
        let xLabel = drawn.first?.group.xLabel ?? axis.rawValue

        let splits = MetricSplit.allCases.filter { split in
            drawn.contains { $0.group.lines.contains { !$0.isBackground && $0.split == split } }
        }
        var csv = ["run,series,\(ReportCSV.quote(xLabel)),value"]
        var values: [Double] = []
        var panels: [LineChart] = []
        for split in splits {
            var series: [LineSeries] = []
            for (run, group) in drawn {
                let lines = group.lines.filter { !$0.isBackground && $0.split == split }
                let style = MetricFigureStyle.runStyle(run)
                for line in lines {
                    let name = lines.count > 1 ? "\(runs[run].name) · \(line.series.originalName)" : runs[run].name
                    series.append(
                        LineSeries(
                            name, points: line.points.map { DataPoint(x: $0.x, y: $0.y) }, color: style.color,
                            dash: style.dash, marker: MetricFigureStyle.marker(pointCount: line.points.count)))
                    values += line.points.map(\.y)
                    csv += MetricFigureStyle.csvRows([runs[run].name, line.series.originalName], points: line.points)
                }
            }
            panels.append(
                LineChart(
                    title: splits == [.train]
                        ? MetricFigureStyle.title(quantity)
                        : "\(MetricFigureStyle.title(quantity)), \(MetricFigureStyle.word(split))",
                    xAxis: AxisSpec(label: xLabel, ticks: MetricFigureStyle.xTicks(axis)),
                    yAxis: AxisSpec(label: MetricFigureStyle.axisLabel(quantity)), series: series))
        }
        let scale = MetricFigureStyle.yScale(values, goal: MetricGoal(quantity: quantity))
        for i in panels.indices { panels[i].yAxis.scale = scale }

        let what = MetricFigureStyle.axisLabel(quantity)
        let splitWords = splits.map(MetricFigureStyle.word).joined(separator: ", ")
        let runNames = drawn.map { runs[$0.run].name }
        var caption =
            "\(MetricFigureStyle.title(quantity)) per \(xLabel) of \(runNames.count) run"
            + "\(runNames.count == 1 ? "" : "s") (\(splitWords)), one colour per run."
        if scale == .log { caption += " Logarithmic y axis." }
        if !left.isEmpty {
            caption +=
                " Not drawn: \(left.joined(separator: ", ")) (logged \(what) per "
                + "\(axis == .epoch ? "step" : "epoch") only)."
        }
        return RunFigure(
            key: stem, name: stem, figure: MetricFigureStyle.figure(panels),
            alt: "\(MetricFigureStyle.title(quantity)) per \(xLabel) (\(splitWords)) of the runs "
                + runNames.joined(separator: ", "),
            caption: MarkdownText.cell(caption), csv: csv.joined(separator: "\n") + "\n")
    }
}
