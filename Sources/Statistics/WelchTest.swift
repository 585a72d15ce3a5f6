/// Welch's t-test of two independent samples with possibly unequal variances: are their means
/// different? As scipy's `ttest_ind(first, second, equal_var=False)` and R's `t.test`.
///
///     t = (x̄₁ − x̄₂) / √(s₁²/n₁ + s₂²/n₂)
///     ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1))   (Welch–Satterthwaite)
///
/// Numerical hazards:
/// - Variances are computed in two passes (mean, then squared deviations), never as
///   Σx² − n x̄², which cancels catastrophically for accuracies like 0.9812 ± 0.0005 (the
///   squares agree in their first seven digits).
/// - Both samples constant: t is 0/0. Equal means then give t = 0, p = 1; different means give
///   t = ±∞, p = 0 (two sets of identical numbers that differ are different without doubt),
///   and ν is undefined (nil).
public struct WelchTest: Sendable, Equatable {
    public let firstCount: Int
    public let secondCount: Int
    public let firstMean: Double
    public let secondMean: Double
    /// Sample variances (n − 1 in the denominator).
    public let firstVariance: Double
    public let secondVariance: Double

    /// Nil when either sample has fewer than two values (no variance, no test) or a value is
    /// not finite.
    public init?(_ first: [Double], _ second: [Double]) {
        guard first.count >= 2, second.count >= 2, (first + second).allSatisfy(\.isFinite) else { return nil }
        func meanAndVariance(_ values: [Double]) -> (Double, Double) {
            var sum = 0.0
            for v in values { sum += v }
            let mean = sum / Double(values.count)
            var squares = 0.0
            for v in values { squares += (v - mean) * (v - mean) }
            return (mean, squares / Double(values.count - 1))
        }
        (firstMean, firstVariance) = meanAndVariance(first)
        (secondMean, secondVariance) = meanAndVariance(second)
        firstCount = first.count
        secondCount = second.count
    }

    /// x̄₁ − x̄₂.
    public var difference: Double { firstMean - secondMean }

    /// √(s₁²/n₁ + s₂²/n₂).
    public var standardError: Double {
        (firstVariance / Double(firstCount) + secondVariance / Double(secondCount)).squareRoot()
    }

    /// The t statistic (±∞ or 0 when both samples are constant).
    public var t: Double {
        let se = standardError
        if se == 0 { return difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity) }
        return difference / se
    }

    /// The Welch–Satterthwaite degrees of freedom; nil when both samples are constant.
    public var degreesOfFreedom: Double? {
        let v1 = firstVariance / Double(firstCount), v2 = secondVariance / Double(secondCount)
        let denominator = v1 * v1 / Double(firstCount - 1) + v2 * v2 / Double(secondCount - 1)
        guard denominator > 0 else { return nil }
        return (v1 + v2) * (v1 + v2) / denominator
    }

    /// The two-sided p-value.
    public var pValue: Double {
        guard let nu = degreesOfFreedom else { return difference == 0 ? 1 : 0 }
        return StudentTDistribution(degreesOfFreedom: nu).twoSidedPValue(t)
    }

    /// The confidence interval of ``difference`` at `level` (0.95): difference ± t* · SE with
    /// t* the (1 + level)/2 quantile of t with ν degrees of freedom. A single point when both
    /// samples are constant.
    public func interval(level: Double) -> (lower: Double, upper: Double) {
        precondition(level > 0 && level < 1, "a confidence level lies in (0, 1), got \(level)")
        guard let nu = degreesOfFreedom else { return (difference, difference) }
        let half = StudentTDistribution(degreesOfFreedom: nu).quantile((1 + level) / 2) * standardError
        return (difference - half, difference + half)
    }
}
