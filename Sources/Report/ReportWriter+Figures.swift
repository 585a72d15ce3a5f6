import ChartsCairo
import Foundation

extension ReportWriter {
    /// Draws each figure in every requested format and writes its data as CSV beside it: the
    /// figure step of every kind of report (run, log, comparison, sweep, approx).
    ///
    /// - Parameter title: the report's title, for the figures' PNG/SVG/PDF metadata.
    /// - Returns: the figures as the README links them, and the files written, for its file list.
    func writeFigures(_ figures: [RunFigure], title: String, into staging: StagingDirectory) throws -> (
        links: [FigureLink], files: [ReportFileEntry]
    ) {
        var links: [FigureLink] = []
        var entries: [ReportFileEntry] = []
        for figure in figures {
            // A stem made from a 300-character metric name would exceed the file system's 255
            // bytes: it is shortened with a hash; the full name stays in the alt text and caption.
            let stem = ReportFileName.shortened(figure.name)
            for format in formats {
                let fileName = "\(stem).\(format.fileExtension)"
                let metadata = FigureMetadata(title: "\(title): \(figure.alt)", software: software, command: command)
                let bytes: [UInt8]
                do {
                    bytes = try renderer.render(figure.figure, format: format, scale: scale, metadata: metadata)
                } catch {
                    throw ReportError.figure(name: fileName, reason: "\(error)")
                }
                try staging.write(Data(bytes), to: fileName)
            }
            try staging.write(figure.csv, to: "\(stem).csv")
            let linked = "\(stem).\(linkFormat.fileExtension)"
            links.append(FigureLink(key: figure.key, file: linked, alt: figure.alt, caption: figure.caption))
            entries.append(ReportFileEntry(name: linked, what: figure.caption))
            entries.append(ReportFileEntry(name: "\(stem).csv", what: "the data behind \(linked)"))
        }
        return (links, entries)
    }
}
