/// The memory a training run holds at its peak, worked out from the configuration before
/// anything is allocated, so that `--hidden 65536,65536` (17 GB per weight matrix) is refused
/// with the figure instead of ending in the out-of-memory killer.
///
/// Counted in Float32 values, as the trainer stores them (sizes in bytes, as Doubles so no
/// product of absurd options can overflow):
/// - parameters: the network drawn at the start, the trained model's weights and gradients, the
///   best epoch's copy (with its gradients) when there is a validation split, and the
///   optimizer's state (1 value per parameter for momentum, 2 for Adam); and the copy of the
///   weights, the best epoch's weights and the optimizer's state that a checkpoint is written
///   from (``TrainingCheckpoint``);
/// - activations: the training batch's buffers (input, each hidden layer's output, its dropout
///   output and mask, and the gradient of every layer) and the evaluation batch's;
/// - data: the images and labels as bytes, and a fixed allowance for the runtime and BLAS.
public struct MemoryEstimate: Sendable, Equatable {
    /// Weights and biases of the network.
    public var parameterCount: Double
    /// Copies of the parameters held at the same time (see the type's description).
    public var parameterCopies: Int
    /// The training batch's and the evaluation batch's buffers.
    public var activationBytes: Double
    /// Images, labels and the fixed allowance.
    public var otherBytes: Double

    /// Rows of the evaluation workspace (the Evaluator's batch).
    public static let evaluationBatch = 1000
    /// The runtime, libraries and OpenBLAS's buffers, measured at about 60 MB for a small network.
    public static let runtimeBytes = 64.0 * 1024 * 1024

    /// One copy of the parameters, in bytes.
    public var parameterBytes: Double { parameterCount * 4 }

    public var totalBytes: Double { parameterBytes * Double(parameterCopies) + activationBytes + otherBytes }
}

extension TrainingConfiguration {
    /// The peak memory of a run with images of `inputs` pixels, `classes` classes and
    /// `images` training plus test images (MNIST: 784, 10, 70,000).
    public func memoryEstimate(inputs: Int = 784, classes: Int = 10, images: Int = 70_000) -> MemoryEstimate {
        if let layers {
            // Square greyscale images, as both data sets are; a spec that does not fit them is
            // refused by validation before the estimate matters.
            let side = Int(Double(inputs).squareRoot().rounded())
            let shape =
                side * side == inputs ? TensorShape(channels: 1, height: side, width: side) : .vector(inputs)
            if let architecture = try? ConvArchitecture(
                specs: layers, input: shape, classes: classes, activation: activation, dropout: dropout)
            {
                return memoryEstimate(architecture, images: images)
            }
        }
        let sizes = ([inputs] + hidden + [classes]).map(Double.init)
        var parameters = 0.0
        for (n, m) in zip(sizes, sizes.dropFirst()) { parameters += n * m + m }
        let copies = parameterCopies
        let widths = hidden.map(Double.init).reduce(0, +)
        let batch = Double(min(batchSize, max(images, 1)))
        let trainRow = Double(inputs) + widths * (dropout > 0 ? 3 : 1) + widths + Double(classes)
        let evaluationRow = Double(inputs) + widths + Double(classes)
        let activations = (batch * trainRow + Double(MemoryEstimate.evaluationBatch) * evaluationRow) * 4
        return MemoryEstimate(
            parameterCount: parameters, parameterCopies: copies, activationBytes: activations,
            otherBytes: Double(images) * Double(inputs + 1) + MemoryEstimate.runtimeBytes)
    }
}

extension TrainingConfiguration {
    /// Copies of the parameters a run holds at once: the network drawn at the start, the trained
    /// weights and their gradients, the best epoch's copy with its gradients when there is a
    /// validation split, the optimizer's state, and the checkpoint of the last epoch.
    var parameterCopies: Int {
        let optimizerCopies =
            switch optimizer {
            case .sgd: 0
            case .momentum: 1
            case .adam: 2
            }
        // The checkpoint written after every epoch holds the weights, the best epoch's copy and
        // the optimizer's state once more while it is encoded.
        let checkpointCopies = 1 + (validationCount > 0 ? 1 : 0) + optimizerCopies
        return 1 + 2 + (validationCount > 0 ? 2 : 0) + optimizerCopies + checkpointCopies
    }
}
