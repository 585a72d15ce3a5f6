/// Column handling shared by the table-based readers.
enum TableColumns {
    /// The columns (other than `excluding`) that hold numbers. A column whose cells are all
    /// text or missing is skipped with a warning; a numeric column with a text cell is an error
    /// naming the line, because that value would otherwise silently vanish.
    static func numeric(_ table: CSVTable, excluding: Set<Int>, builder: inout MetricLogBuilder) throws(MetricLogError)
        -> [Int]
    {
        var result: [Int] = []
        for column in table.header.indices where !excluding.contains(column) {
            var firstText: CSVTable.Record?
            var numbers = 0
            for record in table.records {
                switch NumberCell(record.fields[column]) {
                case .number: numbers += 1
                case .text: if firstText == nil { firstText = record }
                case .missing: break
                }
                if numbers > 0, let bad = firstText {
                    throw .malformed(
                        path: table.path, location: .line(bad.line, column: column + 1),
                        expected: "a number, NA or an empty cell in column \(LogFile.excerpt(table.header[column]))",
                        found: LogFile.excerpt(bad.fields[column]))
                }
            }
            if firstText != nil {
                builder.tally.note("column \(LogFile.excerpt(table.header[column])) holds no numbers: skipped")
            } else {
                result.append(column)
            }
        }
        return result
    }

    /// Warnings for what ``CSVTable`` repaired.
    static func noteRepairs(_ table: CSVTable, into builder: inout MetricLogBuilder) {
        if table.droppedPartialLastRecord {
            builder.tally.note("the last line is incomplete (the run may still be writing): skipped")
        }
        builder.tally.add("repeated header lines skipped", count: table.repeatedHeaders)
    }
}
