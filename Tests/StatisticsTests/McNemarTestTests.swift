import Foundation
import Testing
import Statistics

/// McNemar's exact test against values computed independently: statsmodels 0.15.0
/// `mcnemar([[100, b], [c, 100]], exact=True).pvalue` (equal to scipy 1.17.1's
/// `binomtest(min(b, c), b + c, 0.5).pvalue`), and the log of the tail from scipy's
/// `binom.logcdf` where the p-value underflows.
@Suite struct McNemarTestTests {
    struct Case: Sendable, CustomStringConvertible {
        var onlyFirst: Int
        var onlySecond: Int
        var pValue: Double
        var description: String { "b = \(onlyFirst), c = \(onlySecond)" }
    }

    static let cases: [Case] = [
        Case(onlyFirst: 12, onlySecond: 2, pValue: 0.012939453125),
        Case(onlyFirst: 6, onlySecond: 16, pValue: 0.052478790283203125),
        Case(onlyFirst: 30, onlySecond: 170, pValue: 6.17313535621387e-25),
        Case(onlyFirst: 150, onlySecond: 120, pValue: 0.07738939898021849),
        Case(onlyFirst: 2400, onlySecond: 2600, pValue: 0.004883649737517494),
        Case(onlyFirst: 3000, onlySecond: 3300, pValue: 0.00016475607669748363),
        Case(onlyFirst: 63, onlySecond: 21, pValue: 4.968015141912969e-06),
        Case(onlyFirst: 0, onlySecond: 0, pValue: 1),
        Case(onlyFirst: 5, onlySecond: 5, pValue: 1),
        Case(onlyFirst: 1, onlySecond: 0, pValue: 1),
    ]

    @Test(arguments: cases) func exactPValueMatchesStatsmodels(_ c: Case) {
        let test = McNemarTest(onlyFirst: c.onlyFirst, onlySecond: c.onlySecond)
        let relative = abs(test.pValue - c.pValue) / c.pValue
        #expect(relative < 1e-9, "p = \(test.pValue), statsmodels \(c.pValue)")
        // The test is symmetric in the two classifiers.
        #expect(McNemarTest(onlyFirst: c.onlySecond, onlySecond: c.onlyFirst).pValue == test.pValue)
    }

    @Test func cavoExampleMatchesTheBook() {
        // Fagerland, Lydersen & Laake, Statistical Analysis of Contingency Tables (2017), ch. 8:
        // Cavo et al. (2012), discordant 6 and 16: "McNemar exact conditional test: P = 0.052479".
        let p = McNemarTest(onlyFirst: 6, onlySecond: 16).pValue
        #expect(abs(p - 0.052479) < 5e-7)
    }

    @Test func pValuesBelowTheSmallestDoubleKeepTheirLogarithm() {
        // 1,200 discordant images all one way: p = 2 · 2^-1200 = 2^-1199, 10^-360.93.
        let test = McNemarTest(onlyFirst: 0, onlySecond: 1200)
        #expect(test.pValue == 0)
        #expect(abs(test.log10PValue - -360.934964801113453) < 1e-9)
        // scipy: 2 · exp(binom.logcdf(30, 200, 0.5)) → log10 p = -24.20949420030289.
        #expect(abs(McNemarTest(onlyFirst: 30, onlySecond: 170).log10PValue - -24.20949420030289) < 1e-9)
    }

    @Test func lowerTailAgreesWithTheIncompleteBeta() {
        // P(X ≤ k) = I_{1/2}(n − k, k + 1) for X ~ Binomial(n, 1/2): two independent routes.
        for (k, n) in [(3, 10), (40, 100), (480, 1000), (4900, 10000), (0, 7), (9, 10)] {
            let direct = exp(BinomialTail.logLowerTailHalf(k, trials: n))
            let beta = SpecialFunctions.regularizedIncompleteBeta(a: Double(n - k), b: Double(k + 1), x: 0.5)
            #expect(abs(direct - beta) <= 1e-10 * beta, "k \(k), n \(n): \(direct) vs \(beta)")
        }
    }
}
