import Foundation

/// McNemar's exact test of two classifiers evaluated on the same items: do they make mistakes
/// at the same rate?
///
/// Only the discordant items carry information: `onlyFirst` items the first classifier gets
/// right and the second wrong, `onlySecond` the other way round. Under the null hypothesis of
/// equal accuracy each discordant item is equally likely to fall either way, so
/// `onlyFirst` ~ Binomial(onlyFirst + onlySecond, ½), and the two-sided exact p-value is
/// `min(1, 2 P(X ≤ min(onlyFirst, onlySecond)))`: the conditional exact test, as
/// statsmodels' `mcnemar(table, exact=True)` and R's `binom.test(b, b + c)` compute it.
///
/// With no discordant items the classifiers agree everywhere and p = 1.
public struct McNemarTest: Sendable, Equatable {
    /// Items only the first classifier gets right.
    public let onlyFirst: Int
    /// Items only the second classifier gets right.
    public let onlySecond: Int

    public init(onlyFirst: Int, onlySecond: Int) {
        precondition(onlyFirst >= 0 && onlySecond >= 0, "counts must not be negative: \(onlyFirst), \(onlySecond)")
        self.onlyFirst = onlyFirst
        self.onlySecond = onlySecond
    }

    /// The number of discordant items.
    public var discordant: Int { onlyFirst + onlySecond }

    /// ln of the two-sided exact p-value: finite even when the p-value itself underflows a
    /// Double (1,200 discordant items all one way give p = 2⁻¹¹⁹⁹ ≈ 10⁻³⁶¹).
    public var logPValue: Double {
        guard discordant > 0 else { return 0 }
        let tail = BinomialTail.logLowerTailHalf(min(onlyFirst, onlySecond), trials: discordant)
        return min(0, tail + log(2.0))
    }

    /// The two-sided exact p-value (0 when it is below the smallest Double; see ``logPValue``).
    public var pValue: Double { exp(logPValue) }

    /// log₁₀ of the p-value, for printing p-values Double cannot hold.
    public var log10PValue: Double { logPValue / log(10.0) }
}
