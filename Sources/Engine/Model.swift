import Randomness
import LinearAlgebra

/// The network being trained: parameters and gradients in preallocated matrices, and the
/// forward and backward passes that orchestrate the layer kernels.
final class Model {
    let sizes: [Int]
    let activation: Activation
    let weights: [Matrix]
    let biases: [Matrix]
    let weightGradients: [Matrix]
    let biasGradients: [Matrix]
    /// Weights and biases with their gradients, in the order W1, b1, W2, b2, ...
    let parameters: [Parameter]
    /// The dropout rate after each hidden layer in training passes (``TrainableModel``).
    var dropoutRate: Float = 0

    init(network: Network) {
        sizes = network.sizes
        activation = network.activation
        weights = network.layers.map { Matrix(rows: $0.outputs, columns: $0.inputs, values: $0.weights) }
        biases = network.layers.map { Matrix(rows: 1, columns: $0.outputs, values: $0.biases) }
        weightGradients = network.layers.map { Matrix(rows: $0.outputs, columns: $0.inputs) }
        biasGradients = network.layers.map { Matrix(rows: 1, columns: $0.outputs) }
        var parameters: [Parameter] = []
        for l in weights.indices {
            parameters.append(Parameter(values: weights[l], gradient: weightGradients[l]))
            parameters.append(Parameter(values: biases[l], gradient: biasGradients[l]))
        }
        self.parameters = parameters
    }

    var layerCount: Int { weights.count }

    /// The current parameters as a ``Network``.
    func network(inputTransform: InputTransform) -> Network {
        let layers = weights.indices.map {
            Network.Layer(
                inputs: sizes[$0], outputs: sizes[$0 + 1], weights: weights[$0].values, biases: biases[$0].values)
        }
        return Network(layers: layers, activation: activation, inputTransform: inputTransform)
    }

    /// Forward pass over `workspace.input` (rows already set).
    ///
    /// With `dropout`, hidden outputs are masked with masks drawn from `generator`. With
    /// `output: .gradient`, the output buffer ends holding the gradient of the mean data loss with
    /// respect to the logits, ready for ``backward(_:)``; with `.probabilities`, the class
    /// probabilities.
    ///
    /// input (rows, sizes[0]), labels (rows) -> summed loss and correct count
    func forward(
        _ workspace: Workspace, dropout: Float, generator: inout SplitMix64, output: SoftmaxCrossEntropy.Output,
        labels: Bool = true
    ) -> SoftmaxCrossEntropy.Outcome {
        let rows = workspace.input.rows
        workspace.setRows(rows)
        var x = workspace.input
        for l in 0..<(layerCount - 1) {
            let y = workspace.activations[l]
            DenseKernels.forward(input: x, weights: weights[l], output: y)
            activation.forward(y.data, bias: biases[l].data, rows: rows, columns: y.columns)
            if dropout > 0 && !workspace.dropped.isEmpty {
                let d = workspace.dropped[l]
                d.copy(from: y)
                DropoutKernels.forward(
                    d.data, mask: workspace.masks[l].data, count: d.count, rate: dropout, generator: &generator)
                x = d
            } else {
                x = y
            }
        }
        let logits = workspace.output
        DenseKernels.forward(input: x, weights: weights[layerCount - 1], output: logits)
        return SoftmaxCrossEntropy.apply(
            logits: logits.data, bias: biases[layerCount - 1].data, rows: rows, classes: logits.columns,
            labels: labels ? UnsafePointer(workspace.labels) : nil, output: output)
    }

    /// Backward pass after a training ``forward(_:dropout:generator:output:labels:)``: adds every
    /// weight and bias gradient to the gradient buffers, which the optimizer clears after using them.
    ///
    /// With `directUpdate`, the gradients are not stored: each layer's parameters move by
    /// `scale × gradient` as soon as its input gradient has been computed from the old weights
    /// (plain SGD, where the update is linear in the gradient; see ``Optimizer/directUpdateScale(learningRate:)``).
    /// Weight decay is then applied here too, as `W *= 1 - 2λ·lr` before the gradient step.
    func backward(_ workspace: Workspace, dropout: Bool, directUpdate: (scale: Float, weightDecay: Float)? = nil) {
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let dZ = workspace.gradients[l]
            let x = l == 0 ? workspace.input : (dropout ? workspace.dropped[l - 1] : workspace.activations[l - 1])
            if l > 0 {
                // The first layer needs no input gradient: pixels are not trained.
                let dX = workspace.gradients[l - 1]
                DenseKernels.inputGradient(outputGradient: dZ, weights: weights[l], inputGradient: dX)
                if dropout {
                    DropoutKernels.backward(dX.data, mask: workspace.masks[l - 1].data, count: dX.count)
                }
                activation.backward(dX.data, output: workspace.activations[l - 1].data, count: dX.count)
            }
            if let direct = directUpdate {
                if direct.weightDecay > 0 {
                    VectorKernels.scale(
                        1 + 2 * direct.weightDecay * direct.scale, weights[l].data, into: weights[l].data,
                        count: weights[l].count)
                }
                DenseKernels.accumulateParameterGradients(
                    outputGradient: dZ, input: x, weightGradient: weights[l], biasGradient: biases[l],
                    scale: direct.scale)
            } else {
                DenseKernels.accumulateParameterGradients(
                    outputGradient: dZ, input: x, weightGradient: weightGradients[l], biasGradient: biasGradients[l])
            }
        }
    }
}
