import LinearAlgebra
import Randomness

/// Saving and restoring a session's state at an epoch boundary (``TrainingCheckpoint``).
///
/// At the end of an epoch the gradient buffers are zero (every optimizer step clears them) and
/// the workspaces hold nothing the next step reads, so the parameters, the best epoch's copy,
/// the optimizer's state, the shuffled order and the generators' states are the whole state.
extension TrainingSession {
    private var checkpointableOptimizer: any CheckpointableOptimizer {
        guard let optimizer = optimizer as? any CheckpointableOptimizer else {
            preconditionFailure("\(type(of: optimizer)) cannot be checkpointed: conform it to CheckpointableOptimizer")
        }
        return optimizer
    }

    /// The tensors of the session's state, with `progress`, copied so that the caller may write
    /// them while training goes on.
    func captureCheckpoint(_ progress: TrainingProgress) -> TrainingCheckpoint {
        var tensors: [CheckpointTensor] = []
        let shapes = model.parameters.map { [$0.values.rows, $0.values.columns] }
        for (i, parameter) in model.parameters.enumerated() {
            tensors.append(.float32("model.\(i)", shape: shapes[i], copying: parameter.values.data))
        }
        if let best {
            for (i, parameter) in best.parameters.enumerated() {
                tensors.append(.float32("best.\(i)", shape: shapes[i], copying: parameter.values.data))
            }
        }
        for slot in checkpointableOptimizer.stateSlots {
            for i in shapes.indices {
                tensors.append(
                    .float32("optimizer.\(slot.name).\(i)", shape: shapes[i], copying: slot.state.buffers[i]))
            }
        }
        tensors.append(.int64("permutation", permutation))
        return TrainingCheckpoint(progress: progress, tensors: tensors)
    }

    /// Puts the state of `checkpoint` into this freshly initialised session and returns the
    /// progress the epoch loop continues from.
    ///
    /// - Throws: ``CheckpointError`` when the checkpoint was made by a run with another plan
    ///   (steps per epoch, epochs, steps) or holds other tensors than this session has; the
    ///   session is then unusable.
    mutating func restore(_ checkpoint: TrainingCheckpoint) throws(CheckpointError) -> TrainingProgress {
        let progress = checkpoint.progress
        for (field, mine, theirs) in [
            ("steps per epoch", stepsPerEpoch, progress.stepsPerEpoch),
            ("planned epochs", plannedEpochs, progress.plannedEpochs),
            ("planned steps", totalSteps, progress.totalSteps),
        ] where mine != theirs {
            throw .stateMismatch(field: field, expected: String(mine), found: String(theirs))
        }
        guard progress.epoch >= 0, progress.epoch <= plannedEpochs, progress.step >= 0, progress.step <= totalSteps
        else {
            throw .malformed(reason: "epoch \(progress.epoch) and step \(progress.step) lie outside the run's plan")
        }
        var remaining = Dictionary(checkpoint.tensors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func take(_ name: String, shape: [Int], type: CheckpointTensor.DataType) throws(CheckpointError)
            -> CheckpointTensor
        {
            let expected = "\(type.rawValue) \(shape)"
            guard let tensor = remaining.removeValue(forKey: name) else {
                throw .tensorMismatch(name: name, expected: expected, found: "missing")
            }
            guard tensor.dataType == type, tensor.shape == shape else {
                throw .tensorMismatch(
                    name: name, expected: expected, found: "\(tensor.dataType.rawValue) \(tensor.shape)")
            }
            return tensor
        }
        let shapes = model.parameters.map { [$0.values.rows, $0.values.columns] }
        for (i, parameter) in model.parameters.enumerated() {
            try take("model.\(i)", shape: shapes[i], type: .float32).copyFloats(into: parameter.values.data)
        }
        if let best {
            for (i, parameter) in best.parameters.enumerated() {
                try take("best.\(i)", shape: shapes[i], type: .float32).copyFloats(into: parameter.values.data)
            }
        }
        let optimizer = checkpointableOptimizer
        for slot in optimizer.stateSlots {
            for i in shapes.indices {
                try take("optimizer.\(slot.name).\(i)", shape: shapes[i], type: .float32)
                    .copyFloats(into: slot.state.buffers[i])
            }
        }
        let order = try take("permutation", shape: [permutation.count], type: .int64).int64Values
        // The loader reads the images at these indices: each must be one of the training split's, once.
        var seen = [Bool](repeating: false, count: splits.train.count)
        for index in order {
            guard splits.train.contains(index), !seen[index - splits.train.lowerBound] else {
                throw .malformed(
                    reason: "the shuffled order is not an order of the \(splits.train.count) training images")
            }
            seen[index - splits.train.lowerBound] = true
        }
        if let extra = remaining.keys.sorted().first {
            throw .tensorMismatch(name: extra, expected: "absent", found: "present")
        }
        permutation = order
        shuffleGenerator = SplitMix64(state: progress.shuffleState)
        dropoutGenerator = SplitMix64(state: progress.dropoutState)
        optimizer.stepCounter = progress.optimizerSteps
        return progress
    }
}
