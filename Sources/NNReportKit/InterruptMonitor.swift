import Dispatch
import Foundation
import Synchronization

/// Turns Ctrl-C (SIGINT) and SIGTERM into a cooperative stop request.
///
/// The first signal sets a flag that the trainer polls once per step: the run stops at the next
/// step, and its report is written with status `interrupted`. A second signal exits at once with
/// status 130, the shell convention for death by SIGINT. Signals are received through dispatch
/// sources, so no Swift code runs in signal-handler context.
public final class InterruptMonitor: Sendable {
    /// Exit status after an interrupt (128 + SIGINT).
    public static let exitCode: Int32 = 130

    private let signals = Atomic<Int>(0)
    // Dispatch sources must stay alive to deliver signals; they are only touched in install().
    nonisolated(unsafe) private var sources: [DispatchSourceSignal] = []
    private let onSecondSignal: @Sendable () -> Void

    /// - Parameter onSecondSignal: runs when a second signal arrives, before the process exits
    ///   (e.g. to remove a staging folder); it must be quick.
    public init(onSecondSignal: @escaping @Sendable () -> Void = {}) {
        self.onSecondSignal = onSecondSignal
    }

    /// Starts listening for SIGINT and SIGTERM (the default handlers are replaced).
    public func install() {
        let queue = DispatchQueue(label: "nnreport.signals")
        var installed: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                let previous = signals.add(1, ordering: .sequentiallyConsistent).oldValue
                if previous >= 1 {
                    onSecondSignal()
                    FileHandle.standardError.write(Data("\nnnreport: aborted\n".utf8))
                    exit(Self.exitCode)
                }
                FileHandle.standardError.write(
                    Data("\nnnreport: stopping after this step and writing the report (press Ctrl-C again to abort)\n".utf8))
            }
            source.resume()
            installed.append(source)
        }
        sources = installed
    }

    /// Whether a stop was requested.
    public var isInterrupted: Bool {
        signals.load(ordering: .relaxed) > 0
    }

    /// Requests a stop as if a signal had arrived (for tests and embedding).
    public func requestStop() {
        signals.add(1, ordering: .sequentiallyConsistent)
    }
}
