import Metrics

/// What `nnreport render` and `nnreport merge` print once the report is written.
extension RenderOutcome {
    /// summary.json as `--json` prints it.
    public var summaryJSON: String { JSONWriter.pretty(summary) }

    /// "Report of RUN written to FOLDER" or "Comparison of N runs written to FOLDER".
    public var doneMessage: String {
        let what = kind == .log ? "Report of \(runs[0])" : "Comparison of \(runs.count) runs"
        return "\(what) written to \(folder.path)"
    }
}
