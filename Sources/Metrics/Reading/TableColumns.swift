/// Which columns of a table hold numbers, decided while the records stream by.
///
/// A column whose cells are all text or missing is skipped with a note at the end; a column
/// with both numbers and text is an error naming the first text cell's line, because that value
/// would otherwise silently vanish.
struct TableColumns {
    private let table: String
    private let header: [String]
    private var hasNumber: [Bool]
    private var firstText: [(line: Int, text: String)?]

    init(_ table: CSVTable) {
        self.table = table.path
        header = table.header
        hasNumber = Array(repeating: false, count: table.header.count)
        firstText = Array(repeating: nil, count: table.header.count)
    }

    /// The number in `column` of `record`, nil for a missing cell; throws when the column mixes
    /// numbers and text.
    mutating func number(_ record: CSVTable.Record, _ column: Int) throws(MetricLogError) -> Double? {
        let cell = record.fields[column]
        switch NumberCell(cell) {
        case .number(let value):
            hasNumber[column] = true
            if let text = firstText[column] { throw mixed(column, line: text.line, text: text.text) }
            return value
        case .text:
            if firstText[column] == nil { firstText[column] = (record.line, cell) }
            if hasNumber[column] { throw mixed(column, line: record.line, text: cell) }
            return nil
        case .missing:
            return nil
        }
    }

    private func mixed(_ column: Int, line: Int, text: String) -> MetricLogError {
        .malformed(
            path: table, location: .line(line, column: column + 1),
            expected: "a number, NA or an empty cell in column \(LogFile.excerpt(header[column]))",
            found: LogFile.excerpt(text))
    }

    /// Notes for the columns among `columns` that held text only, and for what the table repaired.
    func finish(_ columns: [Int], table: CSVTable, into builder: inout MetricLogBuilder) {
        for column in columns where !hasNumber[column] && firstText[column] != nil {
            builder.tally.note("column \(LogFile.excerpt(header[column])) holds no numbers: skipped")
        }
        if table.droppedPartialLastRecord {
            builder.tally.note("the last line is incomplete (the run may still be writing): skipped")
        }
        builder.tally.add("repeated header lines skipped", count: table.repeatedHeaders)
    }
}
