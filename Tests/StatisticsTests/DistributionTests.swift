import Testing
import Statistics

/// Special functions and distributions against scipy 1.17.1 (`special.gammaln`,
/// `special.betainc`, `stats.t.cdf` / `sf` / `ppf`, `stats.norm.ppf`), statsmodels 0.15.0
/// (`multipletests(method="holm")`, `proportion_confint(method="wilson")`), and the published
/// example of Newcombe's interval.
@Suite struct DistributionTests {
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func logGammaMatchesScipy() {
        let cases: [(Double, Double)] = [
            (0.5, 0.5723649429247), (1, 0), (1.5, -0.12078223763524526), (10, 12.801827480081469),
            (100.5, 361.43554046777757), (1e5, 1051287.7089736569), (0.0033, 5.7119369411140894),
        ]
        for (x, expected) in cases {
            #expect(close(SpecialFunctions.logGamma(x), expected, 1e-13), "lnΓ(\(x))")
        }
    }

    @Test func incompleteBetaMatchesScipy() {
        let cases: [(a: Double, b: Double, x: Double, value: Double)] = [
            (0.5, 0.5, 0.3, 0.36901011956554536), (2, 3, 0.4, 0.5247999999999999),
            (10, 0.5, 0.999, 0.8888967091248604), (0.5, 10, 1e-5, 0.011143345724288566),
            (100, 200, 0.33, 0.45661816333399713), (1500, 2000, 0.43, 0.5684186984846789),
            (2.5, 0.5, 0.99999, 0.994631577551073), (1e-3, 1e-3, 0.5, 0.49999999999999994),
            (50, 0.5, 0.2, 9.994267861337003e-37),
        ]
        for c in cases {
            let value = SpecialFunctions.regularizedIncompleteBeta(a: c.a, b: c.b, x: c.x)
            #expect(abs(value - c.value) <= 1e-10 * c.value, "I_\(c.x)(\(c.a), \(c.b)) = \(value), scipy \(c.value)")
        }
    }

    @Test func studentTMatchesScipy() {
        let cases: [(t: Double, df: Double, cdf: Double, twoSided: Double)] = [
            (2.0, 3, 0.9303370157205785, 0.13932596855884305),
            (-1.5, 2.5, 0.12391822654314809, 0.24783645308629618),
            (10.0, 1, 0.9682744825694465, 0.06345103486110713),
            (0.1, 100, 0.5397277344520743, 0.9205445310958512),
            (40.0, 4, 0.9999988329918387, 2.3340163226012678e-06),
            (1e-8, 7, 0.5000000038499145, 0.999999992300171),
            (-3.0, 1e6, 0.0013499312707109, 0.0026998625414218),
        ]
        for c in cases {
            let t = StudentTDistribution(degreesOfFreedom: c.df)
            #expect(close(t.cdf(c.t), c.cdf, 1e-10), "cdf(\(c.t); \(c.df))")
            #expect(abs(t.twoSidedPValue(c.t) - c.twoSided) <= 1e-9 * c.twoSided, "p(\(c.t); \(c.df))")
        }
        #expect(StudentTDistribution(degreesOfFreedom: 3).twoSidedPValue(1e200) < 1e-300)
        #expect(StudentTDistribution(degreesOfFreedom: 3).twoSidedPValue(.infinity) == 0)
    }

    @Test func quantilesMatchScipy() {
        let t: [(p: Double, df: Double, value: Double)] = [
            (0.975, 1, 12.706204736174694), (0.975, 2.3, 3.807163208232131), (0.975, 10, 2.228138851986274),
            (0.995, 5, 4.032142983555228), (0.975, 1e5, 1.9599877075346095),
        ]
        for c in t {
            let q = StudentTDistribution(degreesOfFreedom: c.df).quantile(c.p)
            #expect(close(q, c.value, 1e-10), "t quantile \(c.p), ν \(c.df): \(q)")
            #expect(close(StudentTDistribution(degreesOfFreedom: c.df).quantile(1 - c.p), -c.value, 1e-10))
        }
        let normal: [(Double, Double)] = [
            (0.975, 1.959963984540054), (0.995, 2.5758293035489004), (0.5, 0), (1e-10, -6.361340902404056),
            (0.9, 1.2815515655446004),
        ]
        for (p, value) in normal {
            #expect(close(NormalDistribution.quantile(p), value, 1e-14), "z quantile \(p)")
        }
    }

    @Test func holmMatchesStatsmodels() {
        #expect(
            HolmAdjustment.adjust([0.01, 0.04, 0.03, 0.005]).map { ($0 * 1e12).rounded() / 1e12 } == [
                0.03, 0.06, 0.06, 0.02,
            ])
        #expect(HolmAdjustment.adjust([]) == [])
        #expect(HolmAdjustment.adjust([0.2]) == [0.2])
        #expect(HolmAdjustment.adjust([0.6, 0.7]) == [1, 1])
    }

    @Test func wilsonMatchesStatsmodels() {
        let z = NormalDistribution.quantile(0.975)
        let small = WilsonInterval(successes: 65, trials: 161, z: z)
        #expect(close(small.lower, 0.3310367548370932) && close(small.upper, 0.4809037592679161))
        let mnist = WilsonInterval(successes: 9855, trials: 10000, z: z)
        #expect(close(mnist.lower, 0.9829636757481404) && close(mnist.upper, 0.9876634618339326))
        let perfect = WilsonInterval(successes: 10, trials: 10, z: z)
        #expect(perfect.upper == 1 && perfect.lower < 1)
    }

    @Test func newcombeIntervalMatchesThePublishedExample() {
        // Fagerland, Lydersen & Laake (2017), ch. 8, Cavo et al. (2012): table [[59, 6], [16, 80]],
        // "Newcombe square-and-add CI: estimate = -0.0621 (95% CI -0.1186 to -0.0046)".
        let table = PairedProportionDifference(both: 59, onlyFirst: 6, onlySecond: 16, neither: 80)
        let ci = table.interval(z: NormalDistribution.quantile(0.975))
        #expect(abs(table.difference - -0.0621) < 5e-5)
        #expect(abs(ci.lower - -0.1186) < 5e-5 && abs(ci.upper - -0.0046) < 5e-5, "\(ci)")
    }

    @Test func identicalClassifiersGetANarrowIntervalAroundZero() {
        let table = PairedProportionDifference(both: 9855, onlyFirst: 0, onlySecond: 0, neither: 145)
        let ci = table.interval(z: NormalDistribution.quantile(0.975))
        #expect(table.difference == 0)
        #expect(ci.lower < 0 && ci.upper > 0 && ci.upper - ci.lower < 0.001, "\(ci)")
    }
}
