/// Wilson's score interval for a proportion: `successes` of `trials`.
///
/// Unlike the Wald interval p ± z√(p(1 − p)/n) it never leaves [0, 1] and does not collapse to a
/// point at 0 or n successes, which matters for classifiers near 100% accuracy.
public struct WilsonInterval: Sendable, Equatable {
    public let lower: Double
    public let upper: Double

    /// - Parameter z: the normal quantile of the level, 1.959963984540054 for 95%.
    public init(successes: Int, trials: Int, z: Double) {
        precondition(trials > 0 && successes >= 0 && successes <= trials, "\(successes) of \(trials) is no proportion")
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        // Rounding may push the limits a hair past the proportion at 0 or n successes.
        lower = max(0, min(p, centre - half))
        upper = min(1, max(p, centre + half))
    }
}
