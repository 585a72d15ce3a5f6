import ArgumentParser
import NNReportKit

/// The exit statuses of Docs/Architecture.md that argument-parser does not give by itself (it gives 0, 1
/// for errors, and 64 for options that `validate()` refuses).
enum ExitStatus {
    /// An input that cannot be read or compared (`compare`).
    static let badInput: Int32 = 2
    /// Training diverged (the report was still written).
    static let diverged: Int32 = 3
    /// Options that cannot work, found only once the command runs: an `--out` that may not be
    /// replaced, a network too large for the memory.
    static let badOptions: Int32 = 64

    /// Runs a command's pipeline. An error that blames the options is printed as argument-parser
    /// prints errors and exits 64; after a signal aborted the run, any error exits with the
    /// signal's status (130, 143, 129), the unfinished report already removed.
    static func mapping<T>(_ signals: SignalMonitor? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error where signals?.isAborted == true {
            _ = error
            throw ExitCode(signals!.exitStatus)
        } catch let error where PipelineError.blamesOptions(error) {
            Console.error("Error: \(error)")
            throw ExitCode(badOptions)
        }
    }
}
