/// The difference between two proportions measured on the same items (the accuracies of two
/// classifiers on one test set), with Newcombe's square-and-add confidence interval.
///
/// The items form a paired 2×2 table: `both` right, `onlyFirst`, `onlySecond`, `neither`.
/// The difference is p₁ − p₂ = (onlyFirst − onlySecond) / n.
///
/// The interval is Newcombe's (1998) method 10, the "square-and-add" or hybrid score interval
/// recommended by Fagerland, Lydersen and Laake (2014, 2017): each accuracy gets its Wilson
/// interval, and the two are combined with the estimated correlation ψ between the paired
/// accuracies,
///
///     L = d − √((p₁ − l₁)² + (u₂ − p₂)² − 2ψ(p₁ − l₁)(u₂ − p₂))
///     U = d + √((p₂ − l₂)² + (u₁ − p₁)² − 2ψ(p₂ − l₂)(u₁ − p₁))
///
/// with ψ from the table's cross product A = both·neither − onlyFirst·onlySecond, continuity
/// corrected: (A − n/2)/√(row and column totals) when A > n/2, 0 when 0 ≤ A ≤ n/2, A/√(…) when
/// A < 0, and 0 when a margin is empty. Unlike the Wald interval it stays sensible with few
/// discordant items, and two identical classifiers get a narrow interval around 0 rather than
/// the single point 0.
public struct PairedProportionDifference: Sendable, Equatable {
    public let both: Int
    public let onlyFirst: Int
    public let onlySecond: Int
    public let neither: Int

    public init(both: Int, onlyFirst: Int, onlySecond: Int, neither: Int) {
        precondition(
            both >= 0 && onlyFirst >= 0 && onlySecond >= 0 && neither >= 0,
            "counts must not be negative: \(both), \(onlyFirst), \(onlySecond), \(neither)")
        precondition(both + onlyFirst + onlySecond + neither > 0, "a paired table needs at least one item")
        self.both = both
        self.onlyFirst = onlyFirst
        self.onlySecond = onlySecond
        self.neither = neither
    }

    public var count: Int { both + onlyFirst + onlySecond + neither }
    /// The first proportion, (both + onlyFirst) / n.
    public var first: Double { Double(both + onlyFirst) / Double(count) }
    /// The second proportion, (both + onlySecond) / n.
    public var second: Double { Double(both + onlySecond) / Double(count) }
    /// first − second, computed from the discordant counts (exact to rounding).
    public var difference: Double { Double(onlyFirst - onlySecond) / Double(count) }

    /// Newcombe's square-and-add interval for ``difference`` at the level whose normal quantile
    /// is `z` (1.959963984540054 for 95%).
    public func interval(z: Double) -> (lower: Double, upper: Double) {
        let n = Double(count)
        let p1 = first, p2 = second
        let w1 = WilsonInterval(successes: both + onlyFirst, trials: count, z: z)
        let w2 = WilsonInterval(successes: both + onlySecond, trials: count, z: z)
        let rows = (Double(both + onlyFirst), Double(onlySecond + neither))
        let columns = (Double(both + onlySecond), Double(onlyFirst + neither))
        var psi = 0.0
        if rows.0 > 0, rows.1 > 0, columns.0 > 0, columns.1 > 0 {
            // The products reach 1e16 for n = 10,000: Double holds them to 1e-16 relative,
            // where Int would be exact but could overflow for n beyond 55,000.
            let totals = (rows.0 * rows.1 * columns.0 * columns.1).squareRoot()
            let a = Double(both) * Double(neither) - Double(onlyFirst) * Double(onlySecond)
            if a > n / 2 {
                psi = (a - n / 2) / totals
            } else if a < 0 {
                psi = a / totals
            }
        }
        let d = difference
        let down1 = p1 - w1.lower, up2 = w2.upper - p2
        let down2 = p2 - w2.lower, up1 = w1.upper - p1
        // The radicands are sums of squares minus at most twice their product (|ψ| ≤ 1), so
        // never negative but for rounding: clamp at 0.
        let lower = d - max(0, down1 * down1 + up2 * up2 - 2 * psi * down1 * up2).squareRoot()
        let upper = d + max(0, down2 * down2 + up1 * up1 - 2 * psi * down2 * up1).squareRoot()
        return (max(-1, lower), min(1, upper))
    }
}
