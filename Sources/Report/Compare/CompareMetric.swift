import Metrics
import Statistics

/// One row of a comparison's results: a metric of the baseline and the candidate, their
/// difference, how it was tested and the verdict.
public struct CompareMetric: Sendable {
    /// How the difference was judged.
    public enum Method: Sendable, Equatable {
        /// McNemar's exact test on the test images only one run classifies correctly.
        case mcnemar(onlyBaseline: Int, onlyCandidate: Int)
        /// Welch's t-test over the seeds of each group.
        case welch(t: Double, degreesOfFreedom: Double?)
        /// Compared with a tolerance (logs of other tools: one value per run, no test possible);
        /// `amount` is the absolute tolerance applied, `spec` how it was given (`0.01`, `1%`, `0`).
        case tolerance(amount: Double, spec: String)
        /// Shown for reference only, with the reason it is not tested.
        case reference(String)
        /// How each run ended (`completed`, `diverged`, ...): a run that diverged is worse than one
        /// that did not, whatever its numbers.
        case runStatus(baseline: String, candidate: String)
    }

    /// How values print: as percentages (accuracies that are fractions) or numbers.
    public enum Format: Sendable, Equatable {
        case percent, number
    }

    /// The metric as the table names it: `Test accuracy`, `val_loss (best)`. From a log, so
    /// escaped when printed.
    public var name: String
    /// The sweep setting the row belongs to (`lr=0.003`); nil for runs and logs.
    public var setting: String?
    public var goal: MetricGoal
    public var format: Format
    /// The baseline's value (a group's mean).
    public var baseline: Double?
    public var candidate: Double?
    /// Sample standard deviations and sizes of groups; nil for single runs.
    public var baselineSpread: Double? = nil
    public var candidateSpread: Double? = nil
    public var baselineCount: Int? = nil
    public var candidateCount: Int? = nil
    /// The confidence interval of ``difference`` at the comparison's level.
    public var interval: (lower: Double, upper: Double)? = nil
    public var method: Method
    /// The test's two-sided p-value, and its log₁₀ for p-values a Double cannot hold.
    public var pValue: Double? = nil
    public var log10PValue: Double? = nil
    /// Holm-adjusted over the tests of the comparison (equal to ``pValue`` for a single test).
    public var adjustedPValue: Double? = nil
    /// log₁₀ of the adjusted p-value where it underflows (m times the p-value, an upper bound).
    public var adjustedLog10PValue: Double? = nil
    /// Whether the metric enters the overall verdict.
    public var decides: Bool = false
    public var verdict: Verdict = .untested

    public init(
        name: String, setting: String? = nil, goal: MetricGoal, format: Format, baseline: Double?, candidate: Double?,
        method: Method
    ) {
        self.name = name
        self.setting = setting
        self.goal = goal
        self.format = format
        self.baseline = baseline
        self.candidate = candidate
        self.method = method
    }

    /// candidate − baseline.
    public var difference: Double? {
        guard let baseline, let candidate else { return nil }
        return candidate - baseline
    }

    /// Whether the verdict comes from a tolerance rather than a significance test.
    public var isByTolerance: Bool {
        if case .tolerance = method { return true }
        return false
    }

    /// The direction of ``difference`` for this metric's goal: better, worse, or same (equal,
    /// or no goal).
    var direction: Verdict {
        guard let d = difference, d != 0 else { return .same }
        switch goal {
        case .maximize: return d > 0 ? .better : .worse
        case .minimize: return d < 0 ? .better : .worse
        case .none: return .untested
        }
    }

    /// Sets ``verdict``: for a test, better or worse when the (adjusted) p-value is below
    /// `alpha`, in the direction of the difference; for a tolerance, when the difference is
    /// larger than the tolerance; otherwise the same. Untested when the goal is unknown or a
    /// value is missing.
    mutating func decide(alpha: Double) {
        if case .runStatus(let b, let c) = method {
            let (bad, cBad) = (b == "diverged", c == "diverged")
            verdict = bad == cBad ? .same : (cBad ? .worse : .better)
            return
        }
        guard difference != nil else {
            verdict = .untested
            return
        }
        switch method {
        case .reference, .runStatus:
            verdict = .untested
        case .tolerance(let amount, _):
            guard goal != .none else {
                verdict = .untested
                return
            }
            verdict = abs(difference!) > amount ? direction : .same
        case .mcnemar, .welch:
            guard goal != .none, let p = adjustedPValue ?? pValue else {
                verdict = .untested
                return
            }
            verdict = p < alpha ? direction : .same
            // A significant test with a zero difference cannot happen; keep "same" if it does.
            if verdict == .untested { verdict = .same }
        }
    }
}
