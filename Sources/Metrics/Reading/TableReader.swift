import Foundation

/// Reads any CSV or TSV table with a header: one column is the x axis, every other numeric
/// column is a metric.
///
/// The x column is `x` when given: `step`, `epoch` or a column name (matched exactly, then
/// ignoring case). Without it: a column named `step`, `global_step`, `iteration`, `iter` or
/// `epoch`, in that order; failing those, pandas' unnamed index column (the empty first header
/// cell that `DataFrame.to_csv()` writes by default), else rows are numbered from 1 (with a
/// note). An `epoch` x is taken as written (no 0-based shift: a plain table does not say how it
/// counts); any other x column must hold integers. A pandas index beside another x column is
/// dropped; other columns without a name are called `column N`.
enum TableReader {
    static let defaultXColumns = ["step", "global_step", "iteration", "iter", "epoch"]

    static func mismatch(header: [String]?, delimiterFound: Bool) -> String? {
        guard let header, delimiterFound else {
            return "the first line has no comma, tab or semicolon separated header"
        }
        if let first = header.first?.first, first == "{" || first == "[" {
            return "the first line is JSON, not a header"
        }
        guard header.count >= 2 else { return "the header has fewer than two columns" }
        // pandas' to_csv() leaves the index column's name empty.
        let names = header.first == "" ? Array(header.dropFirst()) : header
        if names.contains(where: { NumberCell($0) != .text }) {
            return "the first line holds numbers or empty cells, not column names"
        }
        return nil
    }

    /// True when column 0 is pandas' unnamed index: an empty name over a whole number (the rows
    /// that follow must hold whole numbers there too, as an x column must).
    static func hasPandasIndex(header: [String], firstField: String?) -> Bool {
        guard header.count >= 2, header[0].isEmpty, let firstField,
            case .number(let value) = NumberCell(firstField)
        else { return false }
        return LightningCSVReader.exactInteger(value) != nil
    }

    static func parse(_ input: ByteSource, source: URL, x: String?) throws(MetricLogError) -> MetricLog {
        let path = source.path
        let head = try input.head(1 << 16)
        let delimiter = CSVTable.guessDelimiter(head) ?? UInt8(ascii: ",")
        var table = try CSVTable(source: input, delimiter: delimiter)
        var builder = MetricLogBuilder()
        var notes: [String] = []
        let pandasIndex = hasPandasIndex(
            header: table.header, firstField: CSVTable.firstField(of: head, delimiter: delimiter))
        if pandasIndex { table.header[0] = "index" }
        for column in table.header.indices where table.header[column].isEmpty {
            table.header[column] = "column \(column + 1)"
        }
        var xColumn = try resolveX(x, table: table)
        var excluded = Set<Int>()
        if pandasIndex {
            if xColumn == nil {
                xColumn = 0
                notes.append(
                    "The unnamed first column is pandas' index (DataFrame.to_csv writes it by default): "
                        + "the x axis, as written (pandas counts from 0).")
            } else if xColumn != 0 {
                excluded.insert(0)
                notes.append(
                    "The unnamed first column is pandas' index (DataFrame.to_csv's default): not a metric, left out.")
            }
        }
        let isEpoch = xColumn.map { table.header[$0].lowercased() == "epoch" } ?? false
        if xColumn == nil { notes.append("No step or epoch column: rows are numbered from 1.") }
        if isEpoch {
            notes.append("Epochs as the table writes them (a plain table does not say whether it counts from 0 or 1).")
        }
        if let xColumn { excluded.insert(xColumn) }
        let metricColumns = table.header.indices.filter { !excluded.contains($0) }
        var columns = TableColumns(table)
        var rowIndex = 0
        while let record = try table.nextRecord() {
            rowIndex += 1
            var step: Int? = rowIndex
            var epoch: Double?
            if let xColumn {
                let cell = record.fields[xColumn].trimmingWhitespace()
                guard case .number(let value) = NumberCell(cell), value.isFinite else {
                    if NumberCell(cell) == .missing { continue }  // a row without x cannot be placed
                    throw .malformed(
                        path: path, location: .line(record.line, column: xColumn + 1),
                        expected: "a number in the x column \(LogFile.excerpt(table.header[xColumn]))",
                        found: LogFile.excerpt(cell))
                }
                if isEpoch {
                    step = nil
                    epoch = value
                } else {
                    guard let integer = LightningCSVReader.exactInteger(value) else {
                        throw .malformed(
                            path: path, location: .line(record.line, column: xColumn + 1),
                            expected: "an integer in the x column \(LogFile.excerpt(table.header[xColumn]))",
                            found: LogFile.excerpt(cell))
                    }
                    step = integer
                }
            }
            for column in metricColumns {
                guard let value = try columns.number(record, column) else { continue }
                builder.add(
                    table.header[column], cadence: isEpoch ? .epoch : .step, step: step, epoch: epoch, value: value)
            }
        }
        columns.finish(metricColumns, table: table, into: &builder)
        let series = builder.buildSeries()
        guard !series.isEmpty else {
            throw .noMetrics(path: path, format: .table, reason: "no numeric column besides the x column")
        }
        let customX = xColumn.map { table.header[$0] }.flatMap {
            ["step", "epoch"].contains($0.lowercased()) ? nil : $0
        }
        return MetricLog(
            source: source, format: .table, runName: LogReader.runName(for: source), series: series, xColumn: customX,
            warnings: builder.tally.messages, notes: notes)
    }

    /// The x column's index; nil for row numbers.
    static func resolveX(_ x: String?, table: CSVTable) throws(MetricLogError) -> Int? {
        if let x {
            if let exact = table.column(x) { return exact }
            if let folded = table.header.firstIndex(where: { $0.lowercased() == x.lowercased() }) { return folded }
            throw .badXColumn(path: table.path, name: x, available: table.header)
        }
        for name in defaultXColumns {
            if let found = table.header.firstIndex(where: { $0.lowercased() == name }) { return found }
        }
        return nil
    }
}
