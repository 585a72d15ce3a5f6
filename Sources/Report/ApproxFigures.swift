import Charts

/// The figures of the approx report, each with the CSV of the data it draws.
enum ApproxFigures {
    static let chartSize = Size(width: 760, height: 460)
    static let gridSize = Size(width: 1180, height: 760)
    static let stackSize = Size(width: 980, height: 860)

    /// Log axes cannot show 0: losses and residuals below these (rounding level in Double) are
    /// drawn at them, and the caption says so.
    static let lossFloor = 1e-30
    static let residualFloor = 1e-16

    static let targetColor = ReportPalette.reference.color
    static let approximationColor = ReportPalette.model.color
    static let exactColor = ReportPalette.right.color
    static let inexactColor = ReportPalette.wrong.color

    static func all(for report: ApproxReport) -> [RunFigure] {
        var figures = [box(report.box), staircases(report.staircase), staircaseErrors(report.staircase)]
        for fit in report.fits {
            figures.append(self.fit(fit))
            figures.append(starts(fit))
        }
        return figures
    }

    // MARK: The box

    static func box(_ box: ApproxBox) -> RunFigure {
        let n = box.network
        let colors = [ReportPalette.series(5).color, ReportPalette.series(3).color]
        // The box first, so the dashed neurons stay visible where one of them coincides with it.
        var series = [
            LineSeries(
                "y = the sum + c with c = \(ApproxText.value(n.outputBias)): the box", points: points(box.output),
                color: targetColor, lineWidth: 3)
        ]
        series += box.neurons.enumerated().map { j, curve in
            let k = j + 1
            return LineSeries(
                "v\(k)·σ(w\(k)·x + b\(k)) with w\(k) = \(ApproxText.value(n.hiddenWeights[j])), "
                    + "b\(k) = \(ApproxText.value(n.hiddenBiases[j])), v\(k) = \(ApproxText.value(n.outputWeights[j]))",
                points: points(curve), color: colors[j % colors.count], lineWidth: 2, dash: [7, 5])
        }
        let markers = (0..<n.hiddenCount).map { j in
            let at = -n.hiddenBiases[j] / n.hiddenWeights[j]
            return VerticalMarker(x: at, label: "neuron \(j + 1) on from x = \(ApproxText.value(at))")
        }
        // Room below the data for the legend and above it for the marker labels.
        let low = min(0, n.outputWeights.min() ?? 0), high = max(0, n.outputWeights.max() ?? 0)
        let span = max(high - low, 1)
        let chart = LineChart(
            xAxis: AxisSpec(label: "x"), yAxis: AxisSpec(label: "output", domain: (low - 0.8 * span)...(high + 0.2 * span)),
            series: series, markers: markers, legend: .inside(.bottom))
        let h = ApproxText.value(box.height), end = ApproxText.value(box.start + box.width)
        let formula = ApproxText.stepSum(n)
        let figure = Figure(
            .line(chart), size: chartSize,
            title: "A box of height \(h) and width \(ApproxText.value(box.width)) from two step neurons",
            subtitle: "y = \(formula) + \(ApproxText.value(n.outputBias)), σ(z) = 1 for z ≥ 0, else 0: "
                + "y = \(h) on [\(ApproxText.value(box.start)), \(end)), 0 elsewhere")
        return RunFigure(
            key: "box", name: "box", figure: figure,
            alt: "A box function of height \(h) on [\(ApproxText.value(box.start)), \(end)) drawn as the sum of two step neurons",
            caption: "The two step neurons (dashed, each times its output weight) and their sum, the box (black).",
            csv: ApproxCSV.curves(
                [("neuron_1", box.neurons[0]), ("neuron_2", box.neurons[1]), ("output", box.output)]))
    }

    // MARK: The staircases

