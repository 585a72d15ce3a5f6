/// A network with one input, one hidden layer of unit-step neurons and a linear output:
///
///     y(x) = c + Σ_j v_j · σ(w_j · x + b_j),   σ(z) = 1 if z ≥ 0, else 0.
///
/// This is the network of the universal-approximation argument: two step neurons make a box
/// (``box(height:start:width:)``), and a row of boxes makes a staircase that follows any
/// bounded function as closely as wanted (``BoxApproximation``).
///
/// Shapes: `w`, `b`, `v` (H) for H hidden neurons; `c` a scalar.
public struct StepNetwork: Hashable, Sendable {
    /// Input weight of each hidden neuron, `w` (H).
    public var hiddenWeights: [Double]
    /// Bias of each hidden neuron, `b` (H): neuron j switches on where `w_j · x + b_j ≥ 0`.
    public var hiddenBiases: [Double]
    /// Weight of each hidden neuron in the output sum, `v` (H).
    public var outputWeights: [Double]
    /// Output bias `c`.
    public var outputBias: Double

    public init(hiddenWeights: [Double], hiddenBiases: [Double], outputWeights: [Double], outputBias: Double = 0) {
        precondition(
            hiddenWeights.count == hiddenBiases.count && hiddenBiases.count == outputWeights.count,
            "a step network needs as many biases and output weights as hidden weights, got "
                + "\(hiddenWeights.count), \(hiddenBiases.count), \(outputWeights.count)")
        self.hiddenWeights = hiddenWeights
        self.hiddenBiases = hiddenBiases
        self.outputWeights = outputWeights
        self.outputBias = outputBias
    }

    /// Number of hidden neurons H.
    public var hiddenCount: Int { hiddenWeights.count }

    /// The unit step σ(z): 1 for z ≥ 0, else 0 (so a box built from it includes its left edge
    /// and excludes its right one).
    @inlinable
    public static func step(_ z: Double) -> Double { z >= 0 ? 1 : 0 }

    /// The box of height `height` on `[start, start + width)` from two step neurons:
    ///
    ///     n1 = σ(1 · x − start),  n2 = σ(1 · x − (start + width)),  y = height · n1 − height · n2.
    ///
    /// Left of `start` both neurons are off (y = 0); between the edges only n1 is on (y = h);
    /// from `start + width` on both are on and cancel (y = h − h = 0).
    public static func box(height: Double, start: Double, width: Double) -> StepNetwork {
        precondition(width > 0 && width.isFinite, "a box needs a positive finite width, got \(width)")
        // 0 - start rather than -start: a box at 0 gets the bias 0, not -0 (printed as "-0").
        return StepNetwork(
            hiddenWeights: [1, 1], hiddenBiases: [0 - start, 0 - (start + width)], outputWeights: [height, 0 - height])
    }

    /// The hidden activations σ(w_j · x + b_j) at `x`, (H).
    public func hidden(_ x: Double) -> [Double] {
        (0..<hiddenCount).map { Self.step(hiddenWeights[$0] * x + hiddenBiases[$0]) }
    }

    /// The output y(x).
    public func callAsFunction(_ x: Double) -> Double {
        var y = outputBias
        for j in 0..<hiddenCount where hiddenWeights[j] * x + hiddenBiases[j] >= 0 {
            y += outputWeights[j]
        }
        return y
    }

    /// The outputs at each of `xs`, (n) -> (n).
    public func evaluate(_ xs: [Double]) -> [Double] { xs.map { self($0) } }

    /// Where each hidden neuron switches: x = −b_j / w_j (nil for a neuron with w_j = 0, which
    /// is constant), (H).
    public var switchPoints: [Double?] {
        zip(hiddenWeights, hiddenBiases).map { w, b in w == 0 ? nil : -b / w }
    }

    /// The neurons of `self` followed by those of `other`, outputs added.
    public func adding(_ other: StepNetwork) -> StepNetwork {
        StepNetwork(
            hiddenWeights: hiddenWeights + other.hiddenWeights, hiddenBiases: hiddenBiases + other.hiddenBiases,
            outputWeights: outputWeights + other.outputWeights, outputBias: outputBias + other.outputBias)
    }

    /// The network with no neurons and output 0.
    public static let zero = StepNetwork(hiddenWeights: [], hiddenBiases: [], outputWeights: [])
}
