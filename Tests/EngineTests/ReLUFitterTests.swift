import Randomness
import Foundation
import Testing
import TestSupport
@testable import Engine

/// The one-input ReLU network's gradients and the multi-start fitter.
@Suite struct ReLUFitterTests {
    /// A random network and data whose pre-activations stay away from 0, where the ReLU's
    /// derivative jumps and centred differences straddle the kink.
    static func randomProblem(seed: UInt64, units: Int = 4, points: Int = 9) -> (ReLUNetwork1D, [Double], [Double]) {
        var rng = SplitMix64(seed: seed)
        while true {
            let net = ReLUNetwork1D(
                w1: (0..<units).map { _ in rng.nextGaussian() }, b1: (0..<units).map { _ in rng.nextGaussian() },
                w2: (0..<units).map { _ in rng.nextGaussian() }, b2: rng.nextGaussian())
            let x = (0..<points).map { _ in 4 * rng.nextUnitDouble() - 2 }
            let t = (0..<points).map { _ in rng.nextGaussian() }
            let clear = x.allSatisfy { xi in (0..<units).allSatisfy { abs(net.w1[$0] * xi + net.b1[$0]) > 1e-3 } }
            if clear { return (net, x, t) }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func gradientMatchesCentredDifferences(seed: UInt64) {
        let (net, x, t) = Self.randomProblem(seed: seed)
        let (loss, gradient) = net.lossAndGradient(x: x, t: t)
        #expect(isClose(loss, net.meanSquaredError(x: x, t: t), absolute: 1e-12))
        let flat = net.flattened
        let analytic = gradient.flattened
        let h = 1e-6
        for i in flat.indices {
            var plus = flat, minus = flat
            plus[i] += h
            minus[i] -= h
            let lp = ReLUNetwork1D(flattened: plus, hiddenUnits: net.hiddenUnits).meanSquaredError(x: x, t: t)
            let lm = ReLUNetwork1D(flattened: minus, hiddenUnits: net.hiddenUnits).meanSquaredError(x: x, t: t)
            let numerical = (lp - lm) / (2 * h)
            let relative = abs(numerical - analytic[i]) / max(abs(numerical) + abs(analytic[i]), 1e-8)
            #expect(relative < 1e-6, "parameter \(i): analytic \(analytic[i]) numerical \(numerical)")
        }
    }

    @Test func flattenedRoundTrips() {
        let (net, _, _) = Self.randomProblem(seed: 9)
        #expect(ReLUNetwork1D(flattened: net.flattened, hiddenUnits: 4) == net)
        #expect(net.parameterCount == 13)
    }

    @Test func kinksAndDeadUnits() {
        let net = ReLUNetwork1D(w1: [1, -2, 0, 1], b1: [-3, 8, 1, -20], w2: [1, 0.5, 2, 1], b2: 0)
        #expect(net.kink(ofUnit: 0) == 3)
        #expect(net.kink(ofUnit: 1) == 4)
        #expect(net.kink(ofUnit: 2) == nil)
        #expect(net.slopeChange(ofUnit: 1) == 1)
        let inside = net.kinks(inside: 0...10)
        #expect(inside.map(\.unit) == [0, 1])
        #expect(inside.map(\.x) == [3, 4])
        // Unit 3 switches on at x = 20, beyond every data point.
        #expect(net.deadUnits(on: (0...10).map(Double.init)) == [3])
    }

    /// Points of a known 4-unit network, |x − 3| − 2·max(0, x − 6) + 2·max(0, x − 8): the zigzag
    /// 3, 2, 1, 0, 1, 2, 3, 2, 1, 2, 3 on x = 0...10.
    static let teacher = ReLUNetwork1D(w1: [-1, 1, 1, 1], b1: [3, -3, -6, -8], w2: [1, 1, -2, 2], b2: 0)

    @Test func fitterFindsAnExactSolutionOfAKnownNetwork() throws {
        let x = (0...10).map(Double.init)
        let t = Self.teacher.evaluate(x)
        #expect(t == [3, 2, 1, 0, 1, 2, 3, 2, 1, 2, 3])
        let configuration = ReLUFitConfiguration(starts: 8, steps: 20_000, learningRate: 0.02, seed: 1)
        let fit = ReLUFitter.fit(x: x, t: t, configuration: configuration)
        #expect(fit.starts.count == 8)
        #expect(fit.exactCount >= 1, "losses \(fit.starts.map(\.loss))")
        let best = fit.best
        #expect(best.isExact && best.maxResidual < 1e-6, "best loss \(best.loss), max residual \(best.maxResidual)")
        #expect(best.loss == fit.starts.map(\.loss).min())
        // The exact fit bends where the teacher does: near 3, 6 and 8.
        let kinks = best.final.kinks(inside: fit.range).map(\.x)
        for expected in [3.0, 6, 8] {
            #expect(kinks.contains { isClose($0, expected, absolute: 1) }, "kinks \(kinks)")
        }
        // Between data points the fit may differ from the teacher, but not at them.
        for (xi, ti) in zip(x, t) {
            #expect(isClose(best.final(xi), ti, absolute: 1e-6))
        }
    }

    @Test func fitIsDeterministicAndStartsAreIndependentOfTheirCount() {
        let x = [0, 1, 2, 3, 4.0], t = [1, 0, 1, 3, 2.0]
        let configuration = ReLUFitConfiguration(starts: 3, steps: 300, seed: 11, historyPoints: 20)
        let a = ReLUFitter.fit(x: x, t: t, configuration: configuration)
        let b = ReLUFitter.fit(x: x, t: t, configuration: configuration)
        #expect(a.starts == b.starts)
        var more = configuration
        more.starts = 5
        let c = ReLUFitter.fit(x: x, t: t, configuration: more)
        #expect(Array(c.starts.prefix(3)) == a.starts)
        var other = configuration
        other.seed = 12
        #expect(ReLUFitter.fit(x: x, t: t, configuration: other).starts[0].initial != a.starts[0].initial)
        // The loss curve starts at step 0 and ends at the last step with the final loss.
        let start = a.starts[0]
        #expect(start.historySteps.first == 0 && start.historySteps.last == 300)
        #expect(start.historyLosses.last == start.loss)
        #expect(start.historySteps.count == 21)
        #expect(start.historyMaxResiduals.count == 21 && start.historyMaxResiduals.last == start.maxResidual)
    }

    @Test func initialKinksLieInsideTheData() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let net = ReLUFitter.initialNetwork(x: [2, 3, 9], hiddenUnits: 4, rng: &rng)
            for j in 0..<4 {
                let kink = net.kink(ofUnit: j)!
                #expect(kink >= 2 && kink <= 9)
                #expect(abs(net.w1[j]) >= 0.5 && abs(net.w1[j]) <= 1.5)
            }
            #expect(net.b2 == 0)
        }
    }

    @Test func aTooLargeLearningRateIsReportedAsDiverged() {
        let x = [0, 1, 2.0], t = [0, 1e150, 0]
        let fit = ReLUFitter.fit(
            x: x, t: t, configuration: ReLUFitConfiguration(starts: 2, steps: 200, learningRate: 1e200, seed: 1))
        #expect(fit.starts.allSatisfy { $0.diverged && !$0.isExact })
    }

    @Test func validationNamesTheOption() {
        func option(_ change: (inout ReLUFitConfiguration) -> Void) -> String? {
            var c = ReLUFitConfiguration()
            change(&c)
            do {
                try c.validate()
                return nil
            } catch {
                return error.option
            }
        }
        #expect(option { _ in } == nil)
        #expect(option { $0.starts = 0 } == "--starts")
        #expect(option { $0.steps = 0 } == "--steps")
        #expect(option { $0.learningRate = -1 } == "--lr")
        #expect(option { $0.learningRate = .nan } == "--lr")
        #expect(option { $0.seed = 1 << 60 } == "--seed")
        #expect(option { $0.hiddenUnits = 0 } == "hidden units")
    }
}
