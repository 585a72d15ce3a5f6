import Dispatch
import Foundation
import NNReportKit
import Synchronization

/// Turns SIGINT (Ctrl-C), SIGTERM (`kill`, `scancel`, CI cancellation) and SIGHUP (a closed
/// terminal or SSH session) into stop requests that the pipelines poll, so no Swift code runs
/// in signal-handler context and no worker thread is cut off in the middle of a BLAS call.
///
/// With ``Policy/finishReport`` (training, sweeps) the first signal stops training at the next
/// step and the report is still written with status `interrupted`; a second signal aborts. With
/// ``Policy/abort`` (render, merge, approx) the first signal aborts. An abort makes the pipeline
/// throw at its next file and remove its unfinished report; with nothing being written, the
/// process exits at once. If the pipeline has not ended ``abortDeadline`` seconds after the
/// abort, or a further signal arrives, the process removes its staging folders and exits there
/// and then. The exit status is 128 + the signal's number: 130, 143 or 129.
final class SignalMonitor: Sendable {
    enum Policy: Sendable {
        case finishReport
        case abort
    }

    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Seconds an abort may take before the process exits without waiting for the pipeline.
    static let abortDeadline: Double = 10

    let policy: Policy
    private let count = Atomic<Int>(0)
    private let lastSignal = Atomic<Int32>(0)
    private let queue = DispatchQueue(label: "nnreport.signals")
    // Dispatch sources must stay alive to deliver signals; they are only touched in install().
    nonisolated(unsafe) private var sources: [DispatchSourceSignal] = []

    init(policy: Policy) {
        self.policy = policy
    }

    /// Starts listening (the default handlers, which end the process silently, are replaced).
    func install() {
        var installed: [DispatchSourceSignal] = []
        for number in Self.handled {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in received(number) }
            source.resume()
            installed.append(source)
        }
        sources = installed
    }

    /// Whether training should stop (any signal arrived).
    var isStopRequested: Bool { count.load(ordering: .relaxed) > 0 }

    /// Whether the unfinished report should be removed rather than completed.
    var isAborted: Bool { count.load(ordering: .relaxed) >= abortCount }

    /// 128 + the last signal's number: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP.
    var exitStatus: Int32 {
        128 + (lastSignal.load(ordering: .relaxed) == 0 ? SIGINT : lastSignal.load(ordering: .relaxed))
    }

    private var abortCount: Int { policy == .abort ? 1 : 2 }

    private func received(_ number: Int32) {
        lastSignal.store(number, ordering: .relaxed)
        let n = count.add(1, ordering: .sequentiallyConsistent).newValue
        let name = Self.name(number)
        if n < abortCount {
            Console.error(
                "\nnnreport: \(name): stopping after this step and writing the report (send it again to abort)")
        } else if n == abortCount {
            guard UnfinishedReports.isWritingAny else {
                // Nothing half-written to remove (reading logs or data): no reason to wait.
                Console.error("\nnnreport: \(name): stopped")
                exit(exitStatus)
            }
            Console.error("\nnnreport: \(name): aborting and removing the unfinished report")
            queue.asyncAfter(deadline: .now() + Self.abortDeadline) { [self] in exitNow(name) }
        } else {
            exitNow(name)
        }
    }

    /// Removes every staging folder and exits without running exit handlers: the worker
    /// threads may still be running, and library destructors (OpenBLAS's) must not run under them.
    private func exitNow(_ name: String) {
        UnfinishedReports.removeAll()
        Console.error("nnreport: \(name): aborted")
        _exit(exitStatus)
    }

    static func name(_ number: Int32) -> String {
        switch number {
        case SIGINT: "interrupted (SIGINT)"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
