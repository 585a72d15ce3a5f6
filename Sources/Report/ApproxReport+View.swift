import Foundation

extension ApproxReport {
    /// The Mustache view model of `templates/approx.md.mustache`.
    ///
    /// - Parameters:
    ///   - figures: the figures written, keyed `box`, `staircases`, `staircaseErrors`, `fit_<n>`, `starts_<n>`.
    ///   - files: the other files of the folder, listed in the README.
    public func view(figures: [FigureLink], files: [ReportFileEntry]) -> ApproxReportView {
        ApproxReportView(
            title: title, headline: headline.map { NameValueView(ApproxText.cell($0.name), ApproxText.cell($0.value)) },
            figures: ApproxReportView.Figures(figures), box: boxView, staircase: staircaseView, fitIntro: fitIntro,
            fits: fits.map { $0.view(figures: figures) }, conclusions: conclusions,
            settings: settings.map { NameValueView(ApproxText.cell($0.name), ApproxText.cell($0.value)) },
            files: files.map { FileView(name: $0.name, what: ApproxText.cell($0.what)) },
            environment: environment.map { NameValueView($0.name, $0.value) }, command: command, version: version)
    }

    /// The table under the title: one line per part of the report.
    var headline: [(name: String, value: String)] {
        var rows: [(String, String)] = [
            (
                "Box", "height \(ApproxText.value(box.height)), width \(ApproxText.value(box.width)): "
                    + "\(box.network.hiddenCount) step neurons"
            )
        ]
        if let first = staircase.levels.first, let last = staircase.levels.last {
            rows.append(
                (
                    "Staircase of f(x) = \(staircase.formula)",
                    "max |error| \(ApproxText.significant(first.maxError, digits: 3)) with \(first.boxes) boxes → "
                        + "\(ApproxText.significant(last.maxError, digits: 3)) with \(last.boxes)"
                ))
        }
        for fit in fits {
            rows.append(
                (
                    "Data set \(fit.number), \(fit.hiddenUnits) ReLU units",
                    "\(fit.exactCount) of \(fit.starts.count) starts fit exactly; best max |residual| "
                        + ApproxText.significant(fit.bestStart.maxResidual, digits: 3)
                ))
        }
        return rows
    }

    var boxView: ApproxReportView.Box {
        let n = box.network
        let neurons = (0..<n.hiddenCount).map { j in
            ApproxReportView.Box.Neuron(
                number: j + 1, weight: ApproxText.value(n.hiddenWeights[j]), bias: ApproxText.value(n.hiddenBiases[j]),
                switch: ApproxText.value(-n.hiddenBiases[j] / n.hiddenWeights[j]),
                output: ApproxText.value(n.outputWeights[j]))
        }
        let formula = ApproxText.stepSum(n)
        let probes = box.probes.map { p in
            let on = p.hidden.enumerated().filter { $0.element != 0 }.map { "n\($0.offset + 1)" }
            let why: String
            switch on.count {
            case 0: why = "no neuron on yet"
            case n.hiddenCount: why = "both on: their output weights cancel"
            default: why = "only \(ApproxText.list(on)) on"
            }
            return ApproxReportView.Box.Probe(
                x: ApproxText.value(p.x), hidden: p.hidden.map { ApproxText.value($0) }, y: ApproxText.value(p.y),
                why: why)
        }
        return ApproxReportView.Box(
            height: ApproxText.value(box.height), width: ApproxText.value(box.width), start: ApproxText.value(box.start),
            end: ApproxText.value(box.start + box.width), neurons: neurons, formula: formula,
            outputBias: ApproxText.value(n.outputBias), probes: probes)
    }

    var staircaseView: ApproxReportView.Staircase {
        let s = staircase
        let levels = s.levels.map { l in
            ApproxReportView.Staircase.Level(
                boxes: l.boxes, width: ApproxText.significant(l.boxWidth, digits: 4), neurons: l.network.hiddenCount,
                merged: l.mergedNeurons, maxError: ApproxText.significant(l.maxError),
                rms: ApproxText.significant(l.rmsError), bound: ApproxText.significant(l.errorBound),
                scaled: ApproxText.significant(l.maxError * Double(l.boxes), digits: 3),
                worstX: ApproxText.fixed(l.worstX, decimals: 3))
        }
        let first = s.levels.first.map { first in
            let n = first.network
            return ApproxReportView.Staircase.First(
                boxes: first.boxes, neurons: n.hiddenCount, merged: first.mergedNeurons,
                rows: (0..<n.hiddenCount).map { j in
                    .init(
                        number: j + 1, box: j / 2 + 1, weight: ApproxText.value(n.hiddenWeights[j]),
                        bias: ApproxText.value(n.hiddenBiases[j]),
                        switch: ApproxText.value(-n.hiddenBiases[j] / n.hiddenWeights[j]),
                        output: ApproxText.significant(n.outputWeights[j]))
                })
        }
        return ApproxReportView.Staircase(
            formula: s.formula, lower: ApproxText.value(s.interval.lowerBound),
            upper: ApproxText.value(s.interval.upperBound), b: ApproxText.value(s.interval.upperBound),
            lipschitz: ApproxText.value(s.lipschitzBound), lipschitzReason: s.lipschitzReason, levels: levels,
            rate: rateSentence, gridCells: ReportNumberFormat.grouped(s.errorGridCells), first: first)
    }

