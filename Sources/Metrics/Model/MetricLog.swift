import Foundation

/// A training log of any supported format, normalised: what every reader produces and what
/// the report is built from.
public struct MetricLog: Sendable, Equatable {
    /// The file or folder the log was read from.
    public var source: URL
    public var format: LogFormat
    /// A short name for legends and tables (the run folder's name, or the file's).
    public var runName: String
    /// Settings of the run in the order the log gave them; nested maps flattened to dotted names.
    public var hyperparameters: [Hyperparameter]
    public var series: [MetricSeries]
    /// Final figures on held-out test data (nnreport's `test` event), when the log has them.
    public var testResults: [NamedValue]
    /// Values the log records once, at the end, under the name it gives them: Hugging Face's
    /// `train_loss` (the mean over training), TensorBoard's `hparam/*` metrics, DVCLive's
    /// metrics.json, Trainer and MLflow summaries.
    public var finalValues: [NamedValue]
    /// How the run ended (`completed`, `early_stopped`, `diverged`, `interrupted`) when the log says.
    public var status: String?
    /// The run's summary document (nnreport summary.json, DVCLive metrics.json), when present.
    public var summary: JSONValue?
    /// For a plain table read with `--x NAME`: the x column's name, for the axis label.
    public var xColumn: String?
    /// Things skipped or repaired while reading, each with a count: NaN gaps, other summary
    /// kinds, a partial last line or record, duplicate rows.
    public var warnings: [String]
    /// How the report's numbers relate to the log's, said once: how the writer counts epochs
    /// and steps, which of two files holding the same values was read.
    public var notes: [String]
    /// What to add to a logged `step` to get the number of optimisation steps completed at that
    /// point: 0 when the writer logs the count (nnreport, Hugging Face), 1 when it logs the
    /// 0-based index of the step just taken (Lightning). Used to place steps within epochs.
    public var stepOffset: Int

    public init(
        source: URL, format: LogFormat, runName: String, hyperparameters: [Hyperparameter] = [],
        series: [MetricSeries] = [], testResults: [NamedValue] = [], status: String? = nil,
        summary: JSONValue? = nil, xColumn: String? = nil, warnings: [String] = [], finalValues: [NamedValue] = [],
        notes: [String] = [], stepOffset: Int = 0
    ) {
        self.source = source
        self.format = format
        self.runName = runName
        self.hyperparameters = hyperparameters
        self.series = series
        self.testResults = testResults
        self.status = status
        self.summary = summary
        self.xColumn = xColumn
        self.warnings = warnings
        self.finalValues = finalValues
        self.notes = notes
        self.stepOffset = stepOffset
    }

    /// The series with this canonical name (`val_loss`), preferring `cadence` when given.
    public func series(named canonical: String, cadence: MetricCadence? = nil) -> MetricSeries? {
        let matching = series.filter { $0.canonicalName == canonical }
        if let cadence { return matching.first { $0.cadence == cadence } }
        return matching.first { $0.cadence == .epoch } ?? matching.first
    }

    /// The hyperparameter with this dotted name.
    public func hyperparameter(_ name: String) -> JSONValue? {
        hyperparameters.first { $0.name == name }?.value
    }
}

extension MetricLog {
    /// The hyperparameter names whose values are not the same in every log (missing in some
    /// counts as different), in order of first appearance: the rows of a comparison table.
    public static func differingHyperparameters(_ logs: [MetricLog]) -> [String] {
        var names: [String] = []
        for log in logs {
            for parameter in log.hyperparameters where !names.contains(parameter.name) { names.append(parameter.name) }
        }
        return names.filter { name in
            let values = logs.map { $0.hyperparameter(name) }
            return values.contains { $0 != values[0] }
        }
    }
}
