import Testing
import Statistics

/// Welch's t-test against scipy 1.17.1: `ttest_ind(a, b, equal_var=False)` (statistic, pvalue,
/// `confidence_interval(0.95)`), and the Welch–Satterthwaite ν computed from numpy's
/// `var(ddof=1)`.
@Suite struct WelchTestTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var first: [Double]
        var second: [Double]
        var t: Double
        var p: Double
        var df: Double
        var interval: (Double, Double)
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "three seeds against four", first: [0.9812, 0.9807, 0.9821],
            second: [0.9790, 0.9801, 0.9783, 0.9795],
            t: 3.766065372976022, p: 0.014972102167677736, df: 4.6454451089574444,
            interval: (0.0006355885267371501, 0.0035810781399293855)),
        Case(
            name: "unequal variances, small ν", first: [1, 2, 3], second: [10, 20, 30, 40, 50],
            t: -3.9466642801734926, p: 0.01643969143145561, df: 4.053150831037242,
            interval: (-47.59631066351118, -8.403689336488817)),
        Case(
            name: "five seeds each, no difference", first: [0.9849, 0.9855, 0.9846, 0.9852, 0.9858],
            second: [0.9851, 0.9843, 0.9856, 0.9849, 0.9847],
            t: 0.9261576823180415, p: 0.3814605583120523, df: 7.998123486103256,
            interval: (-0.00041718962534222645, 0.0009771896253423424)),
        Case(
            name: "identical samples", first: [0.5, 0.6, 0.7], second: [0.5, 0.6, 0.7],
            t: 0, p: 1, df: 4, interval: (-0.22669579355275182, 0.22669579355275182)),
    ]

    @Test(arguments: cases) func statisticPValueAndIntervalMatchScipy(_ c: Case) throws {
        let test = try #require(WelchTest(c.first, c.second))
        #expect(abs(test.t - c.t) <= 1e-9 * max(1, abs(c.t)), "t = \(test.t), scipy \(c.t)")
        #expect(abs(test.pValue - c.p) <= 1e-9 * c.p, "p = \(test.pValue), scipy \(c.p)")
        let df = try #require(test.degreesOfFreedom)
        #expect(abs(df - c.df) <= 1e-9 * c.df, "ν = \(df), expected \(c.df)")
        let ci = test.interval(level: 0.95)
        #expect(abs(ci.lower - c.interval.0) <= 1e-9 * abs(c.interval.0), "lower \(ci.lower)")
        #expect(abs(ci.upper - c.interval.1) <= 1e-9 * abs(c.interval.1), "upper \(ci.upper)")
    }

    @Test func fewerThanTwoValuesGiveNoTest() {
        #expect(WelchTest([0.98], [0.97, 0.96]) == nil)
        #expect(WelchTest([0.98, 0.97], []) == nil)
        #expect(WelchTest([0.98, .nan], [0.97, 0.96]) == nil)
    }

    @Test func constantSamplesAreDecidedWithoutDividingByZero() throws {
        let same = try #require(WelchTest([0.98, 0.98], [0.98, 0.98, 0.98]))
        #expect(same.t == 0 && same.pValue == 1 && same.degreesOfFreedom == nil)
        let apart = try #require(WelchTest([0.98, 0.98], [0.97, 0.97]))
        #expect(apart.t == .infinity && apart.pValue == 0)
        #expect(apart.interval(level: 0.95) == (0.98 - 0.97, 0.98 - 0.97))
    }

    @Test func tinySpreadsNextToLargeMeansKeepTheirVariance() throws {
        // Σx² − n·x̄² would lose every digit here; two passes keep them.
        let test = try #require(WelchTest([1e8 + 0.1, 1e8 + 0.2, 1e8 + 0.3], [1e8, 1e8 + 0.1, 1e8 + 0.2]))
        #expect(abs(test.firstVariance - 0.01) < 1e-9)
        #expect(abs(test.t - 1.224744871391589) < 1e-6)
    }
}
