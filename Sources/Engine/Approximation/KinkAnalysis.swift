/// What a set of points (x_i, t_i) asks of a one-input ReLU network, read off the straight
/// lines joining neighbouring points.
///
/// A ReLU network with H hidden units is a continuous piecewise-linear function with at most H
/// kinks. Between two kinks it is one straight line, which cannot turn round: every place where
/// the data change direction (up to down or down to up) needs a kink of its own. And the
/// polyline through the points, which changes slope only at data points, is itself such a
/// function, so kinks at its slope changes are always enough.
public struct KinkAnalysis: Sendable {
    /// Inputs in increasing order, (n).
    public let x: [Double]
    /// Targets, (n).
    public let t: [Double]
    /// Slope of each segment between neighbouring points, (n − 1).
    public let slopes: [Double]
    /// The inner points where the slope changes, with the change (right slope − left slope).
    public let slopeChanges: [(x: Double, change: Double)]
    /// The inner points where the data turn: the sign of the slope flips (flat stretches carry
    /// the previous direction).
    public let turns: [Double]

    /// Analyses the points `(x[i], t[i])`; `x` must increase strictly.
    public init(x: [Double], t: [Double]) {
        precondition(x.count == t.count && x.count >= 2, "need as many targets as inputs (at least two), got \(x.count) and \(t.count)")
        precondition(zip(x, x.dropFirst()).allSatisfy { $0 < $1 }, "inputs must increase strictly, got \(x)")
        var slopes: [Double] = []
        for i in 0..<(x.count - 1) {
            slopes.append((t[i + 1] - t[i]) / (x[i + 1] - x[i]))
        }
        // Slopes that differ only by rounding are the same line.
        let scale: Double = slopes.map { abs($0) }.max() ?? 0
        let tolerance = max(scale, 1) * 1e-12
        var changes: [(x: Double, change: Double)] = []
        var turns: [Double] = []
        var direction = 0.0
        for i in 1..<slopes.count {
            let change = slopes[i] - slopes[i - 1]
            if abs(change) > tolerance { changes.append((x[i], change)) }
        }
        for i in slopes.indices where abs(slopes[i]) > tolerance {
            let sign: Double = slopes[i] > 0 ? 1 : -1
            if direction != 0, sign != direction { turns.append(x[i]) }
            direction = sign
        }
        self.x = x
        self.t = t
        self.slopes = slopes
        self.slopeChanges = changes
        self.turns = turns
    }

    /// The fewest kinks any exact fit needs: one per turn of the data.
    public var minimumKinks: Int { turns.count }

    /// Hidden units of ``interpolatingNetwork(hiddenUnits:)``: one per slope change, plus one
    /// for the first segment's slope when it is not flat.
    public var interpolantUnits: Int {
        slopeChanges.count + (abs(slopes[0]) > 0 ? 1 : 0)
    }

    /// A ReLU network that passes through every point exactly (up to rounding): the polyline
    /// through the points, written as ReLU units. Nil when it needs more than `hiddenUnits`.
    ///
    /// Unit 0, `s_0 · max(0, x − (x_0 − 1))`, is active on the whole range and carries the first
    /// slope s_0 (its kink lies left of the data); each slope change Δ at x_i adds
    /// `Δ · max(0, x − x_i)`; b2 = t_0 − s_0 puts the line through the first point. Units left
    /// over have every parameter 0.
    public func interpolatingNetwork(hiddenUnits: Int) -> ReLUNetwork1D? {
        guard interpolantUnits <= hiddenUnits else { return nil }
        var w1: [Double] = [], b1: [Double] = [], w2: [Double] = []
        var b2 = t[0]
        if abs(slopes[0]) > 0 {
            w1.append(1)
            b1.append(1 - x[0])
            w2.append(slopes[0])
            b2 -= slopes[0]
        }
        for change in slopeChanges {
            w1.append(1)
            b1.append(0 - change.x)
            w2.append(change.change)
        }
        while w1.count < hiddenUnits {
            w1.append(0)
            b1.append(0)
            w2.append(0)
        }
        return ReLUNetwork1D(w1: w1, b1: b1, w2: w2, b2: b2)
    }
}
