extension MetricEvent {
    /// The names of fields that hold wall-clock measurements (excluded from determinism checks).
    public static let timeFields: Set<String> = ["time", "seconds"]

    /// The event as one metrics.jsonl object, members in a fixed order.
    public var json: JSONValue {
        switch self {
        case .run(let r):
            return ["event": "run", "time": .number(r.time), "config": r.config]
        case .step(let s):
            return [
                "event": "step", "epoch": .int(s.epoch), "step": .int(s.step), "loss": .number(s.loss),
                "lr": .number(s.lr),
            ]
        case .epoch(let e):
            var members: [(key: String, value: JSONValue)] = [
                ("event", "epoch"), ("epoch", .int(e.epoch)), ("loss", .number(e.loss)),
                ("accuracy", .number(e.accuracy)),
            ]
            if let v = e.valLoss { members.append(("val_loss", .number(v))) }
            if let v = e.valAccuracy { members.append(("val_accuracy", .number(v))) }
            if let v = e.lr { members.append(("lr", .number(v))) }
            members.append(("seconds", .number(e.seconds)))
            return .object(members)
        case .test(let t):
            return ["event": "test", "loss": .number(t.loss), "accuracy": .number(t.accuracy)]
        case .end(let e):
            var members: [(key: String, value: JSONValue)] = [("event", "end"), ("status", .string(e.status.rawValue))]
            if let v = e.step { members.append(("step", .int(v))) }
            if let v = e.epoch { members.append(("epoch", .int(v))) }
            if let v = e.message { members.append(("message", .string(v))) }
            members.append(("time", .number(e.time)))
            return .object(members)
        case .resume(let r):
            return ["event": "resume", "epoch": .int(r.epoch), "step": .int(r.step), "time": .number(r.time)]
        }
    }

    /// The event as one line of metrics.jsonl, without the newline.
    public var jsonLine: String { JSONWriter.compact(json) }
}
