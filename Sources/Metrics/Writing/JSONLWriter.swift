import Foundation

/// Writes the metric stream to metrics.jsonl: one compact JSON object per line, in event order.
///
/// Each event is handed to the kernel with a single write(2) as soon as it arrives, so a reader
/// (`nnreport render` on a live run, `tail -f`) sees every complete line immediately; a crash can
/// leave at most a partial last line, which ``LogReader`` tolerates. A failed write (disk full,
/// folder removed) throws ``MetricWriteError`` naming the file.
public final class JSONLWriter: MetricSink {
    public let url: URL
    private let output: FileOutput

    /// Creates (or truncates) the file; with `append`, existing lines are kept and new ones added.
    public init(url: URL, append: Bool = false) throws(MetricWriteError) {
        self.url = url
        output = try FileOutput(path: url.path, append: append)
    }

    public func receive(_ event: MetricEvent) throws {
        try write(event)
    }

    /// Appends one event as one line.
    public func write(_ event: MetricEvent) throws(MetricWriteError) {
        var line = Array(event.jsonLine.utf8)
        line.append(UInt8(ascii: "\n"))
        try output.write(line)
    }

    /// Forces written lines to the storage device (fsync); not needed for readers on this machine.
    public func synchronize() throws(MetricWriteError) {
        try output.synchronize()
    }

    /// Closes the file; later writes throw ``MetricWriteError/closed(path:)``.
    public func close() throws(MetricWriteError) {
        try output.close()
    }
}
