import Engine
import Report

/// Turns the computed ``ApproxResults`` into the plain data of an ``ApproxReport``: sampled
/// curves, parameter arrays and the settings table.
struct ApproxReportBuilder {
    var results: ApproxResults
    var configuration: ReLUFitConfiguration
    var environment: EnvironmentInfo
    var command: String
    var title: String?

    /// Samples of f drawn under the staircases.
    static let targetSamples = 1200

    func build() -> ApproxReport {
        ApproxReport(
            title: title ?? "Universal approximation: boxes from step neurons, bends from ReLUs",
            box: box, staircase: staircase, fits: results.fits.enumerated().map { fit($1, number: $0 + 1) },
            settings: settings, environment: environment.rows.filter { $0.name != "BLAS" }, command: command,
            version: NNReportVersion.string)
    }

    var box: ApproxBox {
        let network = results.box
        let h = ApproxResults.boxHeight, start = ApproxResults.boxStart, width = ApproxResults.boxWidth
        let range = (start - 1)...(start + width + 1)
        let neurons = (0..<network.hiddenCount).map { j in
            curve(
                StepNetwork(
                    hiddenWeights: [network.hiddenWeights[j]], hiddenBiases: [network.hiddenBiases[j]],
                    outputWeights: [network.outputWeights[j]]
                ).graph(over: range))
        }
        let probes = [start - 0.5, start, start + width / 2, start + width, start + width + 0.5].map { x in
            ApproxBox.Probe(x: x, hidden: network.hidden(x), y: network(x))
        }
        return ApproxBox(
            height: h, start: start, width: width, network: Self.network(network),
            output: curve(network.graph(over: range)), neurons: neurons, probes: probes)
    }

    var staircase: ApproxStaircase {
        let target = ApproxResults.target
        let lo = target.interval.lowerBound, hi = target.interval.upperBound
        let xs = (0...Self.targetSamples).map { lo + (hi - lo) * Double($0) / Double(Self.targetSamples) }
        let levels = zip(results.staircases, results.errors).map { approximation, error in
            ApproxStaircase.Level(
                boxes: approximation.count, boxWidth: approximation.boxWidth, edges: approximation.edges,
                heights: approximation.heights, network: Self.network(approximation.network),
                mergedNeurons: approximation.mergedNetwork.hiddenCount,
                staircase: curve(approximation.network.graph(over: target.interval)), maxError: error.maxAbsolute,
                rmsError: error.rms, worstX: error.worstX,
                errorBound: approximation.errorBound(lipschitz: target.lipschitzBound))
        }
        return ApproxStaircase(
            formula: target.formula, interval: target.interval, lipschitzBound: target.lipschitzBound,
            lipschitzReason: target.lipschitzReason, target: ApproxCurve(x: xs, y: xs.map { target($0) }), levels: levels,
            errorGridCells: BoxApproximation.errorGridCells)
    }

    func fit(_ fit: ReLUFit, number: Int) -> ApproxFit {
        let range = fit.range
        let plotRange = (range.lowerBound - 0.5)...(range.upperBound + 0.5)
        let best = fit.best.final
        let starts = fit.starts.map { s in
            let residuals = s.final.residuals(x: fit.x, t: fit.t)
            var worst = 0
            for i in residuals.indices where abs(residuals[i]) > abs(residuals[worst]) { worst = i }
            return ApproxFit.Start(
                index: s.index, loss: s.loss, maxResidual: s.maxResidual, isExact: s.isExact, diverged: s.diverged,
                deadUnits: s.deadUnits, kinks: fit.bends(of: s.final).map(\.x), worstX: fit.x[worst],
                historySteps: s.historySteps, historyLosses: s.historyLosses, historyMaxResiduals: s.historyMaxResiduals)
        }
        let handBuilt = fit.handBuilt
        return ApproxFit(
            number: number, x: fit.x, t: fit.t, hiddenUnits: configuration.hiddenUnits,
            exactTolerance: configuration.exactTolerance, starts: starts, bestIndex: fit.bestIndex,
            best: Self.network(best), predictions: best.evaluate(fit.x), plotRange: plotRange,
            curve: curve(best.graph(over: plotRange)),
            unitCurves: (0..<best.hiddenUnits).map { curve(best.graph(ofUnit: $0, over: plotRange)) },
            kinks: fit.bends(of: best).map {
                ApproxFit.Kink(unit: $0.unit, x: $0.x, y: best($0.x), slopeChange: best.slopeChange(ofUnit: $0.unit))
            },
            deadUnits: best.deadUnits(on: fit.x), activePoints: best.activeCounts(on: fit.x), turns: fit.analysis.turns,
            slopeChanges: fit.analysis.slopeChanges, handBuiltUnits: fit.analysis.interpolantUnits,
            handBuilt: handBuilt.map(Self.network),
            handBuiltMaxResidual: handBuilt.map { net in net.residuals(x: fit.x, t: fit.t).map(abs).max() ?? 0 })
    }

    var settings: [(name: String, value: String)] {
        let c = configuration
        let target = ApproxResults.target
        return [
            ("--seed", String(c.seed)),
            ("--starts", "\(c.starts) per data set"),
            ("--steps", "\(c.steps) per start"),
            ("--lr", "\(ApproxText.value(c.learningRate)), Adam's peak rate, decaying along half a cosine to 0 at the last step"),
            ("optimiser", "Adam (β1 \(ApproxText.value(c.beta1)), β2 \(ApproxText.value(c.beta2)), ε \(ApproxText.significant(c.epsilon, digits: 1))), full batch: every step uses all points"),
            ("loss", "mean squared error (1/n)·Σ(y − t)², in Double precision"),
            ("network", "1 → \(c.hiddenUnits) ReLU → 1"),
            ("starting points", ReLUFitConfiguration.initialisationText + "; start k draws from SplitMix64(seed, stream k − 1)"),
            ("exact fit", "every |residual| < \(ApproxText.significant(c.exactTolerance, digits: 1))"),
            ("box", "height \(ApproxText.value(ApproxResults.boxHeight)) on [\(ApproxText.value(ApproxResults.boxStart)), \(ApproxText.value(ApproxResults.boxStart + ApproxResults.boxWidth)))"),
            ("staircases", "f(x) = \(target.formula) on [\(ApproxText.value(target.interval.lowerBound)), \(ApproxText.value(target.interval.upperBound))], N = \(ApproxResults.boxCounts.map(String.init).joined(separator: ", ")) boxes"),
        ]
    }

    func curve(_ graph: (x: [Double], y: [Double])) -> ApproxCurve {
        ApproxCurve(x: graph.x, y: graph.y)
    }

    static func network(_ n: StepNetwork) -> ApproxNetwork {
        ApproxNetwork(hiddenWeights: n.hiddenWeights, hiddenBiases: n.hiddenBiases, outputWeights: n.outputWeights, outputBias: n.outputBias)
    }

    static func network(_ n: ReLUNetwork1D) -> ApproxNetwork {
        ApproxNetwork(hiddenWeights: n.w1, hiddenBiases: n.b1, outputWeights: n.w2, outputBias: n.b2)
    }
}
