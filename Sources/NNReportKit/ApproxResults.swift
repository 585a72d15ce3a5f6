import Engine
import Foundation

/// What `nnreport approx` computes: the box, the staircases and the ReLU fits, before any of it
/// becomes a figure or a table.
struct ApproxResults {
    /// The box of write-up 000: height h on [start, start + δ).
    static let boxHeight = 1.5
    static let boxStart = 0.0
    static let boxWidth = 2.0
    /// The smooth function and the box counts of the staircases.
    static let target = TargetFunction.sinMix
    static let boxCounts = [4, 8, 16, 32]
    /// The two data sets of write-up 001.
    static let dataSets: [(x: [Double], t: [Double])] = [
        ((0...12).map(Double.init), [8, 6, 4, 2, 0, 2, 4, 2, 0, 2, 4, 6, 8]),
        ((0...10).map(Double.init), [0, 1, 2, 3, 2, 1, 2, 3, 4, 5, 6]),
    ]

    var box: StepNetwork
    var staircases: [BoxApproximation]
    var errors: [ErrorSummary]
    var fits: [ReLUFit]
    /// Wall-clock time of the fits.
    var fitSeconds: Double

    /// Computes everything; `note` hears what is being fitted.
    static func compute(configuration: ReLUFitConfiguration, note: (String) -> Void) -> ApproxResults {
        let box = StepNetwork.box(height: boxHeight, start: boxStart, width: boxWidth)
        let staircases = boxCounts.map { BoxApproximation(target, boxes: $0) }
        let errors = staircases.map { $0.error(against: target) }
        let clock = ContinuousClock()
        let started = clock.now
        var fits: [ReLUFit] = []
        for (i, data) in dataSets.enumerated() {
            note("data set \(i + 1): fitting \(configuration.hiddenUnits) ReLU units from \(configuration.starts) starts, \(configuration.steps) Adam steps each")
            fits.append(ReLUFitter.fit(x: data.x, t: data.t, configuration: configuration))
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return ApproxResults(box: box, staircases: staircases, errors: errors, fits: fits, fitSeconds: seconds)
    }
}
