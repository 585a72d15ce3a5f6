import ChartsCairo
import Foundation

extension ReportWriter {
    /// Writes a sweep report into `staging`: the band figures (in each of ``formats``) with
    /// their data as CSV, the comparison and trial tables as CSV, and README.md rendered from
    /// `sweep.md`.
    ///
    /// - Parameter files: the folder's other files (sweep.json, trials/), listed in the README.
    /// - Returns: the figures written, as the README links them.
    @discardableResult
    public func write(_ report: SweepReport, into staging: StagingDirectory, files: [ReportFileEntry]) throws
        -> [FigureLink]
    {
        let (links, figureFiles) = try writeFigures(SweepFigures.all(for: report), title: report.title, into: staging)
        var listed = files + figureFiles
        try staging.write(SweepCSV.settings(report), to: "settings.csv")
        try staging.write(SweepCSV.trials(report), to: "trials.csv")
        listed.append(
            ReportFileEntry(
                name: "settings.csv", what: "the comparison table: one row per setting, mean and sample std"))
        listed.append(
            ReportFileEntry(
                name: "trials.csv", what: "one row per trial: status, final and best validation accuracy, test figures")
        )
        try staging.write(try templates.render("sweep.md", report.view(figures: links, files: listed)), to: "README.md")
        return links
    }

    /// The compact Markdown summary (`sweep-summary.md`) of `report`, for a CI job summary.
    public func summary(_ report: SweepReport, folder: String) throws -> String {
        try templates.render("sweep-summary.md", report.view(figures: [], files: [], folder: folder))
    }
}
