/// Walks the lines of a JSON-lines file (nnreport's metrics.jsonl, detectron2's metrics.json,
/// mmengine's scalars.json) a line at a time: one JSON value per line, LF or CRLF, blank lines
/// skipped, a leading byte order mark ignored, lines longer than ``maximumLineBytes`` refused.
/// A last line without its line end that does not parse is a run still writing: it is skipped,
/// and the note saying so returned; any other line that does not parse is an error naming the
/// line and column.
enum JSONLineScanner {
    static let maximumLineBytes = 16 << 20

    @discardableResult
    static func forEach(
        _ input: ByteSource, expected: String, allowsNonFinite: Bool,
        _ body: (_ line: Int, _ value: JSONValue, _ text: [UInt8]) throws(MetricLogError) -> Void
    ) throws(MetricLogError) -> String? {
        var cursor = ByteCursor(input)
        var lineNumber = 0
        while let (raw, terminated) = try cursor.nextLine(
            maximumLength: maximumLineBytes, lineNumber: lineNumber + 1)
        {
            lineNumber += 1
            var line = raw
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            let value: JSONValue
            do {
                value = try JSONParser.parse(line, allowsNonFinite: allowsNonFinite)
            } catch {
                if !terminated {
                    return "line \(lineNumber) is incomplete (\(line.count) bytes without a line end; "
                        + "the run may still be writing): skipped"
                }
                throw .malformed(
                    path: input.path, location: .line(lineNumber, column: error.column), expected: expected,
                    found: error.reason)
            }
            try body(lineNumber, value, line)
        }
        return nil
    }
}
