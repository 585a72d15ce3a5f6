import Foundation
import Metrics

extension ReportWriter {
    /// Writes a comparison report into `staging`: its figures with their CSV, summary.json,
    /// comparison.csv, discordant_images.csv (two runs) and README.md from the `compare.md`
    /// template.
    ///
    /// - Returns: the content of summary.json.
    @discardableResult
    public func write(_ report: CompareReport, into staging: StagingDirectory) throws -> JSONValue {
        let (links, figureFiles) = try writeFigures(report.figures(), title: report.title, into: staging)
        let summary = report.json
        try staging.write(JSONWriter.pretty(summary), to: "summary.json")
        try staging.write(report.csv, to: "comparison.csv")
        var files = [
            ReportFileEntry(
                name: "summary.json",
                what: "the verdict, every result with its test and p-value, and the differences, as JSON"),
            ReportFileEntry(name: "comparison.csv", what: "the results table, one row per metric"),
        ]
        if let discordant = report.discordantCSV {
            try staging.write(discordant, to: "discordant_images.csv")
            files.append(
                ReportFileEntry(
                    name: "discordant_images.csv",
                    what: "the test images exactly one run classifies correctly, with both predictions"))
        }
        let markdown = try templates.render("compare.md", report.view(figures: links, files: figureFiles + files))
        try staging.write(markdown, to: "README.md")
        return summary
    }

    /// The compact Markdown summary (`compare-summary.md`) of a comparison written to `folder`.
    public func summary(_ report: CompareReport, folder: String) throws -> String {
        try templates.render("compare-summary.md", report.summaryView(folder: folder))
    }
}
