import Metrics

/// A report of one training log read from another tool (or an nnreport run folder): one chart
/// per quantity, the last and best value of every metric, the hyperparameters, and what the
/// reader skipped or repaired. Rendered from `templates/log.md.mustache`.
public struct LogReport: Sendable {
    public var title: String
    public var run: LoggedRun
    /// The command line that wrote the report.
    public var command: String
    public var version: String
    /// Files and folders passed over while looking for the run.
    public var skipped: [SkippedInput]

    /// - Parameter title: nil names the report after the run.
    public init(
        run: LoggedRun, title: String? = nil, command: String, version: String, skipped: [SkippedInput] = []
    ) {
        self.title = title ?? "Training log: \(run.name)"
        self.run = run
        self.command = command
        self.version = version
        self.skipped = skipped
    }

    /// The metric table: the comparison table of this one run.
    public var table: ComparisonTable { ComparisonTable(runs: [run]) }
}
