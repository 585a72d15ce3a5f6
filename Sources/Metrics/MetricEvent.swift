/// One event of a training run's metric stream: one line of metrics.jsonl.
///
/// The engine emits events; sinks consume them (the JSONL writer, the progress display, the
/// in-memory recorder the charts read). Fields named `time` and `seconds` are wall-clock
/// measurements; everything else is determined by the seed, the data and the thread count.
public enum MetricEvent: Sendable, Equatable {
    case run(RunStart)
    case step(StepRecord)
    case epoch(EpochRecord)
    case test(TestRecord)
    case end(RunEnd)
    /// The run goes on from its last checkpoint in a new process (the one before was stopped
    /// or killed): the events before it are the earlier process's, those after it this one's.
    case resume(RunResume)
}

/// The first event: when the run started and its complete configuration.
public struct RunStart: Sendable, Equatable {
    /// Seconds since 1970 (UTC).
    public var time: Double
    public var config: JSONValue

    public init(time: Double, config: JSONValue) {
        self.time = time
        self.config = config
    }
}

/// Training loss of one optimisation step (logged every few steps).
public struct StepRecord: Sendable, Equatable {
    /// 1-based epoch the step belongs to.
    public var epoch: Int
    /// 1-based global step count since the start of the run.
    public var step: Int
    /// Mean loss of the mini-batch (data loss plus regularisation).
    public var loss: Double
    /// Learning rate used for the step.
    public var lr: Double

    public init(epoch: Int, step: Int, loss: Double, lr: Double) {
        self.epoch = epoch
        self.step = step
        self.loss = loss
        self.lr = lr
    }
}

/// Per-epoch figures: training loss and accuracy over the epoch, and validation figures.
public struct EpochRecord: Sendable, Equatable {
    public var epoch: Int
    public var loss: Double
    public var accuracy: Double
    public var valLoss: Double?
    public var valAccuracy: Double?
    /// Learning rate at the end of the epoch.
    public var lr: Double?
    /// Wall-clock seconds the epoch took.
    public var seconds: Double

    public init(
        epoch: Int, loss: Double, accuracy: Double, valLoss: Double?, valAccuracy: Double?,
        lr: Double?, seconds: Double
    ) {
        self.epoch = epoch
        self.loss = loss
        self.accuracy = accuracy
        self.valLoss = valLoss
        self.valAccuracy = valAccuracy
        self.lr = lr
        self.seconds = seconds
    }
}

/// Evaluation on the held-out test set, once, after training.
public struct TestRecord: Sendable, Equatable {
    public var loss: Double
    public var accuracy: Double

    public init(loss: Double, accuracy: Double) {
        self.loss = loss
        self.accuracy = accuracy
    }
}

/// How a run ended.
public enum RunStatus: String, Sendable, Equatable, CaseIterable {
    case completed
    case earlyStopped = "early_stopped"
    case diverged
    case interrupted
}

/// Where a resumed run picked up: after `epoch` completed epochs and `step` steps.
public struct RunResume: Sendable, Equatable {
    /// Epochs completed before the break.
    public var epoch: Int
    /// Global steps completed before the break.
    public var step: Int
    /// Seconds since 1970 (UTC).
    public var time: Double

    public init(epoch: Int, step: Int, time: Double) {
        self.epoch = epoch
        self.step = step
        self.time = time
    }
}

/// The last event.
public struct RunEnd: Sendable, Equatable {
    public var status: RunStatus
    /// The global step at which the run ended (for `diverged`: the step whose loss was not finite).
    public var step: Int?
    public var epoch: Int?
    /// A human-readable explanation, e.g. "loss became NaN at step 1234".
    public var message: String?
    /// Seconds since 1970 (UTC).
    public var time: Double

    public init(status: RunStatus, step: Int? = nil, epoch: Int? = nil, message: String? = nil, time: Double) {
        self.status = status
        self.step = step
        self.epoch = epoch
        self.message = message
        self.time = time
    }
}
