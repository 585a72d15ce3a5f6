import ChartsCairo
import Foundation

extension ReportWriter {
    /// Writes the approx report into `staging`: every figure in each requested format with its
    /// data as CSV, and README.md rendered from `approx.md`.
    ///
    /// - Parameter files: the other files of the folder (summary.json), listed in the README.
    /// - Returns: the figures written, as the README links them.
    @discardableResult
    public func write(_ report: ApproxReport, into staging: StagingDirectory, files: [ReportFileEntry]) throws -> [FigureLink] {
        let (links, figureFiles) = try writeFigures(ApproxFigures.all(for: report), title: report.title, into: staging)
        let entries = files + figureFiles
        let markdown = try templates.render("approx.md", report.view(figures: links, files: entries))
        try staging.write(markdown, to: "README.md")
        return links
    }

    /// The compact Markdown summary (`approx-summary.md`) of a report written to `folder`.
    public func summary(_ report: ApproxReport, folder: String) throws -> String {
        var view = report.view(figures: [], files: [])
        view.folder = folder
        return try templates.render("approx-summary.md", view)
    }
}
