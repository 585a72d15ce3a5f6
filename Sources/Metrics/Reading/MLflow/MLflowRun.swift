import Foundation

/// One MLflow run as either store holds it, turned into a ``MetricLog`` by ``log(source:)``.
///
/// MLflow records each metric value with the step the caller gave (`log_metric(key, value,
/// step=...)`, 0 when none is given) and a timestamp; params are text; the run's name is its
/// `mlflow.runName` tag (also the `runs.name` column and `run_name` in meta.yaml).
struct MLflowRun {
    /// One logged metric value.
    struct Value {
        var step: Int
        var timestamp: Int
        var value: Double
    }

    var id: String
    var name: String
    var experiment: String
    /// `FINISHED`, `FAILED`, `KILLED`, `RUNNING`, `SCHEDULED`.
    var status: String?
    var params: [(key: String, value: String)] = []
    /// Metric values by key, keys in first-seen order.
    var metrics: [(key: String, values: [Value])] = []

    /// The status as nnreport's reports word it.
    var statusWord: String? {
        switch status?.uppercased() {
        case "FINISHED"?: return "completed"
        case "FAILED"?: return "failed"
        case "KILLED"?: return "killed"
        case "RUNNING"?: return "running"
        case "SCHEDULED"?: return "scheduled"
        case let other?: return other.lowercased()
        case nil: return nil
        }
    }

    /// MLflow's numeric run status (file store meta.yaml) as its name.
    static func statusName(_ code: Int) -> String? {
        switch code {
        case 1: return "RUNNING"
        case 2: return "SCHEDULED"
        case 3: return "FINISHED"
        case 4: return "FAILED"
        case 5: return "KILLED"
        default: return nil
        }
    }

    /// The run as a log. A metric logged several times without a step (all at step 0) is
    /// numbered in logging order instead, so that its values are not collapsed into one.
    func log(source: URL) -> MetricLog {
        var builder = MetricLogBuilder()
        var numbered: [String] = []
        for (key, values) in metrics {
            let ordered = values.enumerated().sorted {
                ($0.element.step, $0.element.timestamp, $0.offset) < ($1.element.step, $1.element.timestamp, $1.offset)
            }.map(\.element)
            let oneStep = ordered.count > 1 && ordered.allSatisfy { $0.step == ordered[0].step }
            if oneStep {
                numbered.append(key)
                let byTime = values.enumerated().sorted {
                    ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset)
                }
                for (index, entry) in byTime.enumerated() {
                    builder.add(key, cadence: .step, step: index + 1, value: entry.element.value)
                }
            } else {
                for value in ordered { builder.add(key, cadence: .step, step: value.step, value: value.value) }
            }
        }
        var notes = ["Steps as the run logged them (MLflow's step argument; 0 when none was given)."]
        if !numbered.isEmpty {
            notes.append(
                "Logged without steps, so numbered 1, 2, ... in the order they were logged: "
                    + numbered.map { "'\($0)'" }.joined(separator: ", ") + ".")
        }
        var log = MetricLog(
            source: source, format: .mlflow, runName: name,
            hyperparameters: params.map { Hyperparameter(name: $0.key, value: .string($0.value)) },
            series: builder.buildSeries(), status: statusWord, warnings: builder.tally.messages, notes: notes)
        log.notes.append("MLflow run \(id) of experiment '\(experiment)'.")
        return log
    }
}
