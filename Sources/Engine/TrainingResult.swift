import Metrics

/// What a finished run returns to the pipeline: the model, the test-set figures and timings.
public struct TrainingResult: Sendable {
    public var status: RunStatus
    /// The trained network (the best epoch's weights when early stopping restored them).
    public var model: TrainedModel
    /// How raw pixels became inputs (also `model.inputTransform`).
    public var inputTransform: InputTransform { model.inputTransform }
    /// Test-set class probabilities, `testCount × classCount`, row-major.
    public var testProbabilities: [Float]
    public var testLoss: Double
    public var testAccuracy: Double
    /// The epoch with the lowest validation loss (the last epoch run without a validation split).
    public var bestEpoch: Int
    /// Validation figures of ``bestEpoch`` (nil without a validation split).
    public var validationLoss: Double?
    public var validationAccuracy: Double?
    /// Whether the model holds the best epoch's weights rather than the last ones.
    public var restoredBestWeights: Bool
    public var epochsRun: Int
    public var stepsRun: Int
    /// Seconds spent in training steps (without validation and test evaluation).
    public var trainSeconds: Double
    /// Seconds of the whole run, evaluations included.
    public var wallSeconds: Double
    /// Seconds the training thread spent copying checkpoints and handing them to the
    /// ``Trainer/checkpointHandler`` (outside every epoch's `seconds`; 0 without a handler).
    public var checkpointSeconds: Double
    /// Training images processed per second of ``trainSeconds``.
    public var samplesPerSecond: Double
    /// The 1-based global step whose loss was not finite, for `.diverged`.
    public var divergedAtStep: Int?
    /// Why the run ended as it did, for statuses other than `.completed` (the `end` event's message).
    public var statusMessage: String?
    /// Image counts of the three splits.
    public var trainCount: Int
    public var validationCount: Int
    public var testCount: Int
}
