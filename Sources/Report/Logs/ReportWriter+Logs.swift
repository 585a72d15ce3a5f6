import Foundation
import Metrics

extension ReportWriter {
    /// Writes a log report into `staging`: a figure per quantity with its CSV, summary.json, and
    /// README.md rendered from the `log.md` template.
    ///
    /// - Returns: the content of summary.json.
    @discardableResult
    public func write(_ report: LogReport, into staging: StagingDirectory) throws -> JSONValue {
        try writeLogReport(
            kind: "log", title: report.title, version: report.version, runs: [report.run], skipped: report.skipped,
            figures: report.figures(), template: "log.md",
            into: staging, view: report.view)
    }

    /// Writes a comparison report into `staging`: a figure per quantity with its CSV,
    /// summary.json, and README.md rendered from the `comparison.md` template.
    ///
    /// - Returns: the content of summary.json.
    @discardableResult
    public func write(_ report: ComparisonReport, into staging: StagingDirectory) throws -> JSONValue {
        try writeLogReport(
            kind: "comparison", title: report.title, version: report.version, runs: report.runs,
            skipped: report.skipped, figures: report.figures(),
            template: "comparison.md", into: staging, view: report.view)
    }

    /// The compact Markdown summary (`render-summary.md`) of a log report written to `folder`.
    public func summary(_ report: LogReport, folder: String) throws -> String {
        try templates.render("render-summary.md", report.summaryView(folder: folder))
    }

    /// The compact Markdown summary (`render-summary.md`) of a comparison report written to `folder`.
    public func summary(_ report: ComparisonReport, folder: String) throws -> String {
        try templates.render("render-summary.md", report.summaryView(folder: folder))
    }

    private func writeLogReport(
        kind: String, title: String, version: String, runs: [LoggedRun], skipped: [SkippedInput], figures: [RunFigure],
        template: String,
        into staging: StagingDirectory, view: ([FigureLink], [ReportFileEntry]) -> Any
    ) throws -> JSONValue {
        let (links, figureFiles) = try writeFigures(figures, title: title, into: staging)
        let summary = JSONValue.object(
            [(key: "kind", value: .string(kind)), (key: "title", value: .string(title))]
                + ComparisonTable.json(runs: runs)
                + [
                    (
                        key: "passed_over",
                        value: .array(skipped.map { ["path": .string($0.path), "reason": .string($0.reason)] })
                    ),
                    (key: "version", value: .string(version)), (key: "command", value: .string(command)),
                ])
        try staging.write(JSONWriter.pretty(summary), to: "summary.json")
        let files =
            figureFiles + [
                ReportFileEntry(
                    name: "summary.json",
                    what: "the runs, the last and best value of every metric and the differing hyperparameters, as JSON"
                )
            ]
        try staging.write(try templates.render(template, view(links, files)), to: "README.md")
        return summary
    }
}
