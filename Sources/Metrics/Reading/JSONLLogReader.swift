import Foundation

/// Reads nnreport's metrics.jsonl: one event object per line (see DESIGN.md "Metric stream").
///
/// A last line without its line end that does not parse is a run still writing: skipped with
/// a warning. Any other line that is not a JSON event object is an error naming the line and
/// column. What each event contributes is described at ``MetricEventAccumulator``.
enum JSONLLogReader {
    static func parse(_ bytes: [UInt8], source: URL) throws(MetricLogError) -> MetricLog {
        let path = source.path
        var accumulator = MetricEventAccumulator(path: path)
        var lineNumber = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            lineNumber += 1
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline ?? bytes.count
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = bytes[start..<lineEnd]
            start = end + 1
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            let value: JSONValue
            do {
                value = try JSONParser.parse(line)
            } catch {
                if newline == nil {
                    accumulator.builder.tally.note(
                        "line \(lineNumber) is incomplete (\(line.count) bytes without a line end; the run may still be writing): skipped"
                    )
                    break
                }
                throw .malformed(
                    path: path, location: .line(lineNumber, column: error.column), expected: "a JSON event object",
                    found: error.reason)
            }
            guard value["event"]?.stringValue != nil else {
                throw .malformed(
                    path: path, location: .line(lineNumber, column: nil),
                    expected: "a JSON object with a string \"event\" member", found: LogFile.excerpt(line))
            }
            try accumulator.add(value, line: lineNumber)
        }
        guard accumulator.eventCount > 0 else {
            throw .noMetrics(path: path, format: .nnreport, reason: "the file holds no complete event line")
        }
        return accumulator.build(source: source, runName: LogReader.runName(for: source))
    }
}
