import Metrics
import Synchronization

/// One finished trial of a running sweep, for a progress line.
public struct SweepProgress: Sendable {
    public var trial: String
    public var status: RunStatus
    /// Validation accuracy of the trial's best epoch (lowest validation loss), when measured.
    public var validationAccuracy: Double?
    /// Wall-clock seconds the trial took.
    public var seconds: Double
    /// Trials finished so far, this one included.
    public var finished: Int
    public var total: Int

    /// Numbers the finished trials in the order they finish, across worker threads.
    final class Counter: Sendable {
        let total: Int
        private let count = Mutex<Int>(0)

        init(total: Int) { self.total = total }

        func next(trial: String, status: RunStatus, validationAccuracy: Double?, seconds: Double) -> SweepProgress {
            let finished = count.withLock { n in
                n += 1
                return n
            }
            return SweepProgress(
                trial: trial, status: status, validationAccuracy: validationAccuracy, seconds: seconds,
                finished: finished, total: total)
        }
    }
}
