import Foundation

/// Writes metrics.csv, one row per epoch, the way Keras's `CSVLogger` callback does, so tools
/// that read Keras logs read nnreport's too.
///
/// As in Keras: the columns are fixed by the first epoch, `epoch` first and 0-based, then the
/// metric names sorted (`accuracy,loss,lr,val_accuracy,val_loss`; `lr` only when the run
/// reports a learning rate, `val_*` only with a validation split); rows end in CRLF (Python's
/// `csv.excel` dialect); numbers are Python `repr` floats; a value missing from a later epoch is
/// written `NA`. Each row is written with one write(2), so the file is readable while the run goes.
public final class KerasCSVWriter: MetricSink {
    public let url: URL
    public let separator: String
    private let output: FileOutput
    private var columns: [String]?

    /// Creates (or truncates) the file. `separator` is Keras's `separator` argument.
    public init(url: URL, separator: String = ",") throws(MetricWriteError) {
        precondition(
            !separator.isEmpty && !separator.contains("\"") && !separator.contains("\n"),
            "KerasCSVWriter separator must be non-empty without quotes or newlines, got \(separator.debugDescription)")
        self.url = url
        self.separator = separator
        output = try FileOutput(path: url.path, append: false)
    }

    public func receive(_ event: MetricEvent) throws {
        if case .epoch(let record) = event { try write(record) }
    }

    /// Appends the row of one epoch (writing the header first if this is the first epoch).
    public func write(_ record: EpochRecord) throws(MetricWriteError) {
        let values = Self.metrics(of: record)
        var text = ""
        if columns == nil {
            let names = values.map(\.name).sorted()
            columns = names
            text += (["epoch"] + names).map(quoted).joined(separator: separator) + "\r\n"
        }
        var cells = [String(record.epoch - 1)]  // Keras numbers epochs from 0.
        for name in columns ?? [] {
            cells.append(values.first { $0.name == name }.map { PythonFloatFormat.repr($0.value) } ?? "NA")
        }
        text += cells.joined(separator: separator) + "\r\n"
        try output.write(Array(text.utf8))
    }

    public func close() throws(MetricWriteError) {
        try output.close()
    }

    /// The metrics Keras would put in `logs` at the end of the epoch, under Keras's names.
    static func metrics(of record: EpochRecord) -> [(name: String, value: Double)] {
        var values: [(name: String, value: Double)] = [("loss", record.loss), ("accuracy", record.accuracy)]
        if let v = record.valLoss { values.append(("val_loss", v)) }
        if let v = record.valAccuracy { values.append(("val_accuracy", v)) }
        if let v = record.lr { values.append(("lr", v)) }
        return values
    }

    /// A header cell quoted as Python's csv module would (only when it holds the separator or a quote).
    private func quoted(_ cell: String) -> String {
        guard cell.contains(separator) || cell.contains("\"") || cell.contains("\r") || cell.contains("\n") else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
