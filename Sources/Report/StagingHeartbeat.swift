import Dispatch
import Foundation

/// Touches the `.nnreport` marker of every staging folder this process is writing, every
/// ``interval`` seconds.
///
/// A process on another machine that shares the folder (a Slurm job requeued onto another
/// node, a Kubernetes pod replaced by one with another name) cannot ask whether the writer is
/// still running; a marker untouched for ``staleAfter`` seconds says it is not
/// (``ReportFolderMarker/writerIsGone(modified:now:)``).
public enum StagingHeartbeat {
    /// Seconds between two touches.
    public static let interval = 10
    /// Seconds without a touch after which a writer on another machine counts as gone: six
    /// missed beats, so a busy machine's late timer is not mistaken for a dead one.
    public static var staleAfter: TimeInterval { TimeInterval(interval * 6) }

    private static let queue = DispatchQueue(label: "nnreport.heartbeat")
    // Created and resumed once, on first use; only the timer's queue touches it afterwards.
    nonisolated(unsafe) private static let timer: DispatchSourceTimer = {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .seconds(interval), repeating: .seconds(interval))
        timer.setEventHandler {
            for path in StagingDirectory.live.withLock({ Array($0) }) {
                // A nil time sets the access and modification times to now.
                _ = utimensat(AT_FDCWD, path + "/" + ReportFolderMarker.fileName, nil, 0)
            }
        }
        timer.resume()
        return timer
    }()

    /// Starts the timer (once per process; later calls do nothing).
    static func start() {
        _ = timer
    }
}
