import Engine
import Foundation
import Metrics
import Report

/// `nnreport approx`: build the box and the staircases, fit the ReLU networks, and write the
/// report folder (atomically, through a staging folder renamed into place when complete).
public struct ApproxPipeline {
    public var request: ApproxRequest
    /// Receives one-line notes for the user; the CLI prints them.
    public var note: (String) -> Void
    /// The clock for the folder name and summary.json's timestamps.
    public var now: () -> Date

    public init(request: ApproxRequest, note: @escaping (String) -> Void = { _ in }, now: @escaping () -> Date = Date.init) {
        self.request = request
        self.note = note
        self.now = now
    }

    /// Checks the fit settings; the error names the option.
    public func validate() throws(ConfigurationError) {
        try request.fitConfiguration.validate()
    }

    /// Runs the whole pipeline and returns where the report landed.
    public func run() throws -> ApproxOutcome {
        let started = now()
        let configuration = request.fitConfiguration
        try PipelineError.during("reading the options") { try configuration.validate() }

        let settings = request.report
        let staging = try PipelineError.during("preparing the report folder") {
            try settings.stage(name: "approx", started: started, note: note)
        }
        // Templates are read before the fits, so a broken --templates folder fails at once.
        let templates = try PipelineError.during("reading the templates") { try settings.loadTemplates() }

        let results = ApproxResults.compute(configuration: configuration, note: note)
        let environment = EnvironmentInfo.current(blasThreads: 1)
        let summary = ApproxSummary(
            results: results, configuration: configuration, environment: environment, command: settings.command,
            started: started, finished: now())
        try PipelineError.during("writing summary.json") {
            try staging.write(JSONWriter.pretty(summary.json), to: "summary.json")
        }
        let report = ApproxReportBuilder(
            results: results, configuration: configuration, environment: environment, command: settings.command,
            title: settings.title
        ).build()
        let writer = try PipelineError.during("loading the fonts") { try settings.writer(templates: templates) }
        _ = try PipelineError.during("writing the report") {
            try writer.write(report, into: staging, files: Self.fileEntries)
        }
        let folder = try PipelineError.during("finishing the report folder") { try settings.commit(staging) }
        try settings.appendGitHubSummary(folder: folder) { try writer.summary(report, folder: $0) }
        return ApproxOutcome(folder: folder, summary: summary.json, report: report)
    }

    /// The non-figure files of the folder, as the README lists them.
    static let fileEntries: [ReportFileEntry] = [
        ReportFileEntry(
            name: "summary.json",
            what: "settings, the box network, staircase errors, and every start's loss, residual and parameters of each fit")
    ]
}

/// Where an approx report landed and what it found.
public struct ApproxOutcome: Sendable {
    public var folder: URL
    /// The content of summary.json.
    public var summary: JSONValue
    public var report: ApproxReport
}
