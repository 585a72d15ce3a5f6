import Charts
import Metrics

extension ComparisonReport {
    /// One figure per quantity: a chart per split (training, validation, test) in which every run
    /// is one line in its own colour, named in the legend.
    func figures() -> [RunFigure] {
        let groups = runs.map { $0.log.chartPlan().groups }
        // A quantity can have two charts in a run (per epoch, and per step for series that
        // cannot be placed in epochs): the per-step ones are compared on a chart of their own.
        struct Key: Hashable {
            var quantity: String
            var leftOver: Bool
        }
        func key(_ group: MetricChartGroup, in runGroups: [MetricChartGroup]) -> Key {
            let twice = runGroups.filter { $0.quantity == group.quantity }.count > 1
            return Key(quantity: group.quantity, leftOver: twice && group.xAxis == .step)
        }
        var keys = ["loss", "accuracy"].flatMap { q in
            [Key(quantity: q, leftOver: false), Key(quantity: q, leftOver: true)]
        }
        keys = keys.filter { k in groups.contains { g in g.contains { key($0, in: g) == k } } }
        for runGroups in groups {
            for group in runGroups where !keys.contains(key(group, in: runGroups)) {
                keys.append(key(group, in: runGroups))
            }
        }
        var taken = Set<String>()
        return keys.map { k in
            let members = groups.enumerated().compactMap { index, runGroups in
                runGroups.first { key($0, in: runGroups) == k }.map { (run: index, group: $0) }
            }
            let stem = MetricFigureStyle.fileStem(k.leftOver ? k.quantity + "-per-step" : k.quantity, taken: &taken)
            return figure(k.quantity, members: members, stem: stem)
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
        let label = drawn.first?.group.label ?? quantity
        let integerX = drawn.allSatisfy(\.group.integerX)

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
                    let name = MetricFigureStyle.inChart(
                        lines.count > 1
                            ? "\(runs[run].name) · \(MetricFigureStyle.legend(line, among: lines))" : runs[run].name)
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
                    title: MetricFigureStyle.inChart(
                        splits == [.train]
                            ? MetricFigureStyle.title(label)
                            : "\(MetricFigureStyle.title(label)), \(MetricFigureStyle.word(split))"),
                    xAxis: AxisSpec(
                        label: MetricFigureStyle.inChart(xLabel), ticks: MetricFigureStyle.xTicks(integerX: integerX)),
                    yAxis: AxisSpec(label: MetricFigureStyle.inChart(MetricFigureStyle.axisLabel(label))),
                    series: series))
        }
        let scale = MetricFigureStyle.yScale(values, goal: MetricGoal(quantity: quantity))
        for i in panels.indices { panels[i].yAxis.scale = scale }

        let what = MetricFigureStyle.axisLabel(label)
        let splitWords = splits.map(MetricFigureStyle.word).joined(separator: ", ")
        let runNames = drawn.map { runs[$0.run].name }
        var caption =
            "\(MarkdownText.cell(MetricFigureStyle.title(label))) per \(MarkdownText.cell(xLabel)) of "
            + "\(runNames.count) run\(runNames.count == 1 ? "" : "s") (\(splitWords)), one colour per run."
        if scale == .log { caption += " Logarithmic y axis." }
        if !left.isEmpty {
            caption +=
                " Not drawn: \(left.map(MarkdownText.cell).joined(separator: ", ")) (logged "
                + "\(MarkdownText.cell(what)) per \(axis == .epoch ? "step" : "epoch") only, and this chart counts "
                + "\(axis == .epoch ? "epochs" : "steps"))."
        }
        return RunFigure(
            key: stem, name: stem, figure: MetricFigureStyle.figure(panels),
            alt: "\(MetricFigureStyle.title(label)) per \(xLabel) (\(splitWords)) of the runs "
                + runNames.joined(separator: ", "),
            caption: caption, csv: csv.joined(separator: "\n") + "\n")
    }
}