    static func staircases(_ s: ApproxStaircase) -> RunFigure {
        let panels = s.levels.enumerated().map { i, level -> Panel in
            let chart = LineChart(
                title: "N = \(level.boxes) boxes (\(level.network.hiddenCount) step neurons): "
                    + "max |error| \(ApproxText.significant(level.maxError, digits: 3))",
                xAxis: AxisSpec(label: "x"), yAxis: AxisSpec(label: i % 2 == 0 ? "y" : nil),
                series: [
                    LineSeries("f(x) = \(s.formula)", points: points(s.target), color: targetColor, lineWidth: 1.5),
                    LineSeries(
                        "\(level.boxes) boxes, heights f(box centre)", points: points(level.staircase),
                        color: approximationColor, lineWidth: 2),
                ],
                legend: .hidden)
            return .line(chart)
        }
        let columns = min(2, max(1, s.levels.count))
        let rows = (s.levels.count + columns - 1) / columns
        let figure = Figure(
            size: gridSize, title: "f(x) = \(s.formula) on [\(ApproxText.value(s.interval.lowerBound)), \(ApproxText.value(s.interval.upperBound))] approximated by N boxes",
            subtitle: "f in \(ReportPalette.reference.name); the staircase of N boxes in \(ReportPalette.model.name). Each box is two step neurons, as high as f at the box's centre.",
            rows: rows, columns: columns, panels: panels)
        var curves: [(String, ApproxCurve)] = [("f", s.target)]
        for level in s.levels { curves.append(("N=\(level.boxes)", level.staircase)) }
        return RunFigure(
            key: "staircases", name: "staircases", figure: figure,
            alt: "f(x) = \(s.formula) with its staircase approximations by "
                + ApproxText.list(s.levels.map { String($0.boxes) }) + " boxes",
            caption: "f (\(ReportPalette.reference.name)) and the staircase of N boxes (\(ReportPalette.model.name)), one panel per N; the panel title gives the largest error.",
            csv: ApproxCSV.curves(curves))
    }

    static func staircaseErrors(_ s: ApproxStaircase) -> RunFigure {
        let n = s.levels.map { Double($0.boxes) }
        let chart = LineChart(
            xAxis: AxisSpec(label: "number of boxes N", scale: .log, ticks: .values(n)),
            yAxis: AxisSpec(label: "error", scale: .log),
            series: [
                LineSeries(
                    "bound L·δ/2 = \(ApproxText.value(s.lipschitzBound))·\(ApproxText.value(s.interval.upperBound - s.interval.lowerBound))/(2N)",
                    points: zip(n, s.levels.map(\.errorBound)).map { DataPoint(x: $0, y: $1) }, color: ReportPalette.series(4).color,
                    lineWidth: 1.5, dash: [6, 4]),
                LineSeries("max |error|", x: n, y: s.levels.map(\.maxError), color: approximationColor, marker: .circle),
                LineSeries("RMS error", x: n, y: s.levels.map(\.rmsError), color: ReportPalette.series(3).color, marker: .square),
            ],
            legend: .inside(.topRight))
        let figure = Figure(
            .line(chart), size: chartSize, title: "Error of the N-box staircase against N, with its bound L·δ/2 ∝ 1/N",
            subtitle: "Log–log axes: a line of slope −1 is error ∝ 1/N. Measured at the midpoints of \(ReportNumberFormat.grouped(s.errorGridCells)) equal cells of the interval.")
        return RunFigure(
            key: "staircaseErrors", name: "box_error", figure: figure,
            alt: "Maximum and RMS error of the box approximation against the number of boxes, on log-log axes, with the bound L·δ/2",
            caption: "Maximum and RMS error against N, with the Lipschitz bound L·δ/2 (dashed).",
            csv: ApproxCSV.staircaseErrors(s))
    }

    /// Sampled curve as chart points.
    static func points(_ curve: ApproxCurve) -> [DataPoint] {
        zip(curve.x, curve.y).map { DataPoint(x: $0, y: $1) }
    }

    /// Points drawn as separate dots: each followed by a gap (a non-finite point).
    static func dots(x: [Double], y: [Double]) -> [DataPoint] {
        zip(x, y).flatMap { [DataPoint(x: $0, y: $1), DataPoint(x: .nan, y: .nan)] }
    }
}
