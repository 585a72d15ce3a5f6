import Metrics
import Statistics

/// The results rows of two groups of seeds (a setting of each sweep, or two folders of repeated
/// runs): final and best validation accuracy and test accuracy, each with Welch's t-test over
/// the finished trials.
public enum GroupComparison {
    /// What is compared, and how to get it from one trial.
    static let quantities: [(name: String, value: @Sendable (SweepTrialRecord) -> Double?)] = [
        ("Final validation accuracy", { $0.finalValidationAccuracy }),
        ("Best validation accuracy", { $0.bestValidationAccuracy?.value }),
        ("Test accuracy", { t in t.testAccuracy.flatMap { $0.isFinite ? $0 : nil } }),
    ]

    /// The rows of `pair` at confidence `level`; each decides the overall verdict when both
    /// groups have at least two values.
    public static func metrics(_ pair: GroupPair, level: Double) -> [CompareMetric] {
        let baseline = pair.baseline.filter(\.isFinished)
        let candidate = pair.candidate.filter(\.isFinished)
        var rows: [CompareMetric] = []
        for quantity in quantities {
            let b = baseline.compactMap(quantity.value)
            let c = candidate.compactMap(quantity.value)
            guard !b.isEmpty || !c.isEmpty else { continue }
            let bs = SweepStatistics(b), cs = SweepStatistics(c)
            let method: CompareMetric.Method
            let welch = WelchTest(c, b)
            if let welch {
                method = .welch(t: welch.t, degreesOfFreedom: welch.degreesOfFreedom)
            } else if b.count < 2 || c.count < 2 {
                method = .reference(
                    "Welch's t-test needs at least two seeds in each group (n = \(b.count) and \(c.count))")
            } else {
                method = .reference("a value is not finite")
            }
            var row = CompareMetric(
                name: quantity.name, setting: pair.setting, goal: .maximize, format: .percent, baseline: bs?.mean,
                candidate: cs?.mean, method: method)
            row.baselineSpread = bs?.standardDeviation
            row.candidateSpread = cs?.standardDeviation
            row.baselineCount = b.count
            row.candidateCount = c.count
            if let welch {
                row.interval = welch.interval(level: level)
                row.pValue = welch.pValue
                row.decides = true
            }
            rows.append(row)
        }
        return rows
    }
}
