/// What `nnreport compare` concludes about the candidate, for one metric or overall.
public enum Verdict: String, Sendable, Equatable {
    /// Significantly better (or better by more than the tolerance).
    case better
    /// Significantly worse (or worse by more than the tolerance).
    case worse
    /// No significant difference (or a difference within the tolerance).
    case same
    /// No test was possible (too few seeds, no direction for the metric, no data).
    case untested

    /// The verdict in words, as tables print it: `better`, `worse`, `no significant difference`,
    /// `within tolerance`, `not tested`.
    func text(byTolerance: Bool) -> String {
        switch self {
        case .better: "better"
        case .worse: "worse"
        case .same: byTolerance ? "within tolerance" : "no significant difference"
        case .untested: "not tested"
        }
    }
}
