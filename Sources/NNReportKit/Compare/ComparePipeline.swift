import Foundation
import Metrics
import Report

/// `nnreport compare BASELINE CANDIDATE`: reads both inputs, decides whether the candidate is
/// better, worse or not distinguishable from the baseline, and writes a report folder (and the
/// job summary).
///
/// The inputs decide the statistics (``CompareReport``): two run folders with test predictions
/// are paired image by image (McNemar), two sweeps or folders of repeated runs are compared
/// over their seeds (Welch), and anything else `nnreport render` reads is compared by best and
/// last values against `--tolerance`. Everything is read and checked before the report folder
/// is staged: bad input leaves nothing behind.
public struct ComparePipeline {
    public var request: CompareRequest
    /// Receives one-line notes for the user (warnings about the inputs); the CLI prints them.
    public var note: (String) -> Void
    /// The clock for the report folder's timestamp.
    public var now: () -> Date

    public init(
        request: CompareRequest, note: @escaping (String) -> Void = { _ in }, now: @escaping () -> Date = Date.init
    ) {
        self.request = request
        self.note = note
        self.now = now
    }

    /// Reads, compares and writes the report; returns where it landed and the verdict.
    ///
    /// - Throws: ``CompareError`` (wrapped in ``PipelineError``) for inputs that cannot be
    ///   compared, naming the file; report errors as the other commands throw them.
    public func run() throws -> CompareOutcome {
        let started = now()
        let settings = request.report.protecting([request.baseline, request.candidate], as: "an input of this command")
        try PipelineError.during("preparing the report folder") { try settings.checkOutput() }
        let templates = try settings.loadTemplates()
        let report = try PipelineError.during("reading the inputs") { try compare(settings: settings) }
        for warning in report.warnings { note("warning: \(warning)") }

        let name = "compare-" + RenderPipeline.folderName([report.baseline.name, report.candidate.name])
        let staging = try PipelineError.during("preparing the report folder") {
            try settings.stage(name: name, started: started, note: note)
        }
        let writer = try PipelineError.during("loading the fonts") { try settings.writer(templates: templates) }
        let summary = try PipelineError.during("writing the report") { try writer.write(report, into: staging) }
        let folder = try PipelineError.during("finishing the report folder") { try settings.commit(staging) }
        try settings.appendGitHubSummary(folder: folder) { try writer.summary(report, folder: $0) }
        return CompareOutcome(folder: folder, report: report, summary: summary)
    }

    /// The comparison of the request's inputs, without writing anything.
    public func compare(settings: ReportSettings? = nil) throws -> CompareReport {
        let settings = settings ?? request.report
        let baseline = try CompareInput.classify(request.baseline)
        let candidate = try CompareInput.classify(request.candidate)
        var report: CompareReport
        switch (baseline, candidate) {
        case (.run(let b), .run(let c)):
            report = try compareRuns(CompareRunFolder.read(b), CompareRunFolder.read(c), settings: settings)
        case _ where baseline.isGroup && candidate.isGroup:
            report = try compareGroups(group(baseline), group(candidate), settings: settings)
        case _ where baseline.isGroup || candidate.isGroup:
            throw CompareError.mismatchedKinds(
                baseline: baseline.url.path, baselineKind: baseline.kindName, candidate: candidate.url.path,
                candidateKind: candidate.kindName)
        default:
            report = try compareLogs(baseline.url, candidate.url, settings: settings, notes: [])
        }
        if !request.tolerances.isEmpty, report.kind != .logs {
            report.notes.append(
                "`--tolerance` applies to logs compared without a test; these inputs were tested, so it was not used.")
        }
        return report
    }

    func group(_ input: CompareInput) throws(CompareError) -> CompareGroupSide {
        switch input {
        case .sweep(let url, let manifest): return try CompareGroupSide.sweep(url, manifest: manifest)
        case .runGroup(let url, let folders): return try CompareGroupSide.runs(url, folders: folders)
        case .run, .log: preconditionFailure("\(input.kindName) is not a group")
        }
    }

    /// "baseline" or "candidate" with where it was read, as the report describes it.
    func side(_ role: String, name: String, url: URL, description: String) -> CompareReport.Side {
        CompareReport.Side(
            role: role, name: name, location: GitHubSummary.relativePath(url), description: description)
    }
}

/// Where a comparison report landed and what it concluded.
public struct CompareOutcome: Sendable {
    public var folder: URL
    public var report: CompareReport
    /// The content of the report's summary.json.
    public var summary: JSONValue

    public var verdict: Verdict { report.verdict }
}
