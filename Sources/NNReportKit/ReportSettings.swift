import ChartsCairo
import Foundation
import Report

/// Where and how a report folder is written: the report options every command shares
/// (`--out`, `--force`, `--format`, `--scale`, `--templates`, `--title`, `--github-summary`)
/// and the command line the report shows.
public struct ReportSettings: Sendable {
    /// `--out`: the report folder; nil means `<reportsRoot>/<name>-<yyyyMMdd-HHmmss>`, with a
    /// name each command chooses (`mnist-default`, `render-a-vs-b`, `approx`, `mnist-sweep`).
    public var output: URL?
    public var reportsRoot: URL
    /// `--force`: replace an existing non-empty `--out` folder.
    public var force: Bool
    /// Figure formats (the README links the first of png, svg, pdf); a sweep's trials use them too.
    public var formats: [OutputFormat]
    /// PNG pixel scale: 1, or 2 for HiDPI.
    public var scale: Int
    /// `--templates`: a folder of the user's own templates.
    public var templates: URL?
    /// `--title`: replaces the report's own title.
    public var title: String?
    /// `--github-summary`: a file to append a compact Markdown summary to.
    public var githubSummary: URL?
    /// The exact command line, for the report's "Reproduce" section and the figures' metadata.
    public var command: String
    /// What the command reads (its logs, the data set): `--force` never replaces these nor a
    /// folder holding them. The pipelines add their inputs; `--templates` counts too.
    public var protectedPaths: [ReplacementGuard.ProtectedPath]
    /// Polled before each file of the report is written: true stops the run and removes the
    /// unfinished report (a second signal while training, any signal while rendering).
    public var shouldAbort: @Sendable () -> Bool
    /// `--restart`: discard an unfinished run at `output` and start over instead of continuing it.
    public var restart: Bool
    /// The command's arguments, recorded in the folder's marker for `nnreport resume`.
    public var arguments: [String]?
    /// Whether unfinished runs of other reports beside this one are named (a sweep's trials
    /// leave that to the sweep).
    public var namesOtherUnfinishedRuns: Bool

    public init(
        output: URL? = nil, reportsRoot: URL = URL(fileURLWithPath: "reports"), force: Bool = false,
        formats: [OutputFormat] = [.png], scale: Int = 1, templates: URL? = nil, title: String? = nil,
        githubSummary: URL? = nil, command: String, protectedPaths: [ReplacementGuard.ProtectedPath] = [],
        shouldAbort: @escaping @Sendable () -> Bool = { false }, restart: Bool = false, arguments: [String]? = nil,
        namesOtherUnfinishedRuns: Bool = true
    ) {
        self.output = output
        self.reportsRoot = reportsRoot
        self.force = force
        self.formats = formats
        self.scale = scale
        self.templates = templates
        self.title = title
        self.githubSummary = githubSummary
        self.command = command
        self.protectedPaths = protectedPaths
        self.shouldAbort = shouldAbort
        self.restart = restart
        self.arguments = arguments
        self.namesOtherUnfinishedRuns = namesOtherUnfinishedRuns
    }
}
