/// The learning-rate schedules the command line can name; their factors and periods come
/// from `--lr-decay` and `--lr-step-epochs` (``LearningRateSchedule`` holds them).
public enum ScheduleKind: String, Sendable, CaseIterable {
    case constant
    case step
    case exponential
    case cosine

    /// The kind named `name`, ignoring case; `exp` is short for exponential.
    public init?(name: String) {
        let lower = name.lowercased()
        self.init(rawValue: lower == "exp" ? "exponential" : lower)
    }
}
