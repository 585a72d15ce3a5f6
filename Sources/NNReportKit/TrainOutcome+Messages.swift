import Foundation
import Metrics

/// What `nnreport mnist` and `nnreport fashion` print once the run's report is written.
extension TrainOutcome {
    /// How the run ended, as the command's exit status tells it.
    public enum Ending: Sendable, Equatable {
        /// Completed or stopped early: exit status 0.
        case finished
        /// Stopped by a signal: the signal's exit status.
        case interrupted
        /// The loss became NaN or infinite: exit status 3, with `message`.
        case diverged(message: String)
    }

    public var ending: Ending {
        switch status {
        case .completed, .earlyStopped: .finished
        case .interrupted: .interrupted
        case .diverged: .diverged(message: "Training diverged: \(result.statusMessage ?? "the report says where").")
        }
    }

    /// summary.json as `--json` prints it.
    public var summaryJSON: String { JSONWriter.pretty(summary) }

    /// "Report written to FOLDER (test accuracy 98.12%)".
    public var doneMessage: String {
        var line = "Report written to \(folder.path)"
        if let accuracy = summary["test_accuracy"]?.doubleValue {
            line += String(format: " (test accuracy %.2f%%)", accuracy * 100)
        }
        return line
    }
}
