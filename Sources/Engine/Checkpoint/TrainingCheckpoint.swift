/// A training run's state at the end of an epoch: what ``Trainer`` hands to its checkpoint
/// handler and takes back to resume.
///
/// The format is generic: a list of named tensors plus ``TrainingProgress``. Tensor names:
/// - `model.<i>`: the i-th trainable parameter in ``Trainer``'s parameter order (for the
///   MLP: weight of layer 0, its bias, weight of layer 1, ...), whatever kind of layer owns it;
/// - `best.<i>`: the same for the copy of the best epoch's parameters (runs with a validation
///   split), which early stopping restores;
/// - `optimizer.<slot>.<i>`: the optimizer's per-parameter state (`m` and `v` for Adam,
///   `velocity` for momentum; none for SGD);
/// - `permutation`: the order the training images were shuffled into (Int64).
/// A layer kind with parameters of any shape fits without a change of format; restoring checks
/// every name, type and shape against the run's own.
public struct TrainingCheckpoint: Sendable {
    public var progress: TrainingProgress
    public var tensors: [CheckpointTensor]

    public init(progress: TrainingProgress, tensors: [CheckpointTensor]) {
        self.progress = progress
        self.tensors = tensors
    }

    /// Bytes of tensor data.
    public var tensorBytes: Int { tensors.reduce(0) { $0 + $1.bytes.count } }
}
