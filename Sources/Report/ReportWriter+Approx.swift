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
        let linked = linkFormat
        var links: [FigureLink] = []
        var entries = files
        for figure in ApproxFigures.all(for: report) {
            let metadata = FigureMetadata(title: "\(report.title): \(figure.alt)", software: software, command: command)
            for format in formats {
                let fileName = "\(figure.name).\(format.fileExtension)"
                do {
                    let bytes = try renderer.render(figure.figure, format: format, scale: scale, metadata: metadata)
                    try staging.write(Data(bytes), to: fileName)
                } catch let error as RenderError {
                    throw ReportError.figure(name: fileName, reason: "\(error)")
                }
            }
            try staging.write(figure.csv, to: "\(figure.name).csv")
            let file = "\(figure.name).\(linked.fileExtension)"
            links.append(FigureLink(key: figure.key, file: file, alt: figure.alt, caption: figure.caption))
            entries.append(ReportFileEntry(name: file, what: figure.caption))
            entries.append(ReportFileEntry(name: "\(figure.name).csv", what: "the data behind \(file)"))
        }
        let markdown = try templates.render("approx.md", report.view(figures: links, files: entries))
        try staging.write(markdown, to: "README.md")
        return links
    }

    /// The compact Markdown summary (`approx-summary.md`) of a report written to `folder`.
    public func summary(_ report: ApproxReport, folder: String) throws -> String {
        var view = report.view(figures: [], files: [])
        view["folder"] = folder
        return try templates.render("approx-summary.md", view)
    }
}
