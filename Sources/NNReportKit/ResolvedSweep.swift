import Engine

/// Every trial's configuration of a sweep, checked against the options and the memory: resolved
/// once, when the command's options are validated, and run as is.
public struct ResolvedSweep: Sendable {
    public var configurations: [TrainingConfiguration]
}
