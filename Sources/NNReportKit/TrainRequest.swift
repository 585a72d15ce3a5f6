import Foundation

/// Everything `nnreport mnist` / `nnreport fashion` was asked to do.
public struct TrainRequest: Sendable {
    /// "mnist" or "fashion".
    public var dataset: String
    /// A preset name; nil means `default`.
    public var preset: String?
    public var overrides: TrainingOverrides

    /// Where the dataset is looked for and whether it may be downloaded.
    public var data: DataSettings

    /// Where and how the report is written; `output` nil means
    /// `<reportsRoot>/<dataset>-<preset>-<yyyyMMdd-HHmmss>`.
    public var report: ReportSettings

    public init(
        dataset: String, preset: String? = nil, overrides: TrainingOverrides = TrainingOverrides(),
        data: DataSettings = DataSettings(), report: ReportSettings
    ) {
        self.dataset = dataset
        self.preset = preset
        self.overrides = overrides
        self.data = data
        self.report = report
    }
}
