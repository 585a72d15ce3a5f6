import Foundation
import Metrics
import Report

/// Everything `nnreport compare BASELINE CANDIDATE` was asked to do.
public struct CompareRequest: Sendable {
    /// The reference: a run folder, sweep folder, folder of repeated runs, or a log.
    public var baseline: URL
    /// What is judged against it, of the same kind.
    public var candidate: URL
    /// `--alpha`: a difference is significant when p < alpha; intervals are at 1 − alpha.
    public var alpha: Double
    /// `--tolerance`: for logs, how far each metric may move and still count as the same.
    public var tolerances: [MetricTolerance]
    /// `--format-in` and `--x`, for logs as `nnreport render` reads them.
    public var format: LogFormat?
    public var x: String?
    /// Where and how the report is written; `output` nil means
    /// `<reportsRoot>/compare-<baseline>-vs-<candidate>-<yyyyMMdd-HHmmss>`.
    public var report: ReportSettings

    public init(
        baseline: URL, candidate: URL, alpha: Double = 0.05, tolerances: [MetricTolerance] = [],
        format: LogFormat? = nil, x: String? = nil, report: ReportSettings
    ) {
        precondition(alpha > 0 && alpha < 1, "alpha \(alpha) must lie in (0, 1)")
        self.baseline = baseline
        self.candidate = candidate
        self.alpha = alpha
        self.tolerances = tolerances
        self.format = format
        self.x = x
        self.report = report
    }
}
