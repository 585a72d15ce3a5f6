import Randomness
/// How a dense layer's weights and biases are drawn before training.
public enum Initializer: Sendable, Equatable {
    /// N(0, 1/max(n_in, n_out)), zero biases: the NumPy homework's rule.
    case homework
    /// Glorot/Xavier uniform, U(±√(6/(n_in+n_out))), zero biases: the Keras `Dense` default.
    case xavier
    /// He/Kaiming normal, N(0, 2/n_in), zero biases: suited to ReLU.
    case he
    /// PyTorch's `nn.Linear` default: weights and biases U(±1/√n_in).
    case pytorch
    /// N(0, std²), zero biases: cs231n's `TwoLayerNet(std=1e-4)`.
    case gaussian(std: Double)

    /// The command-line names, in the order `--help` lists them.
    public static let names = ["homework", "xavier", "he", "pytorch", "gaussian:STD"]

    /// The name used on the command line and in summary.json (`gaussian:0.0001`).
    public var name: String {
        switch self {
        case .homework: "homework"
        case .xavier: "xavier"
        case .he: "he"
        case .pytorch: "pytorch"
        case .gaussian(let std): "gaussian:\(std)"
        }
    }

    /// Parses a name as written by ``name``; nil when it is not one.
    public init?(name: String) {
        switch name.lowercased() {
        case "homework": self = .homework
        case "xavier", "glorot": self = .xavier
        case "he", "kaiming": self = .he
        case "pytorch", "torch": self = .pytorch
        default:
            let parts = name.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "gaussian", let std = Double(parts[1]), std > 0,
                std.isFinite
            else { return nil }
            self = .gaussian(std: std)
        }
    }

    /// Fills `weights` (out × in values) and `biases` (out values).
    public func fill(
        weights: inout [Float], biases: inout [Float], inputs: Int, outputs: Int, generator: inout SplitMix64
    ) {
        precondition(
            weights.count == inputs * outputs && biases.count == outputs,
            "initializer shapes \(weights.count), \(biases.count) for \(outputs)x\(inputs)")
        fill(weights: &weights, biases: &biases, fanIn: inputs, fanOut: outputs, generator: &generator)
    }

    /// Fills `weights` and `biases` with the scales of a layer whose units see `fanIn` inputs and
    /// feed `fanOut` outputs. For a convolution these are PyTorch's fans: `in × kh × kw` and
    /// `out × kh × kw`.
    public func fill(
        weights: inout [Float], biases: inout [Float], fanIn: Int, fanOut: Int, generator: inout SplitMix64
    ) {
        precondition(fanIn > 0 && fanOut > 0, "initializer fans must be positive, got \(fanIn) in, \(fanOut) out")
        let nIn = Double(fanIn), nOut = Double(fanOut)
        switch self {
        case .homework:
            let std = 1 / max(nIn, nOut).squareRoot()
            for i in weights.indices { weights[i] = Float(generator.nextGaussian() * std) }
            for i in biases.indices { biases[i] = 0 }
        case .xavier:
            let limit = (6 / (nIn + nOut)).squareRoot()
            for i in weights.indices { weights[i] = Float((2 * generator.nextUnitDouble() - 1) * limit) }
            for i in biases.indices { biases[i] = 0 }
        case .he:
            let std = (2 / nIn).squareRoot()
            for i in weights.indices { weights[i] = Float(generator.nextGaussian() * std) }
            for i in biases.indices { biases[i] = 0 }
        case .pytorch:
            let limit = 1 / nIn.squareRoot()
            for i in weights.indices { weights[i] = Float((2 * generator.nextUnitDouble() - 1) * limit) }
            for i in biases.indices { biases[i] = Float((2 * generator.nextUnitDouble() - 1) * limit) }
        case .gaussian(let std):
            for i in weights.indices { weights[i] = Float(generator.nextGaussian() * std) }
            for i in biases.indices { biases[i] = 0 }
        }
    }
}
