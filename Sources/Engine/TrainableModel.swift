import LinearAlgebra
import Randomness

/// What the training loop (``TrainingSession``) and evaluation (``Evaluator``) need from a
/// model: its parameters, buffers for a batch, and the forward and backward passes.
///
/// ``Model`` (multilayer perceptrons) and ``ConvModel`` (`--layers` networks) conform; the loop
/// is the same for both, so is every promise it keeps (determinism, stopping, early stopping).
protocol TrainableModel: AnyObject {
    associatedtype Buffers: ModelBuffers

    /// Weights and biases with their gradients, in a fixed order (the optimizer's state follows it).
    var parameters: [Parameter] { get }
    /// Rows of the evaluation buffers: images per forward pass when evaluating.
    var evaluationBatch: Int { get }

    /// Buffers for up to `capacity` rows; `training` adds what the backward pass needs.
    func makeBuffers(capacity: Int, training: Bool) -> Buffers

    /// Forward pass over `buffers.input` (rows already set); with `training`, dropout masks
    /// are drawn from `generator`. See ``Model/forward(_:dropout:generator:output:labels:)``.
    func forward(
        _ buffers: Buffers, training: Bool, generator: inout SplitMix64, output: SoftmaxCrossEntropy.Output,
        labels: Bool
    ) -> SoftmaxCrossEntropy.Outcome

    /// Backward pass after a training forward pass: adds the gradients to the gradient buffers,
    /// or with `directUpdate` moves the parameters at once (plain SGD).
    func backward(_ buffers: Buffers, directUpdate: (scale: Float, weightDecay: Float)?)

    /// The weights (not the biases) the L2 penalty applies to, and their gradients, in the same order.
    var weights: [Matrix] { get }
    var weightGradients: [Matrix] { get }
    /// The current parameters as plain values.
    func trained(inputTransform: InputTransform) -> TrainedModel
}

extension TrainableModel {
    /// λ Σ W² over the weights (not the biases).
    func weightPenalty(_ lambda: Float) -> Double {
        guard lambda > 0 else { return 0 }
        return Double(lambda) * weights.reduce(0) { $0 + Double(VectorKernels.sumOfSquares($1.data, count: $1.count)) }
    }

    /// L2 regularisation `λ Σ W²` over the weights (not the biases): adds its gradient `2λW` to
    /// the weight gradients.
    func addWeightDecayGradient(_ lambda: Float) {
        guard lambda > 0 else { return }
        for l in weights.indices {
            VectorKernels.axpy(2 * lambda, weights[l].data, weightGradients[l].data, count: weights[l].count)
        }
    }

    /// Copies every parameter from `other`, which has the same shapes.
    func copyParameters(from other: Self) {
        for (a, b) in zip(parameters, other.parameters) { a.values.copy(from: b.values) }
    }
}

/// The per-batch buffers of a ``TrainableModel``.
protocol ModelBuffers: AnyObject {
    var capacity: Int { get }
    /// (capacity, pixels): the transformed input batch.
    var input: Matrix { get }
    /// Labels of the batch rows.
    var labels: UnsafeMutablePointer<UInt8> { get }
    /// The logits, then the probabilities or the loss gradient.
    var output: Matrix { get }
}

extension Workspace: ModelBuffers {}
extension ConvWorkspace: ModelBuffers {}

extension Model: TrainableModel {
    var evaluationBatch: Int { 1000 }

    func makeBuffers(capacity: Int, training: Bool) -> Workspace {
        Workspace(sizes: sizes, capacity: capacity, dropout: training && dropoutRate > 0, training: training)
    }

    func forward(
        _ buffers: Workspace, training: Bool, generator: inout SplitMix64, output: SoftmaxCrossEntropy.Output,
        labels: Bool
    ) -> SoftmaxCrossEntropy.Outcome {
        forward(buffers, dropout: training ? dropoutRate : 0, generator: &generator, output: output, labels: labels)
    }

    func backward(_ buffers: Workspace, directUpdate: (scale: Float, weightDecay: Float)?) {
        backward(buffers, dropout: dropoutRate > 0 && !buffers.masks.isEmpty, directUpdate: directUpdate)
    }

    func trained(inputTransform: InputTransform) -> TrainedModel {
        .perceptron(network(inputTransform: inputTransform))
    }
}

extension ConvModel: TrainableModel {
    var evaluationBatch: Int { ConvWorkspace.evaluationBatch(for: architecture) }

    func makeBuffers(capacity: Int, training: Bool) -> ConvWorkspace {
        ConvWorkspace(model: self, capacity: capacity, training: training)
    }

    func trained(inputTransform: InputTransform) -> TrainedModel {
        .convolutional(network(inputTransform: inputTransform))
    }
}
