/// Splits delimited text into records of fields, tracking line numbers, reading its input a
/// chunk at a time.
struct CSVTokenizer {
    struct RawRecord {
        var line: Int
        var fields: [String]
        /// False when the input ended before the record's line end.
        var terminated: Bool
        /// True when the input ended inside a quoted field.
        var openQuote = false
    }

    /// A record longer than this is refused: no training log writes one, and it bounds the
    /// memory a hostile file can make the reader hold.
    static let maximumRecordBytes = 16 << 20

    var cursor: ByteCursor
    let delimiter: UInt8
    let path: String
    var line = 1

    init(source: ByteSource, delimiter: UInt8) {
        cursor = ByteCursor(source)
        self.delimiter = delimiter
        path = source.path
    }

    init(bytes: [UInt8], delimiter: UInt8, path: String) {
        self.init(source: ByteSource(bytes: bytes, path: path), delimiter: delimiter)
    }

    /// The next record, or nil at the end of the input.
    mutating func next() throws(MetricLogError) -> RawRecord? {
        guard try cursor.peek() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var recordBytes = 0
        var inQuotes = false
        var fieldStartLine = line
        var fieldColumn = 1
        while let byte = try cursor.next() {
            recordBytes += 1
            if recordBytes > Self.maximumRecordBytes {
                throw ByteCursor.tooLong(path, startLine, Self.maximumRecordBytes)
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if try cursor.peek() == UInt8(ascii: "\"") {
                        field.append(byte)
                        _ = try cursor.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                fields.append(try text(field, line: fieldStartLine, column: fieldColumn))
                field.removeAll(keepingCapacity: true)
                fieldColumn += 1
                fieldStartLine = line
            case UInt8(ascii: "\n"):
                line += 1
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                fields.append(try text(field, line: fieldStartLine, column: fieldColumn))
                return RawRecord(line: startLine, fields: fields, terminated: true)
            case UInt8(ascii: "\"") where field.isEmpty:
                inQuotes = true
            default:
                // Like Python's non-strict reader, a quote inside an unquoted field is kept as text.
                field.append(byte)
            }
        }
        if inQuotes {
            // The file ends inside a quoted field: a record still being written.
            fields.append(try text(field, line: fieldStartLine, column: fieldColumn))
            return RawRecord(line: startLine, fields: fields, terminated: false, openQuote: true)
        }
        if field.last == UInt8(ascii: "\r") { field.removeLast() }
        fields.append(try text(field, line: fieldStartLine, column: fieldColumn))
        return RawRecord(line: startLine, fields: fields, terminated: false)
    }

    /// A field's text; invalid UTF-8 is an error naming the line and field.
    private func text(_ bytes: [UInt8], line: Int, column: Int) throws(MetricLogError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw .malformed(
            path: path, location: .line(line, column: column), expected: "UTF-8 text",
            found: "invalid UTF-8 in field \(column): \(LogFile.excerpt(bytes))")
    }
}
