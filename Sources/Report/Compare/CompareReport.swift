import Foundation
import Metrics
import Statistics

/// The report of `nnreport compare BASELINE CANDIDATE`: is the candidate better, worse, or not
/// distinguishable from the baseline? Rendered from `templates/compare.md.mustache` (the report)
/// and `templates/compare-summary.md.mustache` (the pull-request comment / job summary).
///
/// Three kinds, by what the inputs hold:
/// - two nnreport run folders with `test_predictions.csv`: McNemar's exact test on the test
///   images the runs classify differently, and the accuracy difference with Newcombe's interval;
/// - two sweeps or folders of repeated runs: Welch's t-test of each setting's final and best
///   validation accuracy and test accuracy over the seeds;
/// - two logs (other tools, or runs without predictions): the best and last value of every
///   shared metric against a tolerance; no significance test is possible.
public struct CompareReport: Sendable {
    public enum Kind: String, Sendable {
        case runs, groups, logs
    }

    /// One input as the report describes it.
    public struct Side: Sendable {
        /// "baseline" or "candidate".
        public var role: String
        /// The folder or file name (from the file system: escaped when printed).
        public var name: String
        /// Where it was read, relative to the working folder when inside it.
        public var location: String
        /// What it is, in words: `nnreport run folder: MNIST, preset default, 20 epochs, completed`.
        public var description: String

        public init(role: String, name: String, location: String, description: String) {
            self.role = role
            self.name = name
            self.location = location
            self.description = description
        }
    }

    /// A setting or environment fact with the baseline's and the candidate's value.
    public struct DiffRow: Sendable, Equatable {
        public var name: String
        public var baseline: String
        public var candidate: String

        public init(name: String, baseline: String, candidate: String) {
            self.name = name
            self.baseline = baseline
            self.candidate = candidate
        }

        public var differs: Bool { baseline != candidate }
    }

    public var title: String
    public var kind: Kind
    /// The significance level: a difference counts when p < alpha; intervals are at 1 − alpha.
    public var alpha: Double
    public var baseline: Side
    public var candidate: Side
    /// The results, in table order; ``CompareMetric/decides`` marks those in the overall verdict.
    public var metrics: [CompareMetric]
    /// Settings that differ between the runs (only those; ``sharedSettingCount`` counts the rest).
    public var configuration: [DiffRow]
    public var sharedSettingCount: Int
    /// The environment facts of both (nnreport, BLAS and its threads, CPU, Swift, OS), all of
    /// them; empty when unknown (logs of other tools).
    public var environment: [DiffRow]
    /// How the report counted and what it could not do, one sentence each.
    public var notes: [String]
    /// What went wrong while reading but did not stop the comparison.
    public var warnings: [String]
    /// For two runs: their test predictions, paired.
    public var paired: PairedComparison?
    /// For groups: the matched settings with their trials.
    public var groups: [GroupPair]
    /// The logs whose curves are overlaid (baseline first): every kind has them when the inputs
    /// carry metric logs.
    public var curves: [LoggedRun]
    public var command: String
    public var version: String

    public init(
        title: String? = nil, kind: Kind, alpha: Double, baseline: Side, candidate: Side, metrics: [CompareMetric],
        configuration: [DiffRow] = [], sharedSettingCount: Int = 0, environment: [DiffRow] = [], notes: [String] = [],
        warnings: [String] = [], paired: PairedComparison? = nil, groups: [GroupPair] = [], curves: [LoggedRun] = [],
        command: String, version: String
    ) {
        precondition(alpha > 0 && alpha < 1, "alpha \(alpha) must lie in (0, 1)")
        self.title = title ?? "Comparison: \(candidate.name) against \(baseline.name)"
        self.kind = kind
        self.alpha = alpha
        self.baseline = baseline
        self.candidate = candidate
        self.configuration = configuration
        self.sharedSettingCount = sharedSettingCount
        self.environment = environment
        self.notes = notes
        self.warnings = warnings
        self.paired = paired
        self.groups = groups
        self.curves = curves
        self.command = command
        self.version = version
        self.metrics = Self.decided(metrics, alpha: alpha)
    }

    /// The confidence level of the intervals, 1 − alpha.
    public var level: Double { 1 - alpha }

    /// `metrics` with Holm-adjusted p-values over the deciding tests and every verdict set.
    ///
    /// Several metrics tested at alpha each would flag one by chance more often than alpha:
    /// Holm's adjustment keeps the chance of any false "better" or "worse" at most alpha.
    static func decided(_ metrics: [CompareMetric], alpha: Double) -> [CompareMetric] {
        var metrics = metrics
        let tested = metrics.indices.filter { metrics[$0].decides && metrics[$0].pValue != nil }
        let adjusted = HolmAdjustment.adjust(tested.map { metrics[$0].pValue! })
        for (index, p) in zip(tested, adjusted) {
            metrics[index].adjustedPValue = p
            // A p-value below the smallest Double stays 0 when multiplied: keep its logarithm,
            // raised by log₁₀ m (Holm's largest factor), for printing.
            if p == 0, let log10P = metrics[index].log10PValue {
                metrics[index].adjustedLog10PValue = log10P + log10(Double(tested.count))
            }
        }
        for i in metrics.indices { metrics[i].decide(alpha: alpha) }
        return metrics
    }

    /// The overall verdict: worse when any deciding metric is worse (even if another is
    /// better), better when one is better and none worse, the same when every deciding metric
    /// was judged and none differs, untested when none could be judged.
    public var verdict: Verdict {
        let decided = metrics.filter(\.decides).map(\.verdict)
        if decided.contains(.worse) { return .worse }
        if decided.contains(.better) { return .better }
        if decided.contains(.same) { return .same }
        return .untested
    }

    /// Whether the verdicts come from tolerances (logs) rather than significance tests.
    public var isByTolerance: Bool { kind == .logs }

    /// Whether the environments differ in any fact.
    public var environmentDiffers: Bool { environment.contains(where: \.differs) }
}

/// Two groups of seeds compared: a setting of the baseline sweep and the same setting (or the
/// only one) of the candidate.
public struct GroupPair: Sendable {
    /// The setting, `lr=0.003`, or "" when nothing is varied.
    public var setting: String
    public var baseline: [SweepTrialRecord]
    public var candidate: [SweepTrialRecord]

    public init(setting: String, baseline: [SweepTrialRecord], candidate: [SweepTrialRecord]) {
        self.setting = setting
        self.baseline = baseline
        self.candidate = candidate
    }
}
