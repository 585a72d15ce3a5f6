/// A network with one input, one hidden layer of H ReLU units and a linear output, in Double:
///
///     z_j = W1_j · x + b1_j,   a_j = max(0, z_j),   y = Σ_j W2_j · a_j + b2.
///
/// Each unit is a hinge: flat on one side of its kink x = −b1_j / W1_j and a straight line on
/// the other, so y is piecewise linear with at most H kinks.
///
/// Shapes: `w1`, `b1`, `w2` (H); `b2` a scalar. The same type holds gradients.
public struct ReLUNetwork1D: Hashable, Sendable {
    /// Input weights W1, (H).
    public var w1: [Double]
    /// Hidden biases b1, (H).
    public var b1: [Double]
    /// Output weights W2, (H).
    public var w2: [Double]
    /// Output bias b2.
    public var b2: Double

    public init(w1: [Double], b1: [Double], w2: [Double], b2: Double) {
        precondition(
            w1.count == b1.count && b1.count == w2.count,
            "a ReLU network needs W1, b1 and W2 of one length, got \(w1.count), \(b1.count), \(w2.count)")
        self.w1 = w1
        self.b1 = b1
        self.w2 = w2
        self.b2 = b2
    }

    /// The network of `hiddenUnits` units with every parameter 0.
    public init(zerosWithHiddenUnits hiddenUnits: Int) {
        let zeros = [Double](repeating: 0, count: hiddenUnits)
        self.init(w1: zeros, b1: zeros, w2: zeros, b2: 0)
    }

    /// Number of hidden units H.
    public var hiddenUnits: Int { w1.count }

    /// Number of parameters, 3H + 1.
    public var parameterCount: Int { 3 * hiddenUnits + 1 }

    /// All parameters in the order W1, b1, W2, b2, (3H + 1).
    public var flattened: [Double] { w1 + b1 + w2 + [b2] }

    /// The network whose parameters are `flat` in the order W1, b1, W2, b2, (3H + 1).
    public init(flattened flat: [Double], hiddenUnits h: Int) {
        precondition(flat.count == 3 * h + 1, "\(h) hidden units need \(3 * h + 1) parameters, got \(flat.count)")
        self.init(w1: Array(flat[0..<h]), b1: Array(flat[h..<(2 * h)]), w2: Array(flat[(2 * h)..<(3 * h)]), b2: flat[3 * h])
    }

    /// The output y(x).
    public func callAsFunction(_ x: Double) -> Double {
        var y = b2
        for j in 0..<hiddenUnits {
            y += w2[j] * max(0, w1[j] * x + b1[j])
        }
        return y
    }

    /// The outputs at each of `xs`, (n) -> (n).
    public func evaluate(_ xs: [Double]) -> [Double] { xs.map { self($0) } }

    /// Unit j's part of the output, W2_j · max(0, W1_j · x + b1_j).
    public func contribution(ofUnit j: Int, at x: Double) -> Double {
        w2[j] * max(0, w1[j] * x + b1[j])
    }

    /// Where unit j bends: x = −b1_j / W1_j, or nil when W1_j = 0 (the unit is constant).
    public func kink(ofUnit j: Int) -> Double? {
        w1[j] == 0 ? nil : -b1[j] / w1[j]
    }

    /// How much unit j changes the slope of y at its kink: W2_j · |W1_j| (the slope on the
    /// right minus the slope on the left, whichever side the unit is active on).
    public func slopeChange(ofUnit j: Int) -> Double {
        w2[j] * abs(w1[j])
    }

    /// For each unit, at how many of `xs` it is active (pre-activation > 0), (n) -> (H).
    public func activeCounts(on xs: [Double]) -> [Int] {
        (0..<hiddenUnits).map { j in xs.filter { w1[j] * $0 + b1[j] > 0 }.count }
    }

    /// Units whose pre-activation is ≤ 0 at every x of `xs`: their output and every gradient
    /// through them are 0 there, so gradient descent on these points can never revive them.
    public func deadUnits(on xs: [Double]) -> [Int] {
        activeCounts(on: xs).enumerated().filter { $0.element == 0 }.map(\.offset)
    }

    /// The kinks strictly inside `range` of units that change the slope by more than
    /// `minimumSlopeChange` (a unit with W2 ≈ 0 has a kink but no visible bend), as (unit, x)
    /// sorted by x (then unit).
    public func kinks(inside range: ClosedRange<Double>, minimumSlopeChange: Double = 0) -> [(unit: Int, x: Double)] {
        (0..<hiddenUnits).compactMap { j -> (unit: Int, x: Double)? in
            guard let x = kink(ofUnit: j), x > range.lowerBound, x < range.upperBound,
                abs(slopeChange(ofUnit: j)) > minimumSlopeChange
            else { return nil }
            return (j, x)
        }.sorted { ($0.x, $0.unit) < ($1.x, $1.unit) }
    }
}
