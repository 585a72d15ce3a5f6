import Engine
import Metrics

/// Metric events as checkpoints keep them: every number restorable bit for bit
/// (``JSONValue/exact(_:)-(Double)``), where metrics.jsonl writes a NaN as `null`. A resumed
/// run's recorder gets back exactly the events the killed process had, so its report is drawn
/// from the same values.
extension MetricEvent {
    var exactJSON: JSONValue {
        switch self {
        case .run(let r):
            return ["event": "run", "time": .exact(r.time), "config": r.config]
        case .step(let s):
            return [
                "event": "step", "epoch": .int(s.epoch), "step": .int(s.step), "loss": .exact(s.loss),
                "lr": .exact(s.lr),
            ]
        case .epoch(let e):
            return [
                "event": "epoch", "epoch": .int(e.epoch), "loss": .exact(e.loss), "accuracy": .exact(e.accuracy),
                "val_loss": .exact(e.valLoss), "val_accuracy": .exact(e.valAccuracy), "lr": .exact(e.lr),
                "seconds": .exact(e.seconds),
            ]
        case .test(let t):
            return ["event": "test", "loss": .exact(t.loss), "accuracy": .exact(t.accuracy)]
        case .end(let e):
            return [
                "event": "end", "status": .string(e.status.rawValue), "step": e.step.map { .int($0) } ?? .null,
                "epoch": e.epoch.map { .int($0) } ?? .null, "message": e.message.map { .string($0) } ?? .null,
                "time": .exact(e.time),
            ]
        case .resume(let r):
            return ["event": "resume", "epoch": .int(r.epoch), "step": .int(r.step), "time": .exact(r.time)]
        }
    }

    /// Reads ``exactJSON`` back.
    init(exactJSON json: JSONValue) throws(CheckpointError) {
        func fail(_ what: String) -> CheckpointError { .malformed(reason: "a recorded event has no valid \(what)") }
        func int(_ key: String) throws(CheckpointError) -> Int {
            guard let value = json[key]?.intValue else { throw fail(key) }
            return value
        }
        func double(_ key: String) throws(CheckpointError) -> Double {
            guard let value = json[key]?.exactDouble else { throw fail(key) }
            return value
        }
        func optional(_ key: String) throws(CheckpointError) -> Double? {
            json[key] == nil || json[key] == .null ? nil : try double(key)
        }
        switch json["event"]?.stringValue {
        case "run":
            guard let config = json["config"] else { throw fail("config") }
            self = .run(RunStart(time: try double("time"), config: config))
        case "step":
            self = .step(
                StepRecord(
                    epoch: try int("epoch"), step: try int("step"), loss: try double("loss"), lr: try double("lr")))
        case "epoch":
            self = .epoch(
                EpochRecord(
                    epoch: try int("epoch"), loss: try double("loss"), accuracy: try double("accuracy"),
                    valLoss: try optional("val_loss"), valAccuracy: try optional("val_accuracy"),
                    lr: try optional("lr"),
                    seconds: try double("seconds")))
        case "test":
            self = .test(TestRecord(loss: try double("loss"), accuracy: try double("accuracy")))
        case "end":
            guard let status = json["status"]?.stringValue.flatMap(RunStatus.init(rawValue:)) else {
                throw fail("status")
            }
            self = .end(
                RunEnd(
                    status: status, step: json["step"]?.intValue, epoch: json["epoch"]?.intValue,
                    message: json["message"]?.stringValue, time: try double("time")))
        case "resume":
            self = .resume(RunResume(epoch: try int("epoch"), step: try int("step"), time: try double("time")))
        default:
            throw fail("kind")
        }
    }
}
