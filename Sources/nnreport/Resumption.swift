import Foundation

/// The command `nnreport resume` is running again: the report folder it continues and the
/// command line as it was first typed, which the report records (so the resumed run's
/// summary.json and figures carry the same command as an uninterrupted run's).
///
/// Set once, on the main thread, before the command runs; read while it sets itself up.
enum Resumption {
    nonisolated(unsafe) static var current: (destination: URL, command: String, arguments: [String])?

    /// The process's arguments, program name first: the resumed command's when resuming.
    static var commandLine: [String] {
        current.map { ["nnreport"] + $0.arguments } ?? CommandLine.arguments
    }
}
