import Foundation

/// Student's t distribution with ν degrees of freedom (ν > 0, not necessarily whole: Welch's
/// test gives fractional ν).
public struct StudentTDistribution: Sendable, Equatable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(
            degreesOfFreedom > 0 && degreesOfFreedom.isFinite,
            "t needs finite degrees of freedom > 0, got \(degreesOfFreedom)")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(|T| ≥ |t|): the two-sided p-value of a t statistic.
    ///
    /// Equal to I_x(ν/2, ½) with x = ν / (ν + t²). Both x and 1 − x = t² / (ν + t²) are passed
    /// to the incomplete beta function as computed here: for |t| = 1e-8, x rounds to 1 and
    /// `1 - x` would be 0 (p = 1 exactly instead of 1 − 7.7e-9); for |t| = 1e200, t² overflows,
    /// so x is formed as ν/t²/(1 + ν/t²) instead.
    public func twoSidedPValue(_ t: Double) -> Double {
        precondition(!t.isNaN, "a t statistic must not be NaN")
        if t.isInfinite { return 0 }
        let nu = degreesOfFreedom
        let t2 = t * t
        let x: Double, y: Double
        if t2.isInfinite || t2 > 1e300 {
            let r = nu / t / t
            x = r / (1 + r)
            y = 1 / (1 + r)
        } else {
            x = nu / (nu + t2)
            y = t2 / (nu + t2)
        }
        return SpecialFunctions.regularizedIncompleteBeta(a: nu / 2, b: 0.5, x: x, complement: y)
    }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        let tail = twoSidedPValue(t) / 2
        return t < 0 ? tail : 1 - tail
    }

    /// The t with P(T ≤ t) = p, for 0 < p < 1.
    ///
    /// By bisection on ``twoSidedPValue(_:)``, which is monotone in |t|: slower than Newton's
    /// method but immune to its overshoot for ν < 1, where the tails are heavier than Cauchy's.
    /// 200 halvings of a bracket that doubles out from [0, 1] reach adjacent Doubles.
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a t quantile needs 0 < p < 1, got \(p)")
        if p == 0.5 { return 0 }
        let target = 2 * min(p, 1 - p)  // the two-sided tail beyond the quantile
        var low = 0.0, high = 1.0
        while twoSidedPValue(high) > target, high < 1e300 { low = high; high *= 2 }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if mid == low || mid == high { break }
            if twoSidedPValue(mid) > target { low = mid } else { high = mid }
        }
        let t = (low + high) / 2
        return p < 0.5 ? -t : t
    }
}
