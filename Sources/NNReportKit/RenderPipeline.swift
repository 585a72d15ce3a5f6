import Foundation
import Metrics
import Report

/// `nnreport render`: reads training logs of any supported format and writes a report folder:
/// a log report for one run, a comparison report for several. `nnreport merge` is
/// ``merge()``.
///
/// The folder is built in a hidden staging sibling and renamed into place only when every file
/// is written, so a log that cannot be read, a broken template or a full disk leaves nothing
/// behind.
public struct RenderPipeline {
    public var request: RenderRequest
    /// Receives one-line notes for the user (warnings about the logs); the CLI prints them.
    public var note: (String) -> Void
    /// The clock for the report folder's timestamp.
    public var now: () -> Date

    public init(
        request: RenderRequest, note: @escaping (String) -> Void = { _ in }, now: @escaping () -> Date = Date.init
    ) {
        self.request = request
        self.note = note
        self.now = now
    }

    /// Reads every input and writes the report; returns where it landed.
    public func run() throws -> RenderOutcome {
        var collection = LogCollection()
        for input in request.inputs {
            collection += try PipelineError.during("reading the training logs") {
                try LogReader.read(input, format: request.format, x: request.x)
            }
        }
        // A run folder whose metric stream has no end: killed, or still being written.
        let logs = collection.logs.map { $0.withEndStatusFromMarker() }
        return try publish(logs, skipped: collection.skipped, command: "render")
    }

    /// Writes the report of `logs` (already read): the part `nnreport merge` shares.
    ///
    /// - Parameter command: the first word of an automatic folder name (`render`, `merge`).
    func publish(_ logs: [MetricLog], skipped: [SkippedInput] = [], command: String) throws -> RenderOutcome {
        precondition(!logs.isEmpty, "a report needs at least one log")
        let started = now()
        let runs = LoggedRun.named(logs, location: GitHubSummary.relativePath)
        let skipped = skipped.map {
            SkippedInput(path: GitHubSummary.relativePath(URL(fileURLWithPath: $0.path)), reason: $0.reason)
        }
        for item in skipped { note("passed over: \(item.path): \(item.reason)") }
        var warnings: [String] = []
        for run in runs {
            for warning in run.log.warnings {
                warnings.append("\(run.name): \(warning)")
                note("warning: \(run.name): \(warning)")
            }
        }
        // Template errors come first and unwrapped: their `file:line:column: message` form is
        // what editors jump to.
        // The logs the report is made from are never replaced by it, whatever --force says.
        let settings = request.report.protecting(request.inputs, as: "an input of this command")
        let templates = try settings.loadTemplates()
        let staging = try PipelineError.during("preparing the report folder") {
            try settings.stage(name: "\(command)-\(Self.folderName(runs.map(\.name)))", started: started, note: note)
        }
        let writer = try PipelineError.during("loading the fonts") { try settings.writer(templates: templates) }
        let kind: RenderOutcome.Kind = runs.count == 1 ? .log : .comparison
        let log = LogReport(
            run: runs[0], title: settings.title, command: settings.command, version: NNReportVersion.string,
            skipped: skipped)
        let comparison = ComparisonReport(
            runs: runs, title: settings.title, command: settings.command, version: NNReportVersion.string,
            skipped: skipped)
        let summary = try PipelineError.during("writing the report") {
            kind == .log ? try writer.write(log, into: staging) : try writer.write(comparison, into: staging)
        }
        let folder = try PipelineError.during("finishing the report folder") { try settings.commit(staging) }
        try settings.appendGitHubSummary(folder: folder) {
            kind == .log ? try writer.summary(log, folder: $0) : try writer.summary(comparison, folder: $0)
        }
        return RenderOutcome(
            folder: folder, kind: kind, runs: runs.map(\.name), summary: summary, warnings: warnings, skipped: skipped)
    }

    /// A folder-name part from run names: the name itself for one run, `a-vs-b` for two,
    /// `a-and-2-more` for more; only letters, digits, `.`, `_` and `-`, at most 60 characters.
    static func folderName(_ names: [String]) -> String {
        func clean(_ name: String) -> String {
            var out = ""
            for scalar in name.unicodeScalars {
                let keep =
                    scalar.isASCII
                    && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                if keep {
                    out.unicodeScalars.append(scalar)
                } else if !out.isEmpty, out.last != "-" {
                    out.append("-")
                }
            }
            while out.last == "-" || out.last == "." { out.removeLast() }
            while out.first == "." { out.removeFirst() }
            return out.isEmpty ? "run" : String(out.prefix(40))
        }
        switch names.count {
        case 0: return "empty"
        case 1: return clean(names[0])
        case 2: return String((clean(names[0]) + "-vs-" + clean(names[1])).prefix(60))
        default: return clean(names[0]) + "-and-\(names.count - 1)-more"
        }
    }
}

/// Where a rendered report landed and what it holds.
public struct RenderOutcome: Sendable {
    public enum Kind: String, Sendable {
        /// One run: templates/log.md.
        case log
        /// Several runs: templates/comparison.md.
        case comparison
    }

    public var folder: URL
    public var kind: Kind
    /// The runs' names as the report shows them.
    public var runs: [String]
    /// The content of the report's summary.json.
    public var summary: JSONValue
    /// What the readers skipped or repaired, one line per warning, prefixed with the run name.
    public var warnings: [String]
    /// Files and folders passed over while looking for runs.
    public var skipped: [SkippedInput]
}
