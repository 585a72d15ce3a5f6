import ChartsCairo
import Foundation

/// Writes a run report into a staging folder: every figure (in each requested format) with its
/// data as CSV, and README.md rendered from the report template.
public struct ReportWriter {
    public var renderer: FigureRenderer
    public var templates: TemplateSet
    /// Formats to write each figure in; the README links the first of png, svg, pdf present.
    public var formats: [OutputFormat]
    /// 1 or 2 (HiDPI PNG).
    public var scale: Int
    /// Written into every PNG's text chunks.
    public var software: String
    public var command: String

    public init(
        renderer: FigureRenderer, templates: TemplateSet, formats: [OutputFormat] = [.png], scale: Int = 1,
        software: String, command: String
    ) {
        precondition(!formats.isEmpty, "ReportWriter needs at least one figure format")
        self.renderer = renderer
        self.templates = templates
        self.formats = formats
        self.scale = scale
        self.software = software
        self.command = command
    }

    /// The format the Markdown links: PNG when written (GitHub shows it inline), else SVG, else PDF.
    var linkFormat: OutputFormat {
        [OutputFormat.png, .svg, .pdf].first { formats.contains($0) } ?? formats[0]
    }

    /// Draws the figures and writes README.md into `staging`.
    ///
    /// - Parameter files: the other files of the folder (metrics.jsonl, summary.json, ...), listed in the README.
    /// - Returns: the figures written, as the README links them.
    @discardableResult
    public func write(_ report: RunReport, into staging: StagingDirectory, files: [ReportFileEntry]) throws -> [FigureLink] {
        let (links, figureFiles) = try writeFigures(RunFigures.all(for: report), title: report.title, into: staging)
        let entries = files + figureFiles
        let markdown = try templates.render("report.md", report.view(figures: links, files: entries))
        try staging.write(markdown, to: "README.md")
        return links
    }

    /// The compact Markdown summary (`summary.md`) of a run report written to `folder`, for a CI job summary.
    public func summary(_ report: RunReport, folder: String) throws -> String {
        try templates.render("summary.md", report.summaryView(folder: folder))
    }
}
