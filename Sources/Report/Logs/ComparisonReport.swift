import Metrics

/// A report comparing several runs: every metric overlaid with one colour per run, the best and
/// last value of each metric per run, and only the hyperparameters that differ. Rendered from
/// `templates/comparison.md.mustache`.
public struct ComparisonReport: Sendable {
    public var title: String
    /// In the order given; run `i` takes colour `i` of the Okabe-Ito order.
    public var runs: [LoggedRun]
    /// The command line that wrote the report.
    public var command: String
    public var version: String
    /// Files and folders passed over while looking for the runs.
    public var skipped: [SkippedInput]

    /// - Parameter title: nil names the report after the runs.
    public init(
        runs: [LoggedRun], title: String? = nil, command: String, version: String, skipped: [SkippedInput] = []
    ) {
        self.skipped = skipped
        precondition(!runs.isEmpty, "a comparison report needs at least one run")
        self.runs = runs
        self.title = title ?? "Comparison of \(runs.count) run\(runs.count == 1 ? "" : "s")"
        self.command = command
        self.version = version
    }

    public var table: ComparisonTable { ComparisonTable(runs: runs) }
}
