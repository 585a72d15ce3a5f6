import ArgumentParser
import Foundation
import NNReportKit

/// What `nnreport sweep` and `nnreport merge <shard folders>` print when done.
enum SweepOutput {
    /// Prints where the folder went (and sweep.json for --json); after a signal, exits with its
    /// status (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP).
    static func finish(_ outcome: SweepOutcome, json: Bool, quiet: Bool, signals: SignalMonitor) throws {
        if json, let data = outcome.sweepJSON { FileHandle.standardOutput.write(data) }
        if !quiet { Console.error(outcome.doneMessage) }
        if outcome.interrupted { throw ExitCode(signals.exitStatus) }
    }
}
