/// Something that consumes the metric stream of a run.
///
/// Sinks are called on the training thread, in order. A sink that cannot do its job (a full
/// disk under the JSONL writer) throws, and the run stops with that error.
public protocol MetricSink: AnyObject {
    func receive(_ event: MetricEvent) throws
}

/// Keeps every event in memory, in order: what the charts and the report read.
public final class MetricRecorder: MetricSink {
    public private(set) var events: [MetricEvent] = []

    public init() {}

    public func receive(_ event: MetricEvent) throws {
        events.append(event)
    }

    public var steps: [StepRecord] {
        events.compactMap { if case .step(let s) = $0 { return s } else { return nil } }
    }

    public var epochs: [EpochRecord] {
        events.compactMap { if case .epoch(let e) = $0 { return e } else { return nil } }
    }

    public var test: TestRecord? {
        events.lazy.compactMap { if case .test(let t) = $0 { return t } else { return nil } }.last
    }

    public var end: RunEnd? {
        events.lazy.compactMap { if case .end(let e) = $0 { return e } else { return nil } }.last
    }
}

/// Forwards every event to several sinks in order.
public final class MetricFanOut: MetricSink {
    public let sinks: [any MetricSink]

    public init(_ sinks: [any MetricSink]) {
        self.sinks = sinks
    }

    public func receive(_ event: MetricEvent) throws {
        for sink in sinks { try sink.receive(event) }
    }
}
