import Dispatch
import Foundation
import Report
import Synchronization

/// Writes a run's checkpoints on a background thread, one at a time, each atomically
/// (``AtomicFile``): training goes on while the bytes are encoded and reach the disk, and a
/// process killed at any moment leaves the previous checkpoint or the new one, never a mixture.
///
/// At most one write is in flight: ``submit(_:)`` first waits for the previous one, so a disk
/// slower than the epochs holds training back instead of piling up copies in memory. A write
/// that fails does not stop the run (the report is what it is for; the checkpoint only lets a
/// killed run continue): ``submit(_:)`` and ``finish()`` return the failure for the caller to say.
final class CheckpointWriter: Sendable {
    let url: URL
    /// The report the file belongs to, for errors.
    let report: String
    private let queue = DispatchQueue(label: "nnreport.checkpoint")
    private let state = Mutex<State>(State())

    private struct State {
        var written = 0
        var error: ReportError?
        var seconds = 0.0
        var cpuSeconds = 0.0
    }

    init(url: URL, report: String) {
        self.url = url
        self.report = report
    }

    /// Checkpoints written so far.
    var written: Int { state.withLock { $0.written } }

    /// The background thread's time so far: encoding and writing the files, waiting for the disk
    /// included (`seconds`), and the processor time that took from training (`cpuSeconds`).
    var busy: (seconds: Double, cpuSeconds: Double) { state.withLock { ($0.seconds, $0.cpuSeconds) } }

    /// Waits for the previous write, then writes the concatenation of `encode()`'s parts in the
    /// background.
    ///
    /// - Returns: why the previous write failed, once per failure.
    @discardableResult
    func submit(_ encode: @escaping @Sendable () -> [[UInt8]]) -> ReportError? {
        let failure = finish()
        queue.async { [self] in
            let start = Self.seconds(CLOCK_MONOTONIC), cpuStart = Self.seconds(CLOCK_THREAD_CPUTIME_ID)
            defer {
                let seconds = Self.seconds(CLOCK_MONOTONIC) - start
                let cpu = Self.seconds(CLOCK_THREAD_CPUTIME_ID) - cpuStart
                state.withLock {
                    $0.seconds += seconds
                    $0.cpuSeconds += cpu
                }
            }
            let parts = encode()
            do throws(AtomicFileError) {
                try AtomicFile.write(parts: parts, to: url)
                state.withLock { $0.written += 1 }
            } catch {
                let failure = ReportError.cannotWriteFile(
                    name: url.lastPathComponent, report: report, reason: error.description)
                state.withLock { $0.error = failure }
            }
        }
        return failure
    }

    /// Waits until every submitted checkpoint is written.
    ///
    /// - Returns: why the last write failed (once), nil when it succeeded.
    @discardableResult
    func finish() -> ReportError? {
        queue.sync {}
        return state.withLock { s in
            defer { s.error = nil }
            return s.error
        }
    }

    /// The time of `clock`: monotonic time, or the calling thread's processor time.
    private static func seconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
