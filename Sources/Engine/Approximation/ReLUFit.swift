import Randomness
/// One start of a multi-start fit: where gradient descent began and where it ended.
public struct ReLUStart: Hashable, Sendable {
    /// 0-based start number; its random stream is `SplitMix64(seed: seed, stream: index)`.
    public var index: Int
    public var initial: ReLUNetwork1D
    /// The network after the last step (with non-finite parameters when the start diverged).
    public var final: ReLUNetwork1D
    /// Mean squared error of `final`.
    public var loss: Double
    /// Largest |residual| of `final` over the data points.
    public var maxResidual: Double
    /// Whether every |residual| is below the configuration's exact tolerance.
    public var isExact: Bool
    /// Whether the loss stopped being a finite number (the learning rate was too high).
    public var diverged: Bool
    /// Units of `final` inactive on every data point (see ``ReLUNetwork1D/deadUnits(on:)``).
    public var deadUnits: [Int]
    /// Steps at which the loss was recorded: 0, then about every steps / historyPoints, and the last.
    public var historySteps: [Int]
    /// The loss after each of `historySteps` updates.
    public var historyLosses: [Double]
    /// The largest |residual| after each of `historySteps` updates.
    public var historyMaxResiduals: [Double]

    public init(
        index: Int, initial: ReLUNetwork1D, final: ReLUNetwork1D, loss: Double, maxResidual: Double, isExact: Bool,
        diverged: Bool, deadUnits: [Int], historySteps: [Int], historyLosses: [Double],
        historyMaxResiduals: [Double]
    ) {
        self.index = index
        self.initial = initial
        self.final = final
        self.loss = loss
        self.maxResidual = maxResidual
        self.isExact = isExact
        self.diverged = diverged
        self.deadUnits = deadUnits
        self.historySteps = historySteps
        self.historyLosses = historyLosses
        self.historyMaxResiduals = historyMaxResiduals
    }
}

/// The outcome of fitting one data set from several starts.
public struct ReLUFit: Sendable {
    /// The data, (n) and (n).
    public var x: [Double]
    public var t: [Double]
    public var configuration: ReLUFitConfiguration
    /// Every start, in order.
    public var starts: [ReLUStart]
    /// What the data need (turns, slope changes) and an exact network built by hand.
    public var analysis: KinkAnalysis

    public init(x: [Double], t: [Double], configuration: ReLUFitConfiguration, starts: [ReLUStart]) {
        precondition(!starts.isEmpty, "a fit needs at least one start")
        self.x = x
        self.t = t
        self.configuration = configuration
        self.starts = starts
        self.analysis = KinkAnalysis(x: x, t: t)
    }

    /// The position in `starts` of the start with the lowest finite loss (the first on ties; 0
    /// when all diverged).
    public var bestIndex: Int {
        var best: Int?
        for (i, s) in starts.enumerated() where s.loss.isFinite {
            if best == nil || s.loss < starts[best!].loss { best = i }
        }
        return best ?? 0
    }

    public var best: ReLUStart { starts[bestIndex] }

    /// How many starts ended in an exact fit.
    public var exactCount: Int { starts.filter(\.isExact).count }

    /// The data's x range, where kinks count.
    public var range: ClosedRange<Double> { x.min()!...x.max()! }

    /// Slope changes at or below this are not bends: 1e-6 of the steepest slope between
    /// neighbouring points (at least 1e-6).
    public var bendTolerance: Double { 1e-6 * max(1, analysis.slopes.map { abs($0) }.max() ?? 0) }

    /// The kinks of `network` inside the data's x range that bend it visibly, sorted by x.
    public func bends(of network: ReLUNetwork1D) -> [(unit: Int, x: Double)] {
        network.kinks(inside: range, minimumSlopeChange: bendTolerance)
    }

    /// The network built from the data's polyline, when H units suffice (see
    /// ``KinkAnalysis/interpolatingNetwork(hiddenUnits:)``).
    public var handBuilt: ReLUNetwork1D? { analysis.interpolatingNetwork(hiddenUnits: configuration.hiddenUnits) }
}
