/// A one-hidden-layer ReLU network fitted to a small data set from several starts, as the
/// approx report shows it.
public struct ApproxFit: Sendable {
    /// 1-based number of the data set, used in file names (`fit_1.png`).
    public var number: Int
    /// The data, (n) and (n).
    public var x: [Double]
    public var t: [Double]
    public var hiddenUnits: Int
    /// A fit is exact when every |residual| is below this.
    public var exactTolerance: Double
    public var starts: [Start]
    /// Position in `starts` of the start with the lowest loss.
    public var bestIndex: Int
    /// The best start's network (ReLU hidden units).
    public var best: ApproxNetwork
    /// The best network's outputs at `x`, (n).
    public var predictions: [Double]
    /// Where the fit figure draws the network.
    public var plotRange: ClosedRange<Double>
    /// The best network over `plotRange`.
    public var curve: ApproxCurve
    /// Each unit's part W2_j · max(0, W1_j · x + b1_j) over `plotRange`, (H).
    public var unitCurves: [ApproxCurve]
    /// The best network's kinks strictly inside the data's x range.
    public var kinks: [Kink]
    /// Units of the best network that are inactive on every data point.
    public var deadUnits: [Int]
    /// For each unit of the best network, on how many data points it is active (z > 0), (H).
    public var activePoints: [Int]
    /// Where the data turn (the slope changes sign): each turn needs a kink of its own.
    public var turns: [Double]
    /// Where the polyline through the points changes slope, with the change.
    public var slopeChanges: [(x: Double, change: Double)]
    /// Units of the hand-built network (first slope plus one per slope change).
    public var handBuiltUnits: Int
    /// The polyline through the points written as a ReLU network, when `hiddenUnits` suffice.
    public var handBuilt: ApproxNetwork?
    /// Its largest |residual| (0 up to rounding).
    public var handBuiltMaxResidual: Double?

    public init(
        number: Int, x: [Double], t: [Double], hiddenUnits: Int, exactTolerance: Double, starts: [Start],
        bestIndex: Int, best: ApproxNetwork, predictions: [Double], plotRange: ClosedRange<Double>, curve: ApproxCurve,
        unitCurves: [ApproxCurve], kinks: [Kink], deadUnits: [Int], activePoints: [Int], turns: [Double],
        slopeChanges: [(x: Double, change: Double)], handBuiltUnits: Int, handBuilt: ApproxNetwork?,
        handBuiltMaxResidual: Double?
    ) {
        precondition(x.count == t.count && t.count == predictions.count, "data and predictions differ in length")
        precondition(starts.indices.contains(bestIndex), "best start \(bestIndex) is not among \(starts.count) starts")
        self.number = number
        self.x = x
        self.t = t
        self.hiddenUnits = hiddenUnits
        self.exactTolerance = exactTolerance
        self.starts = starts
        self.bestIndex = bestIndex
        self.best = best
        self.predictions = predictions
        self.plotRange = plotRange
        self.curve = curve
        self.unitCurves = unitCurves
        self.kinks = kinks
        self.deadUnits = deadUnits
        self.activePoints = activePoints
        self.turns = turns
        self.slopeChanges = slopeChanges
        self.handBuiltUnits = handBuiltUnits
        self.handBuilt = handBuilt
        self.handBuiltMaxResidual = handBuiltMaxResidual
    }

    /// One start of gradient descent.
    public struct Start: Sendable, Equatable {
        /// 0-based, as its random stream is numbered.
        public var index: Int
        public var loss: Double
        public var maxResidual: Double
        public var isExact: Bool
        public var diverged: Bool
        public var deadUnits: [Int]
        /// Kinks of its final network inside the data's x range, in increasing x.
        public var kinks: [Double]
        /// Where its largest |residual| is.
        public var worstX: Double
        /// Steps at which the loss and max |residual| were recorded.
        public var historySteps: [Int]
        public var historyLosses: [Double]
        public var historyMaxResiduals: [Double]

        public init(
            index: Int, loss: Double, maxResidual: Double, isExact: Bool, diverged: Bool, deadUnits: [Int],
            kinks: [Double], worstX: Double, historySteps: [Int], historyLosses: [Double], historyMaxResiduals: [Double]
        ) {
            self.index = index
            self.loss = loss
            self.maxResidual = maxResidual
            self.isExact = isExact
            self.diverged = diverged
            self.deadUnits = deadUnits
            self.kinks = kinks
            self.worstX = worstX
            self.historySteps = historySteps
            self.historyLosses = historyLosses
            self.historyMaxResiduals = historyMaxResiduals
        }
    }

    /// Where a unit bends the fit.
    public struct Kink: Sendable, Equatable {
        /// 0-based unit index.
        public var unit: Int
        public var x: Double
        /// The network's output there.
        public var y: Double
        /// Slope right of the kink minus slope left of it.
        public var slopeChange: Double

        public init(unit: Int, x: Double, y: Double, slopeChange: Double) {
            self.unit = unit
            self.x = x
            self.y = y
            self.slopeChange = slopeChange
        }
    }

    /// The best start.
    public var bestStart: Start { starts[bestIndex] }

    /// Starts that ended in an exact fit.
    public var exactCount: Int { starts.filter(\.isExact).count }

    /// Residuals of the best network, prediction − target, (n).
    public var residuals: [Double] { zip(predictions, t).map { $0 - $1 } }
}
