import Foundation

/// Tails of the binomial distribution with success probability ½: what McNemar's exact test
/// sums.
public enum BinomialTail {
    /// ln P(X ≤ k) for X ~ Binomial(n, ½).
    ///
    /// Numerical hazards, and how they are met:
    /// - 2⁻ⁿ underflows a Double from n = 1075, and P(X ≤ 0) = 2⁻¹²⁰⁰ is a legitimate answer for
    ///   a model that fixes 1,200 images and breaks none: the result is a logarithm, exact down
    ///   to ln(2⁻¹⁰⁰⁰⁰⁰⁰) and beyond.
    /// - Binomial coefficients overflow from n ≈ 1030: the largest term, C(n, k) 2⁻ⁿ, is formed
    ///   in log space from ``SpecialFunctions/logBinomialCoefficient(_:_:)``; the other terms are
    ///   taken relative to it by the exact ratio C(n, i − 1) / C(n, i) = i / (n − i + 1), so the
    ///   running sum starts at 1 and never over- or underflows.
    /// - For k < n / 2 the terms fall from i = k downwards at least geometrically, and the sum
    ///   stops once a term no longer changes it; for k ≥ n / 2 the complement of the upper tail
    ///   is summed instead, so a probability near 1 is never built from terms near 1.
    ///
    /// The relative error is about 1e-16 × ln C(n, k) from the log-gamma differences: 1e-11 for
    /// n = 10,000, the size of MNIST's test set.
    ///
    /// - Precondition: 0 ≤ n and k ≤ n (k < 0 gives ln 0 = −∞).
    public static func logLowerTailHalf(_ k: Int, trials n: Int) -> Double {
        precondition(n >= 0, "a binomial needs n >= 0 trials, got \(n)")
        if k < 0 { return -.infinity }
        if k >= n { return 0 }
        if 2 * k >= n {
            // P(X ≤ k) = 1 − P(X ≥ k + 1) = 1 − P(X ≤ n − k − 1) by symmetry; the upper tail is < ½.
            let upper = exp(logLowerTailHalf(n - k - 1, trials: n))
            return log1p(-upper)
        }
        // Sum C(n, i) / C(n, k) for i = k, k − 1, ..., 0.
        var term = 1.0
        var sum = 1.0
        var i = k
        while i > 0 {
            term *= Double(i) / Double(n - i + 1)
            let next = sum + term
            if next == sum { break }
            sum = next
            i -= 1
        }
        return SpecialFunctions.logBinomialCoefficient(n, k) - Double(n) * log(2.0) + log(sum)
    }
}
