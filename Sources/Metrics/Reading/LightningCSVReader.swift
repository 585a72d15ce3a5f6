import Foundation

/// Reads a PyTorch Lightning `CSVLogger` metrics.csv (`<save_dir>/<name>/version_<n>/`).
///
/// Lightning writes one row per `log_metrics` call: a `step` column, an `epoch` column (0-based,
/// added by the Trainer) and the union of all metric names as columns, so rows are sparse:
/// training, validation and epoch-end rows share a step with empty cells. Names carry
/// `_step` / `_epoch` suffixes when a metric is logged both ways. Epochs are stored 1-based.
/// The hyperparameters come from hparams.yaml beside the file (read by ``LogReader``).
enum LightningCSVReader {
    /// Nil when the header looks like a Lightning metrics.csv, else why not.
    static func mismatch(header: [String]?) -> String? {
        guard let header else { return "the first line is not a delimited header" }
        guard header.contains("step") else { return "it has no \"step\" column" }
        let suffixed = header.contains { $0.hasSuffix("_step") || $0.hasSuffix("_epoch") }
        guard header.contains("epoch") || suffixed else {
            return "it has neither an \"epoch\" column nor _step/_epoch metric names"
        }
        guard header.count >= 2 else { return "it has no metric columns" }
        return nil
    }

    static func parse(_ input: ByteSource, source: URL) throws(MetricLogError) -> MetricLog {
        let path = source.path
        var table = try CSVTable(guessingDelimiterOf: input)
        guard let stepColumn = table.column("step") else {
            throw .malformed(
                path: path, location: .line(1, column: nil),
                expected: "a Lightning metrics.csv header with a \"step\" column",
                found: LogFile.excerpt(CSVTable.headerList(table.header)))
        }
        let epochColumn = table.column("epoch")
        var builder = MetricLogBuilder()
        let excluded = Set([stepColumn] + (epochColumn.map { [$0] } ?? []))
        let metricColumns = table.header.indices.filter { !excluded.contains($0) }
        var columns = TableColumns(table)
        while let record = try table.nextRecord() {
            let stepCell = record.fields[stepColumn].trimmingWhitespace()
            guard let step = Int(stepCell) ?? Double(stepCell).flatMap(exactInteger) else {
                throw .malformed(
                    path: path, location: .line(record.line, column: stepColumn + 1), expected: "an integer step",
                    found: LogFile.excerpt(stepCell))
            }
            var epoch: Double?
            if let epochColumn {
                switch NumberCell(record.fields[epochColumn]) {
                case .number(let value) where value.isFinite && value >= 0: epoch = value + 1
                case .missing: epoch = nil
                default:
                    throw .malformed(
                        path: path, location: .line(record.line, column: epochColumn + 1),
                        expected: "an epoch number or an empty cell", found: LogFile.excerpt(record.fields[epochColumn])
                    )
                }
            }
            for column in metricColumns {
                guard let value = try columns.number(record, column) else { continue }
                builder.add(table.header[column], step: step, epoch: epoch, value: value)
            }
        }
        columns.finish(metricColumns, table: table, into: &builder)
        let series = builder.buildSeries()
        guard !series.isEmpty else {
            throw .noMetrics(path: path, format: .lightningCSV, reason: "no row has a metric value")
        }
        return MetricLog(
            source: source, format: .lightningCSV, runName: LogReader.runName(for: source), series: series,
            warnings: builder.tally.messages,
            notes: [
                "Epochs are counted from 1 here: epoch 1 is metrics.csv's epoch 0. Steps as Lightning logs them: "
                    + "step s is the (s+1)-th optimisation step."
            ], stepOffset: 1)
    }

    /// `12.0` written for a step by some loggers is the integer 12.
    static func exactInteger(_ value: Double) -> Int? {
        guard value.isFinite, value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }
}
