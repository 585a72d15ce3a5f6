import Charts

extension ApproxFigures {
    /// The best fit through the points with its kinks marked, beside the units it is the sum of.
    static func fit(_ fit: ApproxFit) -> RunFigure {
        let best = fit.bestStart
        let unitColors = (0..<6).map { ReportPalette.series($0).color }
        let left = LineChart(
            title: "Best fit: data (dots), network output (\(ReportPalette.model.name) line), kinks (dashed)",
            xAxis: AxisSpec(label: "x"), yAxis: AxisSpec(label: "y"),
            series: [
                LineSeries("network output (\(fit.hiddenUnits) ReLU units)", points: points(fit.curve), color: approximationColor, lineWidth: 2),
                LineSeries(
                    "data (\(fit.x.count) points)", points: dots(x: fit.x, y: fit.t), color: targetColor, lineWidth: 1,
                    marker: .circle),
            ],
            markers: fit.kinks.map { kink in
                VerticalMarker(x: kink.x, label: "kink \(ApproxText.fixed(kink.x)) (unit \(kink.unit + 1))", color: unitColors[kink.unit % unitColors.count])
            },
            legend: .hidden)
        let n = fit.best
        var unitSeries = fit.unitCurves.enumerated().map { j, curve in
            var kink = n.hiddenWeights[j] == 0 ? "no kink" : "kink \(ApproxText.position(-n.hiddenBiases[j] / n.hiddenWeights[j]))"
            if n.hiddenWeights[j] != 0, !fit.kinks.contains(where: { $0.unit == j }) { kink += ", no bend in the data range" }
            let dead = fit.deadUnits.contains(j) ? ", dead on the data" : ""
            return LineSeries(
                "unit \(j + 1): \(ApproxText.significant(n.outputWeights[j], digits: 3))·max(0, "
                    + "\(ApproxText.significant(n.hiddenWeights[j], digits: 3))·x \(ApproxText.minusSign(n.hiddenBiases[j])) "
                    + "\(ApproxText.significant(abs(n.hiddenBiases[j]), digits: 3))), \(kink)\(dead)",
                points: points(curve), color: unitColors[j % unitColors.count], lineWidth: 2)
        }
        unitSeries.append(
            LineSeries(
                "b2 = \(ApproxText.significant(n.outputBias, digits: 3))",
                points: [DataPoint(x: fit.plotRange.lowerBound, y: n.outputBias), DataPoint(x: fit.plotRange.upperBound, y: n.outputBias)],
                color: ReportPalette.reference.color, lineWidth: 1.5, dash: [6, 4]))
        // Headroom above the curves keeps the legend inside, so both panels share their x positions.
        let values = (fit.unitCurves.flatMap(\.y) + [n.outputBias]).filter(\.isFinite)
        let low = values.min() ?? 0, high = values.max() ?? 1
        let span = max(high - low, 1e-9)
        let right = LineChart(
            title: "Its units: output = b2 + the sum of these",
            xAxis: AxisSpec(label: "x"),
            yAxis: AxisSpec(label: "W2·max(0, W1·x + b1)", domain: (low - 0.05 * span)...(high + 0.8 * span)),
            series: unitSeries, legend: .automatic)
        let verdict = best.isExact
            ? "exact (every |residual| < \(ApproxText.significant(fit.exactTolerance, digits: 1)))"
            : "not exact (exact: every |residual| < \(ApproxText.significant(fit.exactTolerance, digits: 1)))"
        let figure = Figure(
            size: stackSize,
            title: "Data set \(fit.number): a one-hidden-layer ReLU network with \(fit.hiddenUnits) units",
            subtitle: "Start \(best.index + 1) of \(fit.starts.count) (lowest loss): MSE \(ApproxText.significant(best.loss, digits: 3)), "
                + "max |residual| \(ApproxText.significant(best.maxResidual, digits: 3)), \(verdict). "
                + "\(fit.exactCount) of \(fit.starts.count) starts fit exactly.",
            rows: 2, columns: 1, panels: [.line(left), .line(right)])
        var curves: [(String, ApproxCurve)] = [
            ("data", ApproxCurve(x: fit.x, y: fit.t)), ("fit", fit.curve),
            ("kink", ApproxCurve(x: fit.kinks.map(\.x), y: fit.kinks.map(\.y))),
        ]
        for (j, curve) in fit.unitCurves.enumerated() { curves.append(("unit_\(j + 1)", curve)) }
        return RunFigure(
            key: "fit_\(fit.number)", name: "fit_\(fit.number)", figure: figure,
            alt: "Data set \(fit.number) with the best \(fit.hiddenUnits)-unit ReLU fit and its kinks marked, beside the \(fit.hiddenUnits) units it sums",
            caption: "Top: the data (dots), the best network's output and its kinks (dashed lines). Bottom: each unit's part of the output; they add up to the blue line.",
            csv: ApproxCSV.curves(curves))
    }

