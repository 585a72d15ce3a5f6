import Metrics

/// The epoch loop's bookkeeping at the end of an epoch: counters, timings, the learning-rate
/// schedule's position, the random generators' states and early stopping. With the tensors of
/// a ``TrainingCheckpoint`` it is everything a run needs to go on as if it had never stopped.
public struct TrainingProgress: Sendable, Equatable {
    /// Epochs completed.
    public var epoch: Int
    /// Optimisation steps taken (the schedule's position: the next step's rate is
    /// `schedule.rate(base:epoch:step:totalSteps:)` at `epoch + 1`, `step`).
    public var step: Int
    /// The run's plan, to check that a resumed run has the same one.
    public var plannedEpochs: Int
    public var stepsPerEpoch: Int
    public var totalSteps: Int
    /// The rate of the last step taken.
    public var learningRate: Double
    /// Seconds spent in training steps so far, and the images they processed.
    public var trainSeconds: Double
    public var samplesTrained: Int
    /// Early stopping: the epoch with the lowest validation loss so far, that loss and its
    /// accuracy, and the epochs since.
    public var bestEpoch: Int
    public var bestLoss: Double
    public var bestAccuracy: Double?
    public var epochsSinceBest: Int
    /// Whether early stopping ended the loop at this epoch.
    public var stoppedEarly: Bool
    /// The `step` events' running mean: losses summed since the last event and their count.
    public var intervalLoss: Double
    public var intervalSteps: Int
    /// States of the shuffling and dropout generators (``SplitMix64/state``).
    public var shuffleState: UInt64
    public var dropoutState: UInt64
    /// The optimizer's step counter (Adam's t; 0 for rules without one).
    public var optimizerSteps: Int

    /// Every field, numbers written so they read back exactly (``JSONValue/exact(_:)-(Double)``).
    public var json: JSONValue {
        .object([
            ("epoch", .int(epoch)), ("step", .int(step)), ("planned_epochs", .int(plannedEpochs)),
            ("steps_per_epoch", .int(stepsPerEpoch)), ("total_steps", .int(totalSteps)),
            ("lr", .exact(learningRate)), ("train_seconds", .exact(trainSeconds)),
            ("samples_trained", .int(samplesTrained)), ("best_epoch", .int(bestEpoch)),
            ("best_loss", .exact(bestLoss)), ("best_accuracy", .exact(bestAccuracy)),
            ("epochs_since_best", .int(epochsSinceBest)), ("stopped_early", .bool(stoppedEarly)),
            ("interval_loss", .exact(intervalLoss)), ("interval_steps", .int(intervalSteps)),
            ("shuffle_rng", .exact(shuffleState)), ("dropout_rng", .exact(dropoutState)),
            ("optimizer_steps", .int(optimizerSteps)),
        ])
    }

    /// Reads ``json`` back.
    ///
    /// - Throws: ``CheckpointError/malformed(reason:)`` naming the first missing or invalid field.
    public init(json: JSONValue) throws(CheckpointError) {
        func int(_ key: String) throws(CheckpointError) -> Int {
            guard let value = json[key]?.intValue else { throw .malformed(reason: "no whole number \"\(key)\"") }
            return value
        }
        func double(_ key: String) throws(CheckpointError) -> Double {
            guard let value = json[key]?.exactDouble else { throw .malformed(reason: "no number \"\(key)\"") }
            return value
        }
        func state(_ key: String) throws(CheckpointError) -> UInt64 {
            guard let value = json[key]?.exactUInt64 else { throw .malformed(reason: "no generator state \"\(key)\"") }
            return value
        }
        epoch = try int("epoch")
        step = try int("step")
        plannedEpochs = try int("planned_epochs")
        stepsPerEpoch = try int("steps_per_epoch")
        totalSteps = try int("total_steps")
        learningRate = try double("lr")
        trainSeconds = try double("train_seconds")
        samplesTrained = try int("samples_trained")
        bestEpoch = try int("best_epoch")
        bestLoss = try double("best_loss")
        bestAccuracy = json["best_accuracy"] == .null ? nil : try double("best_accuracy")
        epochsSinceBest = try int("epochs_since_best")
        guard let stopped = json["stopped_early"]?.boolValue else { throw .malformed(reason: "no \"stopped_early\"") }
        stoppedEarly = stopped
        intervalLoss = try double("interval_loss")
        intervalSteps = try int("interval_steps")
        shuffleState = try state("shuffle_rng")
        dropoutState = try state("dropout_rng")
        optimizerSteps = try int("optimizer_steps")
    }

    public init(
        epoch: Int, step: Int, plannedEpochs: Int, stepsPerEpoch: Int, totalSteps: Int, learningRate: Double,
        trainSeconds: Double, samplesTrained: Int, bestEpoch: Int, bestLoss: Double, bestAccuracy: Double?,
        epochsSinceBest: Int, stoppedEarly: Bool, intervalLoss: Double, intervalSteps: Int, shuffleState: UInt64,
        dropoutState: UInt64, optimizerSteps: Int
    ) {
        self.epoch = epoch
        self.step = step
        self.plannedEpochs = plannedEpochs
        self.stepsPerEpoch = stepsPerEpoch
        self.totalSteps = totalSteps
        self.learningRate = learningRate
        self.trainSeconds = trainSeconds
        self.samplesTrained = samplesTrained
        self.bestEpoch = bestEpoch
        self.bestLoss = bestLoss
        self.bestAccuracy = bestAccuracy
        self.epochsSinceBest = epochsSinceBest
        self.stoppedEarly = stoppedEarly
        self.intervalLoss = intervalLoss
        self.intervalSteps = intervalSteps
        self.shuffleState = shuffleState
        self.dropoutState = dropoutState
        self.optimizerSteps = optimizerSteps
    }
}
