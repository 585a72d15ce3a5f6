extension ApproxFit {
    /// The view of one data set's section.
    func view(figures: [FigureLink]) -> ApproxReportView.Fit {
        let best = bestStart
        func figure(_ key: String) -> FigureView? { figures.first { $0.key == key }.map(FigureView.init) }
        let hand = handBuilt.map { handBuilt in
            ApproxReportView.Fit.HandBuilt(
                units: handBuiltUnits,
                rows: (0..<handBuilt.hiddenCount).map { j in
                    let w = handBuilt.hiddenWeights[j], b = handBuilt.hiddenBiases[j], v = handBuilt.outputWeights[j]
                    let role: String
                    if w == 0 && v == 0 {
                        role = "not needed (all zero)"
                    } else if j == 0 && handBuiltUnits > slopeChanges.count {
                        role = "first slope \(ApproxText.value(v)), on over the whole range"
                    } else {
                        role = "slope change \(ApproxText.signedValue(v)) at x = \(ApproxText.value(-b / w))"
                    }
                    return .init(
                        unit: j + 1, w1: ApproxText.value(w), b1: ApproxText.value(b), w2: ApproxText.value(v), role: role)
                },
                b2: ApproxText.value(handBuilt.outputBias),
                maxResidual: ApproxText.significant(handBuiltMaxResidual ?? .nan, digits: 3))
        }
        return ApproxReportView.Fit(
            number: number,
            xText: "\(ApproxText.value(x.first!)), \(ApproxText.value(x[1])), …, \(ApproxText.value(x.last!))",
            tText: t.map { ApproxText.value($0) }.joined(separator: ", "), need: needSentence,
            outcome: outcomeSentence, handBuilt: hand, fitFigure: figure("fit_\(number)"), note: note,
            parameters: parameterRows, outputBias: ApproxText.significant(self.best.outputBias),
            residuals: (0..<x.count).map { i in
                .init(
                    x: ApproxText.value(x[i]), t: ApproxText.value(t[i]),
                    y: ApproxText.significant(predictions[i], digits: 6), r: ApproxText.significant(residuals[i], digits: 3))
            },
            startsFigure: figure("starts_\(number)"),
            starts: starts.map { s in
                .init(
                    number: s.index + 1, isBest: s.index == best.index, loss: ApproxText.significant(s.loss, digits: 3),
                    maxResidual: ApproxText.significant(s.maxResidual, digits: 3),
                    exact: s.isExact ? "yes" : (s.diverged ? "diverged" : "no"),
                    kinks: s.kinks.isEmpty ? "none" : s.kinks.map { ApproxText.fixed($0) }.joined(separator: ", "),
                    dead: s.deadUnits.isEmpty ? "–" : s.deadUnits.map { String($0 + 1) }.joined(separator: ", "))
            })
    }

    /// What the data ask of the network: turns, the kinks they need, and whether an exact
    /// fit with `hiddenUnits` units exists.
    var needSentence: String {
        let units = ApproxText.count(hiddenUnits, "unit")
        var text: String
        if turns.isEmpty {
            text = "The data never change direction, so no kink is forced by a turn. "
        } else {
            text = "The data change direction \(ApproxText.count(turns.count, "time")) (at x = "
                + "\(ApproxText.list(turns.map { ApproxText.value($0) }))). Between two kinks a ReLU network is one straight "
                + "line, and a straight line cannot turn, so an exact fit needs at least \(ApproxText.count(turns.count, "kink")); "
                + "\(units) can make at most \(hiddenUnits). "
        }
        if turns.count > hiddenUnits {
            text += "So no network with \(units) passes through every point: some error must remain."
            return text
        }
        let changes = ApproxText.list(slopeChanges.map { ApproxText.value($0.x) })
        let amounts = ApproxText.list(slopeChanges.map { ApproxText.signedValue($0.change) })
        if handBuilt != nil {
            text += "That is enough, and here is a network to prove it: the straight lines joining neighbouring points change "
                + "slope at x = \(changes) (by \(amounts)), and one unit for the first slope plus one unit per slope change "
                + "(\(ApproxText.count(handBuiltUnits, "unit")) in all) draw exactly that polyline (table below). "
                + "So an exact \(hiddenUnits)-unit fit exists; whether gradient descent finds it is another question."
        } else {
            text += "The polyline through the points changes slope at x = \(changes) and takes "
                + "\(ApproxText.count(handBuiltUnits, "unit")) to draw, more than \(hiddenUnits); this count alone does not "
                + "settle whether some other \(hiddenUnits)-unit network fits exactly."
        }
        return text
    }

    var outcomeSentence: String {
        let best = bestStart
        let tolerance = ApproxText.significant(exactTolerance, digits: 1)
        var text = "Of \(ApproxText.count(starts.count, "random start")), \(exactCount) reached an exact fit "
            + "(every |residual| below \(tolerance)). "
        text += "The best, start \(best.index + 1), ended with mean squared error \(ApproxText.significant(best.loss, digits: 3)) "
            + "and largest |residual| \(ApproxText.significant(best.maxResidual, digits: 3))"
        if kinks.isEmpty {
            text += ", with no kink inside the data."
        } else {
            text += ", bending at x = \(ApproxText.list(kinks.map { ApproxText.fixed($0.x) }))."
        }
        // Only the values at the data points are fixed: a kink may sit anywhere between the right two points.
        let offPoints = kinks.filter { k in !x.contains { abs($0 - k.x) < 1e-6 } }
        if best.isExact, !offPoints.isEmpty {
            text += " Exact fits are not unique: only the values at the data points are pinned down, so a kink may sit "
                + "anywhere between the right two points (here x = \(ApproxText.list(offPoints.map { ApproxText.fixed($0.x, decimals: 3) }))), "
                + "and two units may share one bend."
        }
        return text
    }

    /// One row per unit of the best network.
    var parameterRows: [ApproxReportView.Fit.Parameter] {
        let n = best
        return (0..<n.hiddenCount).map { j in
            let w = n.hiddenWeights[j], b = n.hiddenBiases[j], v = n.outputWeights[j]
            let on: String
            switch activePoints[j] {
            case 0: on = "none: dead"
            case x.count: on = "all \(x.count)"
            default: on = "\(activePoints[j]) of \(x.count)"
            }
            return ApproxReportView.Fit.Parameter(
                unit: j + 1, w1: ApproxText.significant(w), b1: ApproxText.significant(b), w2: ApproxText.significant(v),
                kink: w == 0 ? "–" : ApproxText.position(-b / w, decimals: 3), slopeChange: ApproxText.signed(v * abs(w)),
                on: on)
        }
    }

    /// Why starts failed (or that none did), from where they stopped.
    var note: ApproxReportView.Fit.Note? {
        let stalled = starts.filter { !$0.isExact }
        guard !stalled.isEmpty else {
            return .init(headline: "Every start found an exact fit.", text: "With these data and settings no start stalled.")
        }
        let headline = exactCount == 0
            ? "No start reached an exact fit."
            : "\(exactCount) of \(starts.count) starts found an exact fit; \(stalled.count) stalled."
        var text = ""
        if exactCount == 0 {
            text += handBuilt != nil
                ? "This is not for want of units: the hand-built network above fits exactly with "
                    + "\(ApproxText.count(hiddenUnits, "unit")). "
                    + "Gradient descent did not find such weights from any of these starts. "
                : (turns.count > hiddenUnits
                    ? "No exact fit exists with \(ApproxText.count(hiddenUnits, "unit")) (see above), so every start must stall. "
                    : "")
        }
        text += plateauText(stalled)
        let withDead = stalled.filter { !$0.deadUnits.isEmpty }.count
        text += " Why they stop: gradient descent moves each kink a little at a time, downhill. "
            + "A unit whose active side (where W1·x + b1 > 0) holds no data point any more is dead: its output and its "
            + "gradient are 0 at every point, so it never comes back (\(withDead) of the \(stalled.count) stalled starts ended with a dead unit). "
            + "And carrying a kink across data points to a bend that lacks one first makes the fit worse, "
            + "so a start that spent its kinks elsewhere settles in a local minimum."
        return .init(headline: headline, text: text)
    }

    /// "They stopped on 3 plateaus: MSE 0.862 (11 starts; e.g. start 2 with 2 kinks inside the
    /// data, largest miss at x = 6), ..."
    func plateauText(_ stalled: [Start]) -> String {
        var groups: [(key: String, starts: [Start])] = []
        for s in stalled {
            let key = s.diverged ? "diverged" : ApproxText.significant(s.loss, digits: 3)
            if let i = groups.firstIndex(where: { $0.key == key }) {
                groups[i].starts.append(s)
            } else {
                groups.append((key, [s]))
            }
        }
        groups.sort { $0.starts.count != $1.starts.count ? $0.starts.count > $1.starts.count : $0.key < $1.key }
        let parts = groups.map { group -> String in
            let example = group.starts[0]
            if group.key == "diverged" {
                return "diverged (\(ApproxText.count(group.starts.count, "start")): the learning rate is too high)"
            }
            let kinks = example.kinks.isEmpty ? "no kink" : ApproxText.count(example.kinks.count, "kink")
            var part = "MSE \(group.key) (" + (group.starts.count == 1 ? "start \(example.index + 1)" : "\(group.starts.count) starts; e.g. start \(example.index + 1)")
                + ", with \(kinks) inside the data"
            if !example.deadUnits.isEmpty { part += ", \(ApproxText.count(example.deadUnits.count, "dead unit"))" }
            part += ", largest miss \(ApproxText.significant(example.maxResidual, digits: 2)) at x = \(ApproxText.value(example.worstX)))"
            return part
        }
        let intro = groups.count == 1
            ? "The stalled starts all stopped at "
            : "The stalled starts stopped on \(groups.count) plateaus: "
        return intro + ApproxText.list(parts) + "."
    }
}
