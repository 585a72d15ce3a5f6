/// A function on [−B, B] approximated by N boxes of equal width δ = 2B / N, each as high as
/// the function at the box's centre: a staircase computed by a step network with 2N hidden
/// neurons (two per box, ``StepNetwork/box(height:start:width:)``).
///
/// For an L-Lipschitz f every point is within δ/2 of its box's centre, so the error is at
/// most L · δ/2 = L · B / N: it shrinks like 1/N.
public struct BoxApproximation: Sendable {
    /// Number of boxes N.
    public let count: Int
    public let interval: ClosedRange<Double>
    /// Box edges e_0 = −B < e_1 < ... < e_N = B, (N + 1).
    public let edges: [Double]
    /// Box centres, (N).
    public let centres: [Double]
    /// Box heights f(centre), (N).
    public let heights: [Double]
    /// The staircase as a network: neurons 2k and 2k + 1 make box k.
    public let network: StepNetwork

    /// Approximates `target` on its interval by `count` boxes.
    public init(_ target: TargetFunction, boxes count: Int) {
        precondition(count > 0, "a box approximation needs at least one box, got \(count)")
        let lo = target.interval.lowerBound, hi = target.interval.upperBound
        // Edges as integer multiples of the width, not a running sum that drifts; the last is hi exactly.
        let edges = (0...count).map { k in k == count ? hi : lo + Double(k) * (hi - lo) / Double(count) }
        let centres = (0..<count).map { (edges[$0] + edges[$0 + 1]) / 2 }
        let heights = centres.map { target($0) }
        var network = StepNetwork.zero
        for k in 0..<count {
            network = network.adding(.box(height: heights[k], start: edges[k], width: edges[k + 1] - edges[k]))
        }
        self.count = count
        self.interval = target.interval
        self.edges = edges
        self.centres = centres
        self.heights = heights
        self.network = network
    }

    /// The box width δ = 2B / N.
    public var boxWidth: Double { (interval.upperBound - interval.lowerBound) / Double(count) }

    /// The staircase's value at `x` (0 outside [−B, B)).
    public func callAsFunction(_ x: Double) -> Double { network(x) }

    /// The same staircase with N + 1 neurons: neighbouring boxes share an edge, where one box's
    /// "off" neuron and the next box's "on" neuron switch together and merge into one neuron
    /// with output weight h_k − h_(k−1).
    public var mergedNetwork: StepNetwork {
        var outputs: [Double] = []
        for k in 0...count {
            let up = k < count ? heights[k] : 0
            let down = k > 0 ? heights[k - 1] : 0
            outputs.append(up - down)
        }
        return StepNetwork(
            hiddenWeights: Array(repeating: 1, count: count + 1), hiddenBiases: edges.map { 0 - $0 },
            outputWeights: outputs)
    }

    /// The upper bound L · δ/2 on the error of a midpoint staircase of an L-Lipschitz function.
    public func errorBound(lipschitz: Double) -> Double { lipschitz * boxWidth / 2 }

    /// Grid cells the error is measured on: divisible by 4, 8, 16 and 32 (and 3 and 5), so the
    /// cell midpoints never fall on a box edge for those box counts.
    public static let errorGridCells = 9600

    /// The error against `target` at the midpoints of `cells` equal cells of the interval
    /// (midpoints, so the right end B, where the half-open last box has already switched off,
    /// is not sampled).
    public func error(against target: TargetFunction, cells: Int = errorGridCells) -> ErrorSummary {
        precondition(cells > 0, "the error grid needs at least one cell, got \(cells)")
        let lo = interval.lowerBound, width = (interval.upperBound - lo) / Double(cells)
        let xs = (0..<cells).map { lo + (Double($0) + 0.5) * width }
        return ErrorSummary(residuals: xs.map { self($0) - target($0) }, at: xs)
    }
}

/// How far an approximation is from its target over a set of points.
public struct ErrorSummary: Hashable, Sendable {
    /// max |approximation − target|.
    public var maxAbsolute: Double
    /// Root mean square of approximation − target.
    public var rms: Double
    /// Where the largest error occurs (the first such point).
    public var worstX: Double

    public init(maxAbsolute: Double, rms: Double, worstX: Double) {
        self.maxAbsolute = maxAbsolute
        self.rms = rms
        self.worstX = worstX
    }

    /// The summary of `residuals` (approximation − target) measured at `xs`, (n), (n).
    public init(residuals: [Double], at xs: [Double]) {
        precondition(
            residuals.count == xs.count && !xs.isEmpty,
            "an error summary needs as many residuals as points (at least one), got \(residuals.count) and \(xs.count)")
        var worst = 0, sum = 0.0
        for (i, r) in residuals.enumerated() {
            if abs(r) > abs(residuals[worst]) { worst = i }
            sum += r * r
        }
        self.init(maxAbsolute: abs(residuals[worst]), rms: (sum / Double(residuals.count)).squareRoot(), worstX: xs[worst])
    }
}
