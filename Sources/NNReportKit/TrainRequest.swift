import ChartsCairo
import Foundation

/// Everything `nnreport mnist` / `nnreport fashion` was asked to do.
public struct TrainRequest: Sendable {
    /// "mnist" or "fashion".
    public var dataset: String
    /// A preset name; nil means `default`.
    public var preset: String?
    public var overrides: TrainingOverrides

    /// `--data-dir`: the only place to look for the dataset when given.
    public var dataDirectory: URL?
    /// `--mirror`: where to download from instead of the public mirrors.
    public var mirror: URL?
    public var allowDownload: Bool
    public var verifyChecksums: Bool

    /// `--out`: the report folder; nil means `<reportsRoot>/<dataset>-<preset>-<yyyyMMdd-HHmmss>`.
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
    /// The exact command line, for the report's "Reproduce" section and PNG metadata.
    public var command: String

    public init(
        dataset: String, preset: String? = nil, overrides: TrainingOverrides = TrainingOverrides(),
        dataDirectory: URL? = nil, mirror: URL? = nil, allowDownload: Bool = true, verifyChecksums: Bool = true,
        output: URL? = nil, reportsRoot: URL = URL(fileURLWithPath: "reports"), force: Bool = false,
        formats: [OutputFormat] = [.png], scale: Int = 1, templates: URL? = nil, title: String? = nil,
        githubSummary: URL? = nil, command: String
    ) {
        self.dataset = dataset
        self.preset = preset
        self.overrides = overrides
        self.dataDirectory = dataDirectory
        self.mirror = mirror
        self.allowDownload = allowDownload
        self.verifyChecksums = verifyChecksums
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
