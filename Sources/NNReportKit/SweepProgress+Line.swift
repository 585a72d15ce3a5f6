import Report

extension SweepProgress {
    /// The progress line of a finished trial: "[ 3/12] lr=0.01 seed=2  completed, validation
    /// accuracy 97.9%, 12.3 s", the count padded so that the lines align.
    public var line: String {
        let width = String(total).count
        let count = String(repeating: " ", count: width - String(finished).count) + "\(finished)"
        var line = "[\(count)/\(total)] \(trial)  \(SweepReport.statusWords(status))"
        if let validationAccuracy { line += ", validation accuracy \(ReportNumberFormat.percent(validationAccuracy))" }
        line += ", \(ReportNumberFormat.duration(seconds))"
        return line
    }
}
