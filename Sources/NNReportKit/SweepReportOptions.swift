import ChartsCairo
import Foundation

/// Where and how a sweep's report (or shard folder) is written: the report options of
/// `nnreport sweep` and `nnreport merge`.
public struct SweepReportOptions: Sendable {
    /// `--out`; nil means a timestamped folder under ``reportsRoot``.
    public var output: URL?
    public var reportsRoot: URL
    /// `--force`: replace an existing non-empty `--out` folder.
    public var force: Bool
    /// Figure formats, of the sweep report and of each trial's report.
    public var formats: [OutputFormat]
    public var scale: Int
    /// `--templates`: the user's own templates (sweep.md, sweep-summary.md, report.md, ...).
    public var templates: URL?
    public var title: String?
    /// `--github-summary`: a file to append the comparison table to.
    public var githubSummary: URL?

    public init(
        output: URL? = nil, reportsRoot: URL = URL(fileURLWithPath: "reports"), force: Bool = false,
        formats: [OutputFormat] = [.png], scale: Int = 1, templates: URL? = nil, title: String? = nil,
        githubSummary: URL? = nil
    ) {
        self.output = output
        self.reportsRoot = reportsRoot
        self.force = force
        self.formats = formats
        self.scale = scale
        self.templates = templates
        self.title = title
        self.githubSummary = githubSummary
    }
}
