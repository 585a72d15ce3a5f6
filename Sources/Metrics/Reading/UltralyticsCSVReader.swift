import Foundation

/// Reads an Ultralytics YOLO `results.csv` (`runs/detect/train/results.csv`).
///
/// One row per epoch, `epoch` counted from 1 (the row of the first epoch says 1), then
/// `train/*` losses, `metrics/*` scores of the validation pass (`metrics/mAP50(B)`: the `(B)`
/// says boxes, `(M)` masks, `(P)` poses), `val/*` losses and `lr/pg0..2` (one learning rate per
/// parameter group); newer versions add `time` (seconds since the start). Older versions pad
/// the header cells with spaces to a fixed width. `args.yaml` beside it holds the settings.
enum UltralyticsCSVReader {
    /// Nil when the header is an Ultralytics results.csv header, else why not.
    static func mismatch(header: [String]?) -> String? {
        guard let header else { return "the first line is not a delimited header" }
        guard header.first == "epoch" else {
            return "the first column is \(LogFile.excerpt(header.first ?? "")), not \"epoch\""
        }
        let prefixes = header.dropFirst().filter { $0.hasPrefix("train/") || $0.hasPrefix("metrics/") }
        guard !prefixes.isEmpty, header.contains(where: { $0.hasPrefix("lr/pg") || $0.hasPrefix("val/") }) else {
            return "it has no train/, metrics/ and lr/pg or val/ columns"
        }
        return nil
    }

    static func parse(_ input: ByteSource, source: URL) throws(MetricLogError) -> MetricLog {
        let path = source.path
        var table = try CSVTable(guessingDelimiterOf: input)
        if let reason = mismatch(header: table.header) {
            throw .malformed(
                path: path, location: .line(1, column: nil),
                expected: "an Ultralytics results.csv header (epoch,train/...,metrics/...)", found: reason)
        }
        var builder = MetricLogBuilder()
        for (column, name) in table.header.enumerated() where column > 0 {
            if let rest = name.strippingPrefix("metrics/") {
                // Scores of the validation pass that ends each epoch.
                builder.name(
                    name, as: MetricName(split: .validation, quantity: rest.lowercased(), label: rest))
            }
        }
        let metricColumns = Array(table.header.indices.dropFirst())
        var columns = TableColumns(table)
        var firstEpoch: Int?
        while let record = try table.nextRecord() {
            let cell = record.fields[0].trimmingWhitespace()
            guard let epoch = Int(cell) ?? Double(cell).flatMap(LightningCSVReader.exactInteger), epoch >= 0,
                epoch < Int(Int32.max)
            else {
                throw .malformed(
                    path: path, location: .line(record.line, column: 1), expected: "an epoch number (1, 2, 3, ...)",
                    found: LogFile.excerpt(cell))
            }
            firstEpoch = firstEpoch ?? epoch
            for column in metricColumns {
                guard let value = try columns.number(record, column) else { continue }
                builder.add(table.header[column], cadence: .epoch, epoch: Double(epoch), value: value)
            }
        }
        columns.finish(metricColumns, table: table, into: &builder)
        guard table.recordCount > 0 else {
            throw .noMetrics(path: path, format: .ultralytics, reason: "the header has no rows under it")
        }
        var notes = ["Epochs as Ultralytics counts them: from 1 (its first row is epoch 1)."]
        if let firstEpoch, firstEpoch != 1 {
            notes.append("The first row is epoch \(firstEpoch): a resumed run or a log that starts late.")
        }
        notes.append("metrics/* columns are the validation pass at the end of each epoch.")
        return MetricLog(
            source: source, format: .ultralytics, runName: LogReader.runName(for: source),
            series: builder.buildSeries(), warnings: builder.tally.messages, notes: notes)
    }
}
