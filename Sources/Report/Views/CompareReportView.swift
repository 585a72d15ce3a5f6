/// The view of `templates/compare.md.mustache` and, with ``folder`` and the shortened tables,
/// of `templates/compare-summary.md.mustache`: `nnreport compare`. Every text from the inputs
/// in it is escaped (``MarkdownText``); the keys are documented in templates/README.md.
public struct CompareReportView: Sendable {
    /// The baseline or the candidate.
    public struct Side: Sendable {
        public var role, name, location, description: String
    }

    /// One result row.
    public struct Metric: Sendable {
        public var name, setting, baseline, candidate, difference, interval, test, p, adjustedP, verdict: String
        public var decides: Bool
    }

    /// A setting or environment fact of both, for code spans.
    public struct Difference: Sendable {
        public var name, baseline, candidate: String
        public var differs: Bool
    }

    /// One class of the paired table.
    public struct ClassRow: Sendable {
        public var name, total, baseline, candidate, difference, onlyBaseline, onlyCandidate: String
    }

    /// The paired 2×2 table of two runs' test images.
    public struct Paired: Sendable {
        public var total: String
        public var classCount: Int
        public var both, onlyBaseline, onlyCandidate, neither: String
        public var baselineCorrect, candidateCorrect, baselineWrong, candidateWrong: String
        public var perClass: [ClassRow]
    }

    public struct Text: Sendable {
        public var text: String
    }

    public var title: String
    public var kind: String
    public var isRuns, isGroups, isLogs: Bool
    public var verdict: String
    public var isWorse, isBetter, isSame, isUntested: Bool
    public var headline: String
    public var verdictSentence: String
    public var findings: [Text]
    public var alpha: String
    public var level: String
    public var baseline: Side
    public var candidate: Side
    public var metrics: [Metric]
    public var hasSettings: Bool
    public var hasAdjusted: Bool
    public var method: String
    public var hasReferenceNotes: Bool
    public var referenceNotes: [Text]
    public var paired: Paired?
    public var figures: [FigureView]
    public var figure: [String: FigureView]
    /// ``figures`` without the discordant-images figure, which the paired section places.
    public var curveFigures: [FigureView]
    public var hasConfiguration: Bool
    public var configuration: [Difference]
    public var sharedSettingCount: Int
    public var configurationNote: String
    public var hasEnvironment: Bool
    public var environmentDiffers: Bool
    public var environment: [Difference]
    public var environmentDifferences: [Difference]
    public var environmentDifferenceText: String
    public var environmentSentence: String
    public var hasNotes: Bool
    public var notes: [Text]
    public var hasWarnings: Bool
    public var warnings: [Text]
    public var warningCount: Int
    public var files: [FileView]
    public var command: String
    public var version: String

    // The summary's own keys (empty or zero in the report).
    /// The report folder, for a code span.
    public var folder: String = ""
    public var hasMoreMetrics: Bool = false
    public var moreMetrics: Int = 0
    public var hasHiddenReferenceRows: Bool = false
    public var hiddenReferenceRows: Int = 0
    public var configurationCount: Int = 0
    public var hasMoreConfiguration: Bool = false
    public var moreConfiguration: Int = 0
}
