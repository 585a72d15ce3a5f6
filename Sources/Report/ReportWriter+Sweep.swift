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

    /// Draws each figure in every format with its CSV beside it.
    ///
    /// The same steps as the figure loop of ``write(_:into:files:)`` for runs, which could call
    /// this too (`csvNote` aside).
    ///
    /// - Returns: the links the README shows, and the files written with what they hold.
    func writeFigures(
        _ figures: [RunFigure], title: String, into staging: StagingDirectory,
        csvNote: String = ", with each seed's value"
    ) throws -> (links: [FigureLink], files: [ReportFileEntry]) {
        var links: [FigureLink] = []
        var files: [ReportFileEntry] = []
        for figure in figures {
            for format in formats {
                let name = "\(figure.name).\(format.fileExtension)"
                let metadata = FigureMetadata(title: "\(title): \(figure.alt)", software: software, command: command)
                let bytes: [UInt8]
                do {
                    bytes = try renderer.render(figure.figure, format: format, scale: scale, metadata: metadata)
                } catch {
                    throw ReportError.figure(name: name, reason: "\(error)")
                }
                try staging.write(Data(bytes), to: name)
            }
            try staging.write(figure.csv, to: "\(figure.name).csv")
            let linked = "\(figure.name).\(linkFormat.fileExtension)"
            links.append(FigureLink(key: figure.key, file: linked, alt: figure.alt, caption: figure.caption))
            files.append(ReportFileEntry(name: linked, what: figure.caption))
            files.append(ReportFileEntry(name: "\(figure.name).csv", what: "the data behind \(linked)\(csvNote)"))
        }
        return (links, files)
    }

    /// The compact Markdown summary (`sweep-summary.md`) of `report`, for a CI job summary.
    public func summary(_ report: SweepReport, folder: String) throws -> String {
        try templates.render("sweep-summary.md", report.view(figures: [], files: [], folder: folder))
    }
}
