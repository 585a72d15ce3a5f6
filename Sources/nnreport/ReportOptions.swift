import ArgumentParser
import ChartsCairo
import Foundation
import NNReportKit

/// Where and how the report is written.
struct ReportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Report folder (default: a new folder in reports/ named after the run and the time, e.g. reports/mnist-default-20261122-193000). An existing non-empty folder is refused unless --force.",
            valueName: "dir"))
    var out: String?

    @Flag(
        help:
            "Replace the --out folder if nnreport wrote it (never the current folder, a folder the command reads, or one holding .git)."
    )
    var force = false

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp("Figure format: png, svg or pdf; repeat for several (default png).", valueName: "format"))
    var formats: [OutputFormat] = []

    @Option(help: ArgumentHelp("PNG pixel scale: 1, or 2 for HiDPI.", valueName: "n"))
    var scale: Int = 1

    @Option(help: ArgumentHelp("Folder with your own copies of the report templates (*.mustache).", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("Title of the report.", valueName: "text"))
    var title: String?

    @Option(
        name: .customLong("github-summary"),
        help: ArgumentHelp(
            "Append a compact Markdown summary to this file (e.g. $GITHUB_STEP_SUMMARY).", valueName: "file"))
    var githubSummary: String?

    @Flag(help: "Print nothing but errors (and --json).")
    var quiet = false

    @Flag(help: "Print summary.json to standard output when done.")
    var json = false

    func validate() throws {
        guard scale == 1 || scale == 2 else {
            throw ValidationError("--scale \(scale) is not allowed: expected 1 or 2")
        }
        if let githubSummary, githubSummary.isEmpty {
            throw ValidationError(
                "--github-summary '' is empty: expected a file such as \"$GITHUB_STEP_SUMMARY\", "
                    + "which only GitHub Actions sets")
        }
    }

    var figureFormats: [OutputFormat] {
        var seen: [OutputFormat] = []
        for f in formats where !seen.contains(f) { seen.append(f) }
        return seen.isEmpty ? [.png] : seen
    }

    /// The report settings these options ask for, with the command line as typed.
    var settings: ReportSettings { settings(abortingWhen: { false }) }

    /// The report settings, with `shouldAbort` polled while the report is written (a signal's abort).
    func settings(abortingWhen shouldAbort: @escaping @Sendable () -> Bool) -> ReportSettings {
        ReportSettings(
            output: Resumption.current?.destination ?? out.map { URL(fileURLWithPath: $0, isDirectory: true) },
            force: force, formats: figureFormats, scale: scale,
            templates: templates.map { URL(fileURLWithPath: $0, isDirectory: true) }, title: title,
            githubSummary: githubSummary.map { URL(fileURLWithPath: $0) }, command: CommandLineText.current,
            shouldAbort: shouldAbort, arguments: Array(Resumption.commandLine.dropFirst()))
    }
}

extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
