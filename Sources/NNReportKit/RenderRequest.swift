import ChartsCairo
import Foundation
import Metrics

/// Everything `nnreport render` (and `nnreport merge`) was asked to do.
public struct RenderRequest: Sendable {
    /// Metric files or run folders, in the order given: run `i` takes colour `i`.
    public var inputs: [URL]
    /// `--format-in`: read every input as this format; nil detects each from its content.
    public var format: LogFormat?
    /// `--x`: the x column of plain CSV/TSV tables (`step`, `epoch` or a column name).
    public var x: String?

    /// `--out`: the report folder; nil means `<reportsRoot>/<command>-<name>-<yyyyMMdd-HHmmss>`.
    public var output: URL?
    public var reportsRoot: URL
    /// `--force`: replace an existing non-empty `--out` folder.
    public var force: Bool
    public var formats: [OutputFormat]
    public var scale: Int
    /// `--templates`: a folder of the user's own templates.
    public var templates: URL?
    public var title: String?
    /// `--github-summary`: a file to append a compact Markdown summary to.
    public var githubSummary: URL?
    /// The exact command line, for the report's "Reproduce" section and figure metadata.
    public var command: String

    public init(
        inputs: [URL], format: LogFormat? = nil, x: String? = nil, output: URL? = nil,
        reportsRoot: URL = URL(fileURLWithPath: "reports"), force: Bool = false, formats: [OutputFormat] = [.png],
        scale: Int = 1, templates: URL? = nil, title: String? = nil, githubSummary: URL? = nil, command: String
    ) {
        self.inputs = inputs
        self.format = format
        self.x = x
        self.output = output
        self.reportsRoot = reportsRoot
        self.force = force
        self.formats = formats
        self.scale = scale
        self.templates = templates
        self.title = title
        self.githubSummary = githubSummary
        self.command = command
    }
}
