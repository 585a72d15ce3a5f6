import ChartsCairo
import Engine
import Foundation

/// Everything `nnreport approx` was asked to do.
public struct ApproxRequest: Sendable {
    /// Seed of the fits' random starts.
    public var seed: UInt64
    /// Random starts per data set.
    public var starts: Int
    /// Adam steps per start.
    public var steps: Int
    /// Adam's peak learning rate.
    public var learningRate: Double

    /// `--out`: the report folder; nil means `<reportsRoot>/approx-<yyyyMMdd-HHmmss>`.
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
        seed: UInt64 = 1, starts: Int = 20, steps: Int = 20_000, learningRate: Double = 0.01, output: URL? = nil,
        reportsRoot: URL = URL(fileURLWithPath: "reports"), force: Bool = false, formats: [OutputFormat] = [.png],
        scale: Int = 1, templates: URL? = nil, title: String? = nil, githubSummary: URL? = nil, command: String
    ) {
        self.seed = seed
        self.starts = starts
        self.steps = steps
        self.learningRate = learningRate
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

    /// The fit settings this request asks for (4 hidden units, as write-up 001).
    public var fitConfiguration: ReLUFitConfiguration {
        ReLUFitConfiguration(hiddenUnits: 4, starts: starts, steps: steps, learningRate: learningRate, seed: seed)
    }
}
