/// A delimited text table (CSV, TSV, or another one-byte separator) as Python's csv module
/// writes it: a header row, then records; fields quoted with `"` when they hold the separator,
/// a quote (doubled) or a line break; lines ended by LF or CRLF. Read record by record
/// (``nextRecord()``): the table is never held whole.
struct CSVTable {
    struct Record {
        /// 1-based line where the record starts.
        var line: Int
        var fields: [String]
    }

    var path: String
    var delimiter: UInt8
    var header: [String]
    /// True when the last line had no line end and was dropped as a partial record.
    var droppedPartialLastRecord = false
    /// Records equal to the header (files appended to by a second run), skipped.
    var repeatedHeaders = 0
    /// Records handed out so far.
    var recordCount = 0
    private var tokenizer: CSVTokenizer

    /// Opens a table: reads its header.
    init(source: ByteSource, delimiter: UInt8) throws(MetricLogError) {
        tokenizer = CSVTokenizer(source: source, delimiter: delimiter)
        path = source.path
        self.delimiter = delimiter
        guard let first = try tokenizer.next() else {
            throw .noMetrics(path: source.path, format: .table, reason: "the file is empty")
        }
        header = first.fields.map { $0.trimmingWhitespace() }
        if let bom = header.first, bom.hasPrefix("\u{FEFF}") { header[0] = String(bom.dropFirst()) }
    }

    /// Opens a table whose delimiter is guessed from its first 64 KiB (a comma when the guess
    /// finds none).
    init(guessingDelimiterOf source: ByteSource) throws(MetricLogError) {
        try self.init(source: source, delimiter: Self.guessDelimiter(try source.head(1 << 16)) ?? UInt8(ascii: ","))
    }

    /// The next record, checked to have as many fields as the header, or nil at the end.
    ///
    /// An unterminated last line with too few fields is a record still being written: it is
    /// dropped and flagged, not an error. Blank lines are skipped.
    mutating func nextRecord() throws(MetricLogError) -> Record? {
        while let record = try tokenizer.next() {
            if record.fields == [""] { continue }  // blank line
            if record.fields.map({ $0.trimmingWhitespace() }) == header {
                repeatedHeaders += 1
                continue
            }
            if record.openQuote {
                // The file ends inside a quoted field: a record still being written.
                droppedPartialLastRecord = true
                continue
            }
            if record.fields.count != header.count {
                if !record.terminated, record.fields.count < header.count {
                    droppedPartialLastRecord = true
                    continue
                }
                throw .malformed(
                    path: path, location: .line(record.line, column: nil),
                    expected: "\(header.count) fields (\(Self.headerList(header)))",
                    found: "\(record.fields.count) fields")
            }
            if !record.terminated, let last = record.fields.last, last.isEmpty, header.count > 1 {
                // "0.5," with the line end still to come: the last value may be cut off.
                droppedPartialLastRecord = true
                continue
            }
            recordCount += 1
            return Record(line: record.line, fields: record.fields)
        }
        return nil
    }

    /// The header of a table, for format detection (nil when the first line is not a header).
    static func header(of bytes: [UInt8], delimiter: UInt8) -> [String]? {
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, path: "")
        guard let first = try? tokenizer.next(), first.fields.count >= 1 else { return nil }
        var header = first.fields.map { $0.trimmingWhitespace() }
        if header[0].hasPrefix("\u{FEFF}") { header[0] = String(header[0].dropFirst()) }
        return header
    }

    /// The first field of the first record after the header, for format detection.
    static func firstField(of bytes: [UInt8], delimiter: UInt8) -> String? {
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, path: "")
        guard (try? tokenizer.next()) != nil else { return nil }
        while let record = try? tokenizer.next() {
            if record.fields == [""] { continue }
            return record.fields.first
        }
        return nil
    }

    /// The separator of the first line: the most frequent of tab, comma and semicolon outside
    /// quotes (comma on ties), or nil when the line has none of them.
    static func guessDelimiter(_ bytes: [UInt8]) -> UInt8? {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0, UInt8(ascii: ";"): 0]
        var inQuotes = false
        for byte in bytes.prefix(1 << 20) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes, byte == UInt8(ascii: "\n") { break }
            if !inQuotes, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > 0 ? best : nil
    }

    /// Index of a header column, by exact name.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    static func headerList(_ header: [String]) -> String {
        let shown = header.prefix(8).joined(separator: ",")
        return header.count > 8 ? shown + ",..." : shown
    }
}
