/// The verdicts `nnreport compare --fail-on` turns into exit status 1.
public enum CompareFailCondition: String, Sendable, CaseIterable {
    /// The overall verdict is worse.
    case worse
    /// The overall verdict is better or worse: any significant change.
    case different
}