    /// The loss of every start along its steps, beside each start's final largest |residual|.
    static func starts(_ fit: ApproxFit) -> RunFigure {
        var series: [LineSeries] = []
        var floored = false
        func floor(_ values: [Double], _ minimum: Double) -> [Double] {
            values.map { v in
                if v.isFinite, v < minimum { floored = true; return minimum }
                return v
            }
        }
        // Stalled starts first, then the other exact ones, the best last (on top); one legend entry per group.
        for exact in [false, true] {
            let group = fit.starts.enumerated().filter { $0.offset != fit.bestIndex && $0.element.isExact == exact }
            for (k, (_, s)) in group.enumerated() {
                series.append(
                    LineSeries(
                        exact ? "other exact starts (\(group.count))" : "starts that stall (\(group.count))",
                        points: zip(s.historySteps, floor(s.historyLosses, lossFloor)).map { DataPoint(x: Double($0), y: $1) },
                        color: exact ? exactColor : inexactColor, lineWidth: 1.2, opacity: 0.55, showsInLegend: k == 0))
            }
        }
        let best = fit.bestStart
        series.append(
            LineSeries(
                "best: start \(best.index + 1)", points: zip(best.historySteps, floor(best.historyLosses, lossFloor)).map {
                    DataPoint(x: Double($0), y: $1)
                }, color: approximationColor, lineWidth: 2.5))
        let left = LineChart(
            title: "Loss of each start", xAxis: AxisSpec(label: "Adam step"), yAxis: AxisSpec(label: "mean squared error", scale: .log),
            series: series, legend: .automatic)

        let numbers = fit.starts.map { Double($0.index + 1) }
        let finals = floor(fit.starts.map(\.maxResidual), residualFloor)
        let exact = fit.starts.indices.filter { fit.starts[$0].isExact }
        let other = fit.starts.indices.filter { !fit.starts[$0].isExact }
        let right = LineChart(
            title: "Largest |residual| at the end",
            xAxis: AxisSpec(label: "start", ticks: .integers), yAxis: AxisSpec(label: "max |residual|", scale: .log),
            series: [
                LineSeries(
                    "exact threshold \(ApproxText.significant(fit.exactTolerance, digits: 1))",
                    points: [DataPoint(x: 0.5, y: fit.exactTolerance), DataPoint(x: Double(fit.starts.count) + 0.5, y: fit.exactTolerance)],
                    color: ReportPalette.reference.color, lineWidth: 1.2, dash: [6, 4]),
                LineSeries(
                    "exact (\(exact.count))", points: dots(x: exact.map { numbers[$0] }, y: exact.map { finals[$0] }),
                    color: exactColor, marker: .circle),
                LineSeries(
                    "not exact (\(other.count))", points: dots(x: other.map { numbers[$0] }, y: other.map { finals[$0] }),
                    color: inexactColor, marker: .diamond),
            ],
            legend: .automatic)
        var subtitle = "\(fit.starts.count) starts, each \(ReportNumberFormat.grouped(best.historySteps.last ?? 0)) full-batch Adam steps; "
            + "\(fit.exactCount) reached an exact fit."
        if floored {
            subtitle += " Values below \(ApproxText.significant(lossFloor, digits: 1)) (loss) or \(ApproxText.significant(residualFloor, digits: 1)) (residual), rounding level in Double, are drawn at that floor."
        }
        let figure = Figure(
            size: stackSize, title: "Data set \(fit.number): where gradient descent ends from each start", subtitle: subtitle,
            rows: 2, columns: 1, panels: [.line(left), .line(right)])
        return RunFigure(
            key: "starts_\(fit.number)", name: "starts_\(fit.number)", figure: figure,
            alt: "Loss curves of the \(fit.starts.count) starts on data set \(fit.number), and each start's final largest residual against the exact threshold",
            caption: "Top: the mean squared error of every start along its steps (log scale). Bottom: each start's final largest |residual|; below the dashed line the fit is exact.",
            csv: ApproxCSV.starts(fit))
    }
}
