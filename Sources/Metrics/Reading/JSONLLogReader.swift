import Foundation

/// Reads nnreport's metrics.jsonl: one event object per line (see DESIGN.md "Metric stream").
///
/// `step` events give per-step series, `epoch` events per-epoch series (every numeric member
/// except the counters and the wall-clock fields `time` and `seconds`); `null` values are gaps;
/// the `run` event's config becomes the hyperparameters; `test` gives the test results and
/// `end` the status. A last line without its line end that does not parse is a run still
/// writing: skipped with a warning. Unknown event kinds are counted and skipped.
enum JSONLLogReader {
    static func parse(_ bytes: [UInt8], source: URL) throws(MetricLogError) -> MetricLog {
        let path = source.path
        var builder = MetricLogBuilder()
        var hyperparameters: [Hyperparameter] = []
        var testResults: [NamedValue] = []
        var status: String?
        var eventCount = 0
        var lineNumber = 0
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
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
                value = try JSONParser.parse(line)
            } catch {
                if newline == nil {
                    builder.tally.note(
                        "line \(lineNumber) is incomplete (\(line.count) bytes without a line end; the run may still be writing): skipped"
                    )
                    break
                }
                throw .malformed(
                    path: path, location: .line(lineNumber, column: error.column), expected: "a JSON event object",
                    found: error.reason)
            }
            guard case .object(let members) = value, let kind = value["event"]?.stringValue else {
                throw .malformed(
                    path: path, location: .line(lineNumber, column: nil),
                    expected: "a JSON object with a string \"event\" member", found: LogFile.excerpt(line))
            }
            eventCount += 1
            switch kind {
            case "run":
                if let config = value["config"] { hyperparameters = Hyperparameter.flatten(config) }
            case "step":
                let step = try integer(value, "step", path: path, line: lineNumber)
                let epoch = try integer(value, "epoch", path: path, line: lineNumber)
                addMetrics(members, to: &builder, cadence: .step, step: step, epoch: epoch.map(Double.init))
            case "epoch":
                guard let epoch = try integer(value, "epoch", path: path, line: lineNumber) else {
                    throw .malformed(
                        path: path, location: .line(lineNumber, column: nil),
                        expected: "an \"epoch\" member in an epoch event", found: LogFile.excerpt(line))
                }
                addMetrics(members, to: &builder, cadence: .epoch, step: nil, epoch: Double(epoch))
            case "test":
                for member in members where isMetric(member.key) {
                    if let number = member.value.doubleValue { testResults.append(NamedValue(name: member.key, value: number)) }
                }
            case "end":
                status = value["status"]?.stringValue
            default:
                builder.tally.add("events of unknown kind skipped")
            }
        }
        guard eventCount > 0 else {
            throw .noMetrics(path: path, format: .nnreport, reason: "the file holds no complete event line")
        }
        return MetricLog(
            source: source, format: .nnreport, runName: LogReader.runName(for: source), hyperparameters: hyperparameters,
            series: builder.buildSeries(), testResults: testResults, status: status, warnings: builder.tally.messages)
    }

    /// Members that are not counters, labels or wall-clock measurements.
    static func isMetric(_ key: String) -> Bool {
        !["event", "epoch", "step", "status", "message"].contains(key) && !MetricEvent.timeFields.contains(key)
    }

    static func addMetrics(
        _ members: [(key: String, value: JSONValue)], to builder: inout MetricLogBuilder, cadence: MetricCadence,
        step: Int?, epoch: Double?
    ) {
        for member in members where isMetric(member.key) {
            switch member.value {
            case .number(let number): builder.add(member.key, cadence: cadence, step: step, epoch: epoch, value: number)
            case .null: builder.add(member.key, cadence: cadence, step: step, epoch: epoch, value: .nan)
            default: continue  // text or structured members are not metrics
            }
        }
    }

    /// An integer member, nil when absent; an error when present but not an integer.
    static func integer(_ value: JSONValue, _ key: String, path: String, line: Int) throws(MetricLogError) -> Int? {
        guard let member = value[key] else { return nil }
        guard let integer = member.intValue else {
            throw .malformed(
                path: path, location: .line(line, column: nil), expected: "an integer \"\(key)\"",
                found: JSONWriter.compact(member).prefix(40).description)
        }
        return integer
    }
}
