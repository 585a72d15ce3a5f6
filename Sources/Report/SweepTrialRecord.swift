import Metrics

/// One trial of a sweep as its run folder recorded it: what the sweep report aggregates.
///
/// Only numbers determined by the seed, the data and the configuration are kept (no times),
/// so a report built from the same trials is the same whichever machine or shard ran them.
public struct SweepTrialRecord: Sendable, Equatable {
    /// Canonical name, e.g. `lr=0.003,seed=2`.
    public var key: String
    /// The trial's run folder relative to the sweep folder, e.g. `trials/lr=0.003,seed=2`.
    public var folder: String
    public var seed: UInt64
    public var status: RunStatus
    /// Why the run ended this way when it did not complete ("loss became NaN at step 40").
    public var statusMessage: String?
    public var epochs: [SweepEpoch]
    public var testAccuracy: Double?
    public var testLoss: Double?

    public init(
        key: String, folder: String, seed: UInt64, status: RunStatus, statusMessage: String? = nil,
        epochs: [SweepEpoch], testAccuracy: Double?, testLoss: Double?
    ) {
        self.key = key
        self.folder = folder
        self.seed = seed
        self.status = status
        self.statusMessage = statusMessage
        self.epochs = epochs
        self.testAccuracy = testAccuracy
        self.testLoss = testLoss
    }

    /// Whether the trial enters the statistics: it completed or stopped early as configured.
    /// Diverged and interrupted trials are counted and named, never averaged.
    public var isFinished: Bool { status == .completed || status == .earlyStopped }

    /// Validation accuracy after the last epoch run.
    public var finalValidationAccuracy: Double? {
        guard let value = epochs.last?.valAccuracy, value.isFinite else { return nil }
        return value
    }

    /// The highest validation accuracy of any epoch, and the first epoch that reached it.
    public var bestValidationAccuracy: (value: Double, epoch: Int)? {
        var best: (value: Double, epoch: Int)?
        for e in epochs {
            guard let v = e.valAccuracy, v.isFinite else { continue }
            if best == nil || v > best!.value { best = (v, e.epoch) }
        }
        return best
    }
}
