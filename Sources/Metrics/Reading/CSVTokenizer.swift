/// Splits delimited text into records of fields, tracking line numbers.
struct CSVTokenizer {
    struct RawRecord {
        var line: Int
        var fields: [String]
        /// False when the input ended before the record's line end.
        var terminated: Bool
        /// True when the input ended inside a quoted field.
        var openQuote = false
    }

    let bytes: [UInt8]
    let delimiter: UInt8
    let path: String
    var index = 0
    var line = 1

    init(bytes: [UInt8], delimiter: UInt8, path: String) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.path = path
    }

    /// The next record, or nil at the end of the input.
    mutating func next() throws(MetricLogError) -> RawRecord? {
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldStartLine = line
        var fieldColumn = 1
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
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
