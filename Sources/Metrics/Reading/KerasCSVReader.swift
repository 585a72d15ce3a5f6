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
    /// Nil when the header (and the first row's epoch) look like a Keras CSVLogger file, else
    /// why not. CSVLogger writes `epoch` first, then the metric names sorted as Python sorts
    /// them, and its first row is epoch 0; a table with an `epoch` column that breaks either
    /// rule (a pandas history saved with `to_csv`, counting epochs from 1) is not shifted.
    static func mismatch(header: [String]?, firstEpoch: String? = nil) -> String? {
        guard let header else { return "the first line is not a delimited header" }
        guard header.first == "epoch" else {
            return "the first column is \(LogFile.excerpt(header.first ?? "")), not \"epoch\""
        }
        if header.contains("step") { return "it has a \"step\" column, which Keras does not write" }
        guard header.count >= 2 else { return "it has no metric columns after \"epoch\"" }
        guard isKerasOrder(Array(header.dropFirst())) else {
            return "the columns after \"epoch\" are not sorted, as Keras's CSVLogger sorts them"
        }
        if let firstEpoch, firstEpoch.trimmingWhitespace() != "0" {
            return "its first row is epoch \(LogFile.excerpt(firstEpoch)), and Keras's CSVLogger starts at 0"
        }
        return nil
    }

    /// The order CSVLogger writes its columns in: the metric names sorted by code point (as
    /// Python's `sorted`), followed, when the first epoch had no validation values
    /// (`validation_freq` > 1), by `val_` and each name again.
    static func isKerasOrder(_ names: [String]) -> Bool {
        func sorted(_ part: ArraySlice<String>) -> Bool {
            let scalars = part.map { Array($0.unicodeScalars.map(\.value)) }
            return zip(scalars, scalars.dropFirst()).allSatisfy { !$1.lexicographicallyPrecedes($0) }
        }
        if sorted(names[...]) { return true }
        guard names.count % 2 == 0 else { return false }
        let half = names.count / 2
        let first = names[..<half]
        return sorted(first) && zip(first, names[half...]).allSatisfy { "val_" + $0 == $1 }
    }

    static func parse(_ input: ByteSource, source: URL) throws(MetricLogError) -> MetricLog {
        let path = source.path
        var table = try CSVTable(guessingDelimiterOf: input)
        if let reason = mismatch(header: table.header) {
            throw .malformed(
                path: path, location: .line(1, column: nil), expected: "a Keras CSVLogger header (epoch,<metrics>...)",
                found: reason)
        }
        var builder = MetricLogBuilder()
        var columns = TableColumns(table)
        let metricColumns = Array(table.header.indices.dropFirst())
        while let record = try table.nextRecord() {
            let epochCell = record.fields[0].trimmingWhitespace()
            guard let epoch = Int(epochCell), epoch >= 0 else {
                throw .malformed(
                    path: path, location: .line(record.line, column: 1), expected: "an epoch number (0, 1, 2, ...)",
                    found: LogFile.excerpt(epochCell))
            }
            for column in metricColumns {
                guard let value = try columns.number(record, column) else { continue }
                builder.add(table.header[column], cadence: .epoch, epoch: Double(epoch) + 1, value: value)
            }
        }
        columns.finish(metricColumns, table: table, into: &builder)
        guard table.recordCount > 0 else {
            throw .noMetrics(path: path, format: .kerasCSV, reason: "the header has no rows under it")
        }
        return MetricLog(
            source: source, format: .kerasCSV, runName: LogReader.runName(for: source), series: builder.buildSeries(),
            warnings: builder.tally.messages,
            notes: ["Epochs are counted from 1 here: epoch 1 is the log's epoch 0 (Keras counts from 0)."])
    }
}
