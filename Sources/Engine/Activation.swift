/// The nonlinearity of the hidden layers. The output layer is always softmax, fused with the
/// cross-entropy loss (``SoftmaxCrossEntropy``).
public enum Activation: String, Sendable, CaseIterable, Codable {
    case relu
    case sigmoid
    case tanh
}
