import Foundation

/// Turns metric events (as JSON objects: metrics.jsonl lines or ``MetricEvent/json``) into a
/// ``MetricLog``.
///
/// `step` events give per-step series and `epoch` events per-epoch series: every numeric
/// member except the counters (`epoch`, `step`) and the wall-clock fields `time` and
/// `seconds`; `null` is a gap. The `run` event's config becomes the hyperparameters, `test`
/// the test results, `end` the status, `resume` a note. Unknown event kinds are counted and skipped.
struct MetricEventAccumulator {
    let path: String
    var builder = MetricLogBuilder()
    var hyperparameters: [Hyperparameter] = []
    var testResults: [NamedValue] = []
    var status: String?
    var notes: [String] = []
    var eventCount = 0

    init(path: String) {
        self.path = path
    }

    /// Adds one event object; `line` is where it came from, for errors.
    mutating func add(_ value: JSONValue, line: Int) throws(MetricLogError) {
        guard let members = value.objectValue, let kind = value["event"]?.stringValue else { return }
        eventCount += 1
        switch kind {
        case "run":
            if let config = value["config"] { hyperparameters = Hyperparameter.flatten(config) }
        case "step":
            let step = try integer(value, "step", line: line)
            let epoch = try integer(value, "epoch", line: line)
            addMetrics(members, cadence: .step, step: step, epoch: epoch.map(Double.init))
        case "epoch":
            guard let epoch = try integer(value, "epoch", line: line) else {
                throw .malformed(
                    path: path, location: .line(line, column: nil), expected: "an \"epoch\" member in an epoch event",
                    found: "an epoch event without one")
            }
            addMetrics(members, cadence: .epoch, step: nil, epoch: Double(epoch))
        case "test":
            for member in members where Self.isMetric(member.key) {
                if let number = member.value.doubleValue {
                    testResults.append(NamedValue(name: member.key, value: number))
                }
            }
        case "end":
            status = value["status"]?.stringValue
        case "resume":
            // A run continued from its checkpoint: its metrics go on as if never stopped.
            if let epoch = value["epoch"]?.intValue {
                notes.append("The run was stopped after epoch \(epoch) and resumed from its checkpoint.")
            }
        default:
            builder.tally.add("events of unknown kind skipped")
        }
    }

    mutating func build(source: URL, runName: String) -> MetricLog {
        MetricLog(
            source: source, format: .nnreport, runName: runName, hyperparameters: hyperparameters,
            series: builder.buildSeries(), testResults: testResults, status: status, warnings: builder.tally.messages,
            notes: notes)
    }

    /// Members that are not counters, labels or wall-clock measurements.
    static func isMetric(_ key: String) -> Bool {
        !["event", "epoch", "step", "status", "message"].contains(key) && !MetricEvent.timeFields.contains(key)
    }

    private mutating func addMetrics(
        _ members: [(key: String, value: JSONValue)], cadence: MetricCadence, step: Int?, epoch: Double?
    ) {
        for member in members where Self.isMetric(member.key) {
            switch member.value {
            case .number(let number): builder.add(member.key, cadence: cadence, step: step, epoch: epoch, value: number)
            case .null: builder.add(member.key, cadence: cadence, step: step, epoch: epoch, value: .nan)
            default: continue  // text or structured members are not metrics
            }
        }
    }

    /// An integer member, nil when absent; an error when present but not an integer.
    private func integer(_ value: JSONValue, _ key: String, line: Int) throws(MetricLogError) -> Int? {
        guard let member = value[key] else { return nil }
        guard let integer = member.intValue else {
            throw .malformed(
                path: path, location: .line(line, column: nil), expected: "an integer \"\(key)\"",
                found: String(JSONWriter.compact(member).prefix(40)))
        }
        return integer
    }
}
