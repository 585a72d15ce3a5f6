/// A trained network as plain values: a multilayer perceptron (`--hidden`) or a `--layers`
/// network with convolutions.
public enum TrainedModel: Sendable, Equatable {
    case perceptron(Network)
    case convolutional(ConvNetwork)

    /// The multilayer perceptron, when this is one.
    public var perceptron: Network? {
        if case .perceptron(let network) = self { return network }
        return nil
    }

    /// The convolutional network, when this is one.
    public var convolutional: ConvNetwork? {
        if case .convolutional(let network) = self { return network }
        return nil
    }

    /// How raw pixel bytes become the first layer's inputs.
    public var inputTransform: InputTransform {
        switch self {
        case .perceptron(let n): n.inputTransform
        case .convolutional(let n): n.inputTransform
        }
    }

    /// Trainable values (weights and biases).
    public var parameterCount: Int {
        switch self {
        case .perceptron(let n): n.parameterCount
        case .convolutional(let n): n.parameterCount
        }
    }

    public var classCount: Int {
        switch self {
        case .perceptron(let n): n.classCount
        case .convolutional(let n): n.classCount
        }
    }

    /// Class probabilities of every image, `count × classCount` row-major.
    public func predictProbabilities(pixels: [UInt8]) -> [Float] {
        switch self {
        case .perceptron(let n): n.predictProbabilities(pixels: pixels)
        case .convolutional(let n): n.predictProbabilities(pixels: pixels)
        }
    }
}
