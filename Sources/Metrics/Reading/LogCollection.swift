/// A file or folder that reading an input passed over, and why: named on standard error and in
/// the report, so that nothing is left out without a word.
public struct SkippedInput: Sendable, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// The runs read from one or more inputs, and what was passed over while looking for them.
public struct LogCollection: Sendable, Equatable {
    public var logs: [MetricLog]
    public var skipped: [SkippedInput]

    public init(logs: [MetricLog] = [], skipped: [SkippedInput] = []) {
        self.logs = logs
        self.skipped = skipped
    }

    public static func += (lhs: inout LogCollection, rhs: LogCollection) {
        lhs.logs += rhs.logs
        lhs.skipped += rhs.skipped
    }
}
