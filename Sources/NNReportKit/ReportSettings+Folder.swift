import ChartsCairo
import Foundation
import Report

/// The steps every report command takes with its ``ReportSettings``: stage the folder, load
/// the templates, draw and write, rename the folder into place, append the job summary.
extension ReportSettings {
    /// `--out`, or `<reportsRoot>/<name>-<yyyyMMdd-HHmmss>` for a report started at `started`.
    public func destination(name: String, started: Date) -> URL {
        output ?? reportsRoot.appendingPathComponent("\(name)-\(Self.timestamp(started))", isDirectory: true)
    }

    /// A hidden staging folder for the report at ``destination(name:started:)``, renamed into
    /// place by ``commit(_:)`` once every file is written.
    ///
    /// Staging folders that dead processes left in the same parent folder are dealt with first,
    /// each with a line to `note`: an unfinished run that can be continued (a checkpoint, a
    /// sweep's plan) is kept and named with what it holds and how to continue or remove it
    /// (``UnfinishedRun/notice``); anything else is removed (``StagingLeftover``).
    ///
    /// - Parameter adopting: an unfinished run to continue: its folder becomes the staging folder.
    func stage(name: String, started: Date, note: (String) -> Void, adopting: UnfinishedRun? = nil) throws
        -> StagingDirectory
    {
        let destination = destination(name: name, started: started).standardizedFileURL
        for leftover in StagingLeftover.find(in: destination.deletingLastPathComponent())
        where leftover.url.standardizedFileURL != adopting?.folder.standardizedFileURL {
            let own = leftover.kind == .partial && leftover.belongs(to: destination)
            guard own || namesOtherUnfinishedRuns else { continue }
            if leftover.kind == .partial, let unfinished = UnfinishedRun.inspect(leftover.url, leftover: leftover) {
                note(unfinished.notice)
            } else {
                note(leftover.cleanUp())
            }
        }
        return try StagingDirectory(
            destination: destination, replaceExisting: force, replacementGuard: replacementGuard,
            marker: .current(version: NNReportVersion.string, command: command, arguments: arguments),
            adopting: adopting?.folder, shouldAbort: shouldAbort)
    }

    /// Fails when `--out` cannot become the report folder (a dangling symbolic link, a folder
    /// `--force` may not replace): checked before data is loaded or anything is trained, and
    /// again when the folder is staged and when it is renamed into place.
    func checkOutput() throws {
        guard let output else { return }
        try StagingDirectory.checkDestination(
            output.standardizedFileURL, replaceExisting: force, guard: replacementGuard)
    }

    /// What `--force` may not replace: ``protectedPaths`` and the `--templates` folder.
    var replacementGuard: ReplacementGuard {
        ReplacementGuard(
            protected: protectedPaths + (templates.map { [.init($0, role: "the --templates folder")] } ?? []))
    }

    /// These settings with `paths` protected as `role` ("an input of this command").
    func protecting(_ paths: [URL], as role: String) -> ReportSettings {
        var settings = self
        settings.protectedPaths += paths.map { .init($0, role: role) }
        return settings
    }

    /// Renames the finished staging folder into place and returns where it landed. An
    /// automatically named folder never replaces one another run took meanwhile (it becomes
    /// `name-2`, ...); `--out` is replaced only as `--force` allowed when staging.
    func commit(_ staging: StagingDirectory) throws -> URL {
        try staging.commit(uniqueName: output == nil)
    }

    /// The `--templates` folder (each template missing there falls back to the built-in
    /// copy), or the built-in templates.
    func loadTemplates() throws -> TemplateSet {
        try templates.map { try TemplateSet.load(directory: $0) } ?? TemplateSet.builtIn()
    }

    /// A writer drawing figures in ``formats`` at ``scale`` with ``command`` in their metadata.
    func writer(templates: TemplateSet) throws -> ReportWriter {
        ReportWriter(
            renderer: FigureRenderer(fonts: try FontSet.dejaVuSans()), templates: templates, formats: formats,
            scale: scale, software: "nnreport \(NNReportVersion.string)", command: command)
    }

    /// Appends the job summary to `--github-summary`, when given.
    ///
    /// - Parameter summary: the Markdown for the report folder at the path it is given
    ///   (relative to the working folder when inside it, as CI logs show paths).
    func appendGitHubSummary(folder: URL, _ summary: (_ folder: String) throws -> String) throws {
        guard let file = githubSummary else { return }
        try PipelineError.during("appending to \(file.path)") {
            try GitHubSummary.append(try summary(GitHubSummary.relativePath(folder)), to: file)
        }
    }

    /// `20261122-193000` in UTC: sortable, and the same for everyone reading the folder name.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }
}
