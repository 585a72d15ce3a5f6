import Foundation
import SwiftProtobuf

/// Reads TensorBoard event files (`events.out.tfevents.*`): TFRecord framing checked with
/// CRC-32C (see ``TFRecordScanner`` for how incomplete and damaged records are handled), each
/// record an `Event` protobuf whose `Summary` values are scalars (`simple_value`, or a one-element
/// `tensor` in `tensor_content`, `float_val`, `double_val`, ...). Images, histograms, audio,
/// text and other plugin data are skipped and counted.
///
/// Tags are metric names; files in a run's `train/` and `validation/` subfolders (Keras's
/// TensorBoard callback) get that folder as a tag prefix, so `validation/epoch_loss` pairs with
/// `train/epoch_loss`. Keras's `epoch_*` tags are logged at step = 0-based epoch; they are
/// stored as per-epoch values at epoch step + 1.
enum TensorBoardReader {
    /// An event file and the prefix its tags get (`validation/`, or empty).
    struct EventFile {
        var url: URL
        var tagPrefix: String
    }

    /// True for file names TensorBoard writes.
    static func isEventFileName(_ name: String) -> Bool {
        name.hasPrefix("events.out.tfevents")
    }

    static func mismatch(_ bytes: [UInt8], fileName: String) -> String? {
        if TFRecordScanner.startsWithRecord(bytes) { return nil }
        if bytes.isEmpty, isEventFileName(fileName) { return nil }
        return "it does not start with a TFRecord header (8-byte length and its masked CRC-32C)"
    }

    /// One event file read on its own; `tagPrefix` as for a file of a run's subfolder.
    static func parse(_ bytes: [UInt8], source: URL, tagPrefix: String = "") throws(MetricLogError) -> MetricLog {
        var builder = MetricLogBuilder()
        var contents = Contents()
        try scan(bytes, path: source.path, tagPrefix: tagPrefix, into: &builder, contents: &contents)
        return try finish(builder: builder, contents: contents, source: source)
    }

    /// Several event files of one run, read in order (later files win for repeated steps).
    static func read(_ files: [EventFile], source: URL) throws(MetricLogError) -> MetricLog {
        var builder = MetricLogBuilder()
        var contents = Contents()
        for file in files {
            let bytes = try LogFile.read(file.url)
            try scan(bytes, path: file.url.path, tagPrefix: file.tagPrefix, into: &builder, contents: &contents)
        }
        return try finish(builder: builder, contents: contents, source: source)
    }

    /// What a run's files held, for the error when no scalar was found.
    struct Contents {
        var records = 0
        var scalars = 0
    }

    static func finish(builder: MetricLogBuilder, contents: Contents, source: URL) throws(MetricLogError) -> MetricLog {
        var builder = builder
        guard contents.scalars > 0 else {
            let skipped = builder.tally.messages
            throw .noMetrics(
                path: source.path, format: .tensorBoard,
                reason: "\(contents.records) records, no scalar summaries"
                    + (skipped.isEmpty ? "" : " (" + skipped.joined(separator: "; ") + ")"))
        }
        return MetricLog(
            source: source, format: .tensorBoard, runName: LogReader.runName(for: source),
            series: builder.buildSeries(), warnings: builder.tally.messages)
    }

    static func scan(
        _ bytes: [UInt8], path: String, tagPrefix: String, into builder: inout MetricLogBuilder,
        contents: inout Contents
    ) throws(MetricLogError) {
        var scanner = TFRecordScanner(bytes: bytes, path: path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        while let record = try scanner.next() {
            contents.records += 1
            let event: Tensorboard_Event
            do {
                event = try Tensorboard_Event(serializedBytes: Array(bytes[record.data]))
            } catch {
                builder.tally.add("records that are not TensorBoard Event protobufs skipped")
                continue
            }
            guard case .summary(let summary)? = event.what else { continue }
            for value in summary.value {
                guard let scalar = scalar(of: value, tally: &builder.tally) else { continue }
                contents.scalars += 1
                let tag = tagPrefix + value.tag
                if MetricName(parsing: tag).cadence == .epoch {
                    builder.add(tag, cadence: .epoch, epoch: Double(event.step) + 1, value: scalar)
                } else {
                    builder.add(tag, step: Int(event.step), value: scalar)
                }
            }
        }
        if let first = scanner.corruptRecords.first {
            builder.tally.add(
                "records with a bad data CRC skipped (first: record \(first.index) at byte \(first.offset) of \(name))",
                count: scanner.corruptRecords.count)
        }
        if scanner.incompleteTail > 0 {
            builder.tally.note(
                "\(name): the last \(scanner.incompleteTail) bytes are an incomplete record (the file may still be written): ignored"
            )
        }
    }
}
