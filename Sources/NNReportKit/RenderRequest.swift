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

    /// Where and how the report is written; `output` nil means
    /// `<reportsRoot>/<render|merge>-<run names>-<yyyyMMdd-HHmmss>`.
    public var report: ReportSettings

    public init(inputs: [URL], format: LogFormat? = nil, x: String? = nil, report: ReportSettings) {
        self.inputs = inputs
        self.format = format
        self.x = x
        self.report = report
    }
}
