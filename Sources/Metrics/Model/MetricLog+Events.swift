import Foundation

extension MetricLog {
    /// The log of a run's events held in memory (a ``MetricRecorder``'s), exactly as reading
    /// its metrics.jsonl would give it.
    public init(events: [MetricEvent], source: URL, runName: String) {
        var accumulator = MetricEventAccumulator(path: source.path)
        for (index, event) in events.enumerated() {
            do {
                try accumulator.add(event.json, line: index + 1)
            } catch {
                // MetricEvent.json always writes integer counters; anything else is a bug there.
                preconditionFailure("MetricEvent.json produced an event the reader rejects: \(error)")
            }
        }
        self = accumulator.build(source: source, runName: runName)
    }
}
