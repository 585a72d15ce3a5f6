import Foundation

/// Reads nnreport's metrics.jsonl: one event object per line (see Docs/Architecture.md, "Metric stream").
///
/// A last line without its line end that does not parse is a run still writing: skipped with
/// a warning. Any other line that is not a JSON event object is an error naming the line and
/// column. What each event contributes is described at ``MetricEventAccumulator``.
enum JSONLLogReader {
    static func parse(_ input: ByteSource, source: URL) throws(MetricLogError) -> MetricLog {
        let path = source.path
        var accumulator = MetricEventAccumulator(path: path)
        let partial = try JSONLineScanner.forEach(input, expected: "a JSON event object", allowsNonFinite: false) {
            lineNumber, value, line throws(MetricLogError) in
            guard value["event"]?.stringValue != nil else {
                throw .malformed(
                    path: path, location: .line(lineNumber, column: nil),
                    expected: "a JSON object with a string \"event\" member", found: LogFile.excerpt(line))
            }
            try accumulator.add(value, line: lineNumber)
        }
        if let partial { accumulator.builder.tally.note(partial) }
        guard accumulator.eventCount > 0 else {
            throw .noMetrics(path: path, format: .nnreport, reason: "the file holds no complete event line")
        }
        return accumulator.build(source: source, runName: LogReader.runName(for: source))
    }
}
