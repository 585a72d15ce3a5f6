import Foundation

/// Reads any CSV or TSV table with a header: one column is the x axis, every other numeric
/// column is a metric.
///
/// The x column is `x` when given: `step`, `epoch` or a column name (matched exactly, then
/// ignoring case). Without it: a column named `step`, `global_step`, `iteration`, `iter` or
/// `epoch`, in that order; failing those, rows are numbered from 1 (with a warning). An `epoch`
/// x is taken as written (no 0-based shift: a plain table does not say how it counts); any
/// other x column must hold integers.
enum TableReader {
    static let defaultXColumns = ["step", "global_step", "iteration", "iter", "epoch"]

    static func mismatch(header: [String]?, delimiterFound: Bool) -> String? {
        guard let header, delimiterFound else {
            return "the first line has no comma, tab or semicolon separated header"
        }
        guard header.count >= 2 else { return "the header has fewer than two columns" }
        if header.contains(where: { NumberCell($0) != .text }) {
            return "the first line holds numbers or empty cells, not column names"
        }
        return nil
    }

    static func parse(_ bytes: [UInt8], source: URL, x: String?) throws(MetricLogError) -> MetricLog {
        let path = source.path
        let delimiter = CSVTable.guessDelimiter(bytes) ?? UInt8(ascii: ",")
        let table = try CSVTable.parse(bytes, delimiter: delimiter, path: path)
        var builder = MetricLogBuilder()
        let xColumn = try resolveX(x, table: table)
        let isEpoch = xColumn.map { table.header[$0].lowercased() == "epoch" } ?? false
        if xColumn == nil { builder.tally.note("no step or epoch column: rows numbered from 1") }
        let metricColumns = try TableColumns.numeric(
            table, excluding: Set(xColumn.map { [$0] } ?? []), builder: &builder)
        for (rowIndex, record) in table.records.enumerated() {
            var step: Int? = rowIndex + 1
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
                guard case .number(let value) = NumberCell(record.fields[column]) else { continue }
                builder.add(
                    table.header[column], cadence: isEpoch ? .epoch : .step, step: step, epoch: epoch, value: value)
            }
        }
        TableColumns.noteRepairs(table, into: &builder)
        let series = builder.buildSeries()
        guard !series.isEmpty else {
            throw .noMetrics(path: path, format: .table, reason: "no numeric column besides the x column")
        }
        let customX = xColumn.map { table.header[$0] }.flatMap {
            ["step", "epoch"].contains($0.lowercased()) ? nil : $0
        }
        return MetricLog(
            source: source, format: .table, runName: LogReader.runName(for: source), series: series, xColumn: customX,
            warnings: builder.tally.messages)
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
