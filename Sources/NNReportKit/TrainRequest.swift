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

    /// Where and how the report is written; `output` nil means
    /// `<reportsRoot>/<dataset>-<preset>-<yyyyMMdd-HHmmss>`.
    public var report: ReportSettings

    public init(
        dataset: String, preset: String? = nil, overrides: TrainingOverrides = TrainingOverrides(),
        dataDirectory: URL? = nil, mirror: URL? = nil, allowDownload: Bool = true, verifyChecksums: Bool = true,
        report: ReportSettings
    ) {
        self.dataset = dataset
        self.preset = preset
        self.overrides = overrides
        self.dataDirectory = dataDirectory
        self.mirror = mirror
        self.allowDownload = allowDownload
        self.verifyChecksums = verifyChecksums
        self.report = report
    }
}
