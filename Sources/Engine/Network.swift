import Randomness
/// A trained multilayer perceptron as plain values: what a run returns, what safetensors and
/// summary.json describe, and what evaluation runs.
///
/// Layer `i` computes `y = x Wᵢᵀ + bᵢ` with `Wᵢ` stored (outputs, inputs) row-major, the
/// PyTorch `nn.Linear` convention, followed by the hidden activation, or softmax for the last.
public struct Network: Sendable, Equatable {
    public struct Layer: Sendable, Equatable {
        public var inputs: Int
        public var outputs: Int
        /// `outputs × inputs` values, row-major.
        public var weights: [Float]
        /// `outputs` values.
        public var biases: [Float]

        public init(inputs: Int, outputs: Int, weights: [Float], biases: [Float]) {
            precondition(
                weights.count == inputs * outputs && biases.count == outputs,
                "layer \(inputs)->\(outputs) with \(weights.count) weights, \(biases.count) biases")
            self.inputs = inputs
            self.outputs = outputs
            self.weights = weights
            self.biases = biases
        }
    }

    public var layers: [Layer]
    /// The nonlinearity after every layer but the last.
    public var activation: Activation
    /// How raw pixel bytes become the first layer's inputs.
    public var inputTransform: InputTransform

    public init(layers: [Layer], activation: Activation, inputTransform: InputTransform) {
        precondition(!layers.isEmpty, "a network needs at least one layer")
        for (a, b) in zip(layers, layers.dropFirst()) {
            precondition(
                a.outputs == b.inputs, "layer sizes do not chain: \(a.outputs) outputs into \(b.inputs) inputs")
        }
        self.layers = layers
        self.activation = activation
        self.inputTransform = inputTransform
    }

    /// Inputs of the first layer (pixels per image).
    public var inputCount: Int { layers[0].inputs }
    /// Outputs of the last layer (classes).
    public var classCount: Int { layers[layers.count - 1].outputs }
    /// Layer widths from the input to the output: `[784, 256, 128, 64, 10]`.
    public var sizes: [Int] { [inputCount] + layers.map(\.outputs) }
    /// Trainable values (weights and biases).
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.weights.count + $1.biases.count } }

    /// A random network drawn by `initializer`.
    public static func random(
        sizes: [Int], activation: Activation, initializer: Initializer, inputTransform: InputTransform,
        generator: inout SplitMix64
    ) -> Network {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 > 0 }, "network sizes must be positive, got \(sizes)")
        var layers: [Layer] = []
        for (inputs, outputs) in zip(sizes, sizes.dropFirst()) {
            var w = [Float](repeating: 0, count: inputs * outputs), b = [Float](repeating: 0, count: outputs)
            initializer.fill(weights: &w, biases: &b, inputs: inputs, outputs: outputs, generator: &generator)
            layers.append(Layer(inputs: inputs, outputs: outputs, weights: w, biases: b))
        }
        return Network(layers: layers, activation: activation, inputTransform: inputTransform)
    }
}
