import Foundation

/// Reads DVCLive metric plots: `plots/metrics/**/<name>.tsv` under a DVCLive folder, one file
/// per metric, as `Live.log_metric` writes them (tab separated, LF, header `[timestamp] step
/// <name>`, one row per logged value). Nested names (`train/loss.tsv`) keep their path as the
/// metric name, so `train/loss` pairs with `eval/loss`. params.yaml and metrics.json in the
/// DVCLive folder are the hyperparameters and the summary (read by ``LogReader``).
enum DVCLiveReader {
    /// Nil when the header looks like one DVCLive metric file, else why not.
    static func mismatch(header: [String]?, delimiter: UInt8?) -> String? {
        guard let header, delimiter == UInt8(ascii: "\t") else { return "it is not tab separated" }
        let rest = header.filter { $0 != "timestamp" }
        guard rest.count == 2, rest[0] == "step" else {
            return "the header is not \"[timestamp] step <metric>\" (found \(header.count) columns)"
        }
        return nil
    }

    /// Adds the points of one metric file to `builder`; `name` is the metric's path-derived name.
    static func parseMetric(_ input: ByteSource, name: String?, into builder: inout MetricLogBuilder)
        throws(MetricLogError)
    {
        let path = input.path
        var table = try CSVTable(source: input, delimiter: UInt8(ascii: "\t"))
        guard let stepColumn = table.column("step") else {
            throw .malformed(
                path: path, location: .line(1, column: nil), expected: "a DVCLive header \"[timestamp] step <metric>\"",
                found: LogFile.excerpt(CSVTable.headerList(table.header)))
        }
        guard
            let valueColumn = table.header.indices.last(where: { $0 != stepColumn && table.header[$0] != "timestamp" })
        else {
            throw .malformed(
                path: path, location: .line(1, column: nil), expected: "a metric column after \"step\"",
                found: LogFile.excerpt(CSVTable.headerList(table.header)))
        }
        let metric = name ?? table.header[valueColumn]
        let columns = TableColumns(table)
        while let record = try table.nextRecord() {
            let stepCell = record.fields[stepColumn].trimmingWhitespace()
            guard let step = Int(stepCell) else {
                throw .malformed(
                    path: path, location: .line(record.line, column: stepColumn + 1), expected: "an integer step",
                    found: LogFile.excerpt(stepCell))
            }
            switch NumberCell(record.fields[valueColumn]) {
            case .number(let value): builder.add(metric, step: step, value: value)
            case .missing: continue
            case .text:
                throw .malformed(
                    path: path, location: .line(record.line, column: valueColumn + 1), expected: "a number",
                    found: LogFile.excerpt(record.fields[valueColumn]))
            }
        }
        columns.finish([], table: table, into: &builder)
    }

    /// One metric file read on its own (`nnreport render plots/metrics/loss.tsv`).
    static func parse(_ input: ByteSource, source: URL) throws(MetricLogError) -> MetricLog {
        var builder = MetricLogBuilder()
        try parseMetric(input, name: nil, into: &builder)
        let series = builder.buildSeries()
        guard !series.isEmpty else { throw .noMetrics(path: source.path, format: .dvclive, reason: "no rows") }
        return MetricLog(
            source: source, format: .dvclive, runName: LogReader.runName(for: source), series: series,
            warnings: builder.tally.messages)
    }
}