    /// How fast the error fell, from the measured errors: the factor per doubling of N and the
    /// slope of a least-squares line through log(max error) against log(N).
    var rateSentence: String {
        let levels = staircase.levels
        guard levels.count >= 2, let first = levels.first, let last = levels.last else { return "" }
        var factors: [String] = []
        for (a, b) in zip(levels, levels.dropFirst()) {
            factors.append(ApproxText.fixed(a.maxError / b.maxError, decimals: 2))
        }
        let logN = levels.map { log(Double($0.boxes)) }, logE = levels.map { log($0.maxError) }
        let slope = Self.leastSquaresSlope(x: logN, y: logE)
        let growth = Double(last.boxes) / Double(first.boxes)
        var text = "From \(first.boxes) to \(last.boxes) boxes (\(ApproxText.value(growth)) times as many) the largest error fell "
            + "from \(ApproxText.significant(first.maxError, digits: 3)) to \(ApproxText.significant(last.maxError, digits: 3)), "
            + "a factor of \(ApproxText.fixed(first.maxError / last.maxError, decimals: 1)); "
            + "the successive factors were \(ApproxText.list(factors)). "
            + "A straight line through the points of the log–log plot has slope \(ApproxText.fixed(slope, decimals: 2)), "
        if abs(slope + 1) <= 0.15 {
            text += "close to the −1 of error ∝ 1/N. "
        } else if slope > -1 {
            let values = staircase.target.y
            let range = (values.max() ?? 0) - (values.min() ?? 0)
            text += "shallower than −1: "
            if first.errorBound > range {
                text += "with \(first.boxes) wide boxes the bound L·δ/2 = \(ApproxText.significant(first.errorBound, digits: 3)) "
                    + "exceeds f's whole range (\(ApproxText.significant(range, digits: 3))), so the error is capped by the range "
                    + "rather than the slope, and the factors approach 2 only once the boxes resolve f's bumps. "
            } else {
                text += "the factors approach 2 only once the boxes are narrower than f's bumps. "
            }
        } else {
            text += "steeper than −1 over this range of N. "
        }
        let lb = staircase.lipschitzBound * staircase.interval.upperBound
        text += "N · max |error| went from \(ApproxText.significant(Double(first.boxes) * first.maxError, digits: 3)) to "
            + "\(ApproxText.significant(Double(last.boxes) * last.maxError, digits: 3)), against L·B = \(ApproxText.value(lb)) "
            + "for the bound: with \(last.boxes) boxes the largest error (at x = \(ApproxText.fixed(last.worstX, decimals: 2))) is "
            + "\(ApproxText.fixed(100 * last.maxError / last.errorBound, decimals: 0))% of the bound."
        return text
    }

    var fitIntro: ApproxReportView.FitIntro? {
        guard let fit = fits.first else { return nil }
        return ApproxReportView.FitIntro(
            units: fit.hiddenUnits, starts: fit.starts.count,
            steps: ReportNumberFormat.grouped(fit.bestStart.historySteps.last ?? 0),
            tolerance: ApproxText.significant(fit.exactTolerance, digits: 1))
    }

    /// The closing bullet points, from the numbers of this run.
    var conclusions: [String] {
        var lines: [String] = []
        if let first = staircase.levels.first, let last = staircase.levels.last {
            lines.append(
                "Step neurons approximate: \(last.network.hiddenCount) of them (\(last.boxes) boxes) follow f to within "
                    + "\(ApproxText.significant(last.maxError, digits: 2)), against \(ApproxText.significant(first.maxError, digits: 2)) "
                    + "with \(first.network.hiddenCount) (\(first.boxes) boxes). Any error can be reached with enough boxes, but the count grows like "
                    + "1/error here, and like (1/error)^d for d inputs, where boxes become d-dimensional cells.")
        }
        for fit in fits {
            let exists = fit.handBuilt != nil
            var line = "Data set \(fit.number): "
            line += exists
                ? "an exact \(fit.hiddenUnits)-unit fit exists (built by hand above); "
                : "no exact fit is guaranteed with \(fit.hiddenUnits) units; "
            line += "gradient descent reached an exact fit from \(fit.exactCount) of \(fit.starts.count) starts."
            lines.append(line)
        }
        lines.append(
            "The universal approximation theorem promises that weights exist; it does not promise that gradient descent "
                + "finds them. Restarts from several random points, as write-up 001 did with fsolve, are the simple remedy.")
        return lines
    }

    static func leastSquaresSlope(x: [Double], y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
        }
        return sxx == 0 ? .nan : sxy / sxx
    }
}
