import Metrics

/// What `nnreport approx` prints once its report is written.
extension ApproxOutcome {
    /// summary.json as `--json` prints it.
    public var summaryJSON: String { JSONWriter.pretty(summary) }

    /// "Report written to FOLDER (data set 1: 3/5 exact, ...)".
    public var doneMessage: String {
        let exact = report.fits.map { "data set \($0.number): \($0.exactCount)/\($0.starts.count) exact" }
        return "Report written to \(folder.path) (\(exact.joined(separator: ", ")))"
    }
}
