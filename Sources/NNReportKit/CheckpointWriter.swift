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
    private let state = Mutex<(written: Int, error: ReportError?)>((0, nil))

    init(url: URL, report: String) {
        self.url = url
        self.report = report
    }

    /// Checkpoints written so far.
    var written: Int { state.withLock { $0.written } }

    /// Waits for the previous write, then writes `encode()`'s bytes in the background.
    ///
    /// - Returns: why the previous write failed, once per failure.
    @discardableResult
    func submit(_ encode: @escaping @Sendable () -> [UInt8]) -> ReportError? {
        let failure = finish()
        queue.async { [self] in
            let bytes = encode()
            do throws(AtomicFileError) {
                try AtomicFile.write(bytes, to: url)
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
}
