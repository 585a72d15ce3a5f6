/// Walks the lines of a JSON-lines file (nnreport's metrics.jsonl, detectron2's metrics.json,
/// mmengine's scalars.json): one JSON value per line, LF or CRLF, blank lines skipped, a leading
/// byte order mark ignored. A last line without its line end that does not parse is a run still
/// writing: it is skipped, and the note saying so returned; any other line that does not parse is an error
/// naming the line and column.
enum JSONLineScanner {
    @discardableResult
    static func forEach(
        _ bytes: [UInt8], path: String, expected: String, allowsNonFinite: Bool,
        _ body: (_ line: Int, _ value: JSONValue, _ text: ArraySlice<UInt8>) throws(MetricLogError) -> Void
    ) throws(MetricLogError) -> String? {
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
                value = try JSONParser.parse(line, allowsNonFinite: allowsNonFinite)
            } catch {
                if newline == nil {
                    return "line \(lineNumber) is incomplete (\(line.count) bytes without a line end; "
                        + "the run may still be writing): skipped"
                }
                throw .malformed(
                    path: path, location: .line(lineNumber, column: error.column), expected: expected,
                    found: error.reason)
            }
            try body(lineNumber, value, line)
        }
        return nil
    }
}
