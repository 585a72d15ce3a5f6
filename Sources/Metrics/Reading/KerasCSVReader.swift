import Foundation

/// Reads a Keras `CSVLogger` file (and nnreport's metrics.csv, written the same way).
///
/// Keras writes `epoch` first, counting from 0, then the sorted metric names; values as Python
/// floats (`nan`, `inf` possible), `NA` where a metric is missing in an epoch; CRLF line ends;
/// `separator` may be other than a comma (detected from the header). Epochs are stored
/// 1-based. With `append=True` a resumed run repeats epochs: the later row wins (counted).
/// Old (`acc`, `val_acc`, `lr`) and new (`accuracy`, `val_accuracy`, `learning_rate`) names
/// are both understood; any other column is kept as a metric if it is numeric.
enum KerasCSVReader {
    /// Nil when the header looks like a Keras CSVLogger file, else why not.
    static func mismatch(header: [String]?) -> String? {
        guard let header else { return "the first line is not a delimited header" }
        guard header.first == "epoch" else {
            return "the first column is \(LogFile.excerpt(header.first ?? "")), not \"epoch\""
        }
        if header.contains("step") { return "it has a \"step\" column, which Keras does not write" }
        guard header.count >= 2 else { return "it has no metric columns after \"epoch\"" }
        return nil
    }

    static func parse(_ bytes: [UInt8], source: URL) throws(MetricLogError) -> MetricLog {
        let path = source.path
        let delimiter = CSVTable.guessDelimiter(bytes) ?? UInt8(ascii: ",")
        let table = try CSVTable.parse(bytes, delimiter: delimiter, path: path)
        if let reason = mismatch(header: table.header) {
            throw .malformed(
                path: path, location: .line(1, column: nil), expected: "a Keras CSVLogger header (epoch,<metrics>...)",
                found: reason)
        }
        var builder = MetricLogBuilder()
        let metricColumns = try TableColumns.numeric(table, excluding: [0], builder: &builder)
        for record in table.records {
            let epochCell = record.fields[0].trimmingWhitespace()
            guard let epoch = Int(epochCell), epoch >= 0 else {
                throw .malformed(
                    path: path, location: .line(record.line, column: 1), expected: "an epoch number (0, 1, 2, ...)",
                    found: LogFile.excerpt(epochCell))
            }
            for column in metricColumns {
                guard case .number(let value) = NumberCell(record.fields[column]) else { continue }
                builder.add(table.header[column], cadence: .epoch, epoch: Double(epoch) + 1, value: value)
            }
        }
        TableColumns.noteRepairs(table, into: &builder)
        guard !table.records.isEmpty else {
            throw .noMetrics(path: path, format: .kerasCSV, reason: "the header has no rows under it")
        }
        return MetricLog(
            source: source, format: .kerasCSV, runName: LogReader.runName(for: source), series: builder.buildSeries(),
            warnings: builder.tally.messages)
    }
}
