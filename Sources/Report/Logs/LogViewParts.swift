/// The parts of the view model that log and comparison reports share.
enum LogViewParts {
    /// `title`, `figures` (a list, in order), `figure` (the same keyed by figure key), `files`,
    /// `command` and `version`.
    static func common(
        title: String, figures: [FigureLink], files: [ReportFileEntry], command: String, version: String
    ) -> [String: Any] {
        let list: [[String: Any]] = figures.map {
            ["key": $0.key, "file": $0.file, "alt": MarkdownText.alt($0.alt), "caption": $0.caption]
        }
        var byKey: [String: Any] = [:]
        for (link, entry) in zip(figures, list) { byKey[link.key] = entry }
        return [
            "title": MarkdownText.cell(title),
            "figures": list,
            "figure": byKey,
            "files": ReportFileEntry.views(files),
            "command": command,
            "version": version,
        ]
    }
}
