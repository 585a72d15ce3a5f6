import Randomness
import Foundation

/// Fits a one-input ReLU network to a few points by gradient descent from several random starts.
///
/// Each start draws its own initial network from `SplitMix64(seed: seed, stream: start)` (so a
/// start does not depend on how many others run), then takes `steps` full-batch Adam steps on
/// the mean squared error, with the learning rate decaying along half a cosine to 0. Everything
/// is Double and sequential: the same configuration gives the same numbers.
public enum ReLUFitter {
    /// Fits `x` (n) → `t` (n) from every start of `configuration` (which must be valid).
    public static func fit(x: [Double], t: [Double], configuration: ReLUFitConfiguration) -> ReLUFit {
        precondition((try? configuration.validate()) != nil, "invalid fit configuration \(configuration)")
        precondition(x.count == t.count && !x.isEmpty, "need as many targets as inputs (at least one), got \(x.count) and \(t.count)")
        let starts = (0..<configuration.starts).map { k in
            var rng = SplitMix64(seed: configuration.seed, stream: UInt64(k))
            let initial = initialNetwork(x: x, hiddenUnits: configuration.hiddenUnits, rng: &rng)
            return train(initial, index: k, x: x, t: t, configuration: configuration)
        }
        return ReLUFit(x: x, t: t, configuration: configuration, starts: starts)
    }

    /// A random starting network whose kinks lie inside the data's x range.
    ///
    /// Unit j gets |W1_j| uniform in [0.5, 1.5] with a random sign and a kink c_j uniform over
    /// [min x, max x], so b1_j = −W1_j · c_j; W2_j is normal with standard deviation 0.5 and
    /// b2 = 0. (Biases of 0, as in He initialisation, would put every kink at x = 0, the edge of
    /// the data, and leave gradient descent to drag them all inside.)
    public static func initialNetwork(x: [Double], hiddenUnits: Int, rng: inout SplitMix64) -> ReLUNetwork1D {
        let lo = x.min()!, hi = x.max()!
        var w1: [Double] = [], b1: [Double] = [], w2: [Double] = []
        for _ in 0..<hiddenUnits {
            let sign: Double = rng.next() & 1 == 0 ? 1 : -1
            let w = sign * (0.5 + rng.nextUnitDouble())
            let kink = lo + (hi - lo) * rng.nextUnitDouble()
            w1.append(w)
            b1.append(0 - w * kink)
            w2.append(0.5 * rng.nextGaussian())
        }
        return ReLUNetwork1D(w1: w1, b1: b1, w2: w2, b2: 0)
    }

    /// Trains `initial` with full-batch Adam and records its loss curve.
    static func train(
        _ initial: ReLUNetwork1D, index: Int, x: [Double], t: [Double], configuration c: ReLUFitConfiguration
    ) -> ReLUStart {
        var net = initial
        // Adam's moments, shaped like the network.
        var m = ReLUNetwork1D(zerosWithHiddenUnits: net.hiddenUnits)
        var v = m
        let stride = max(1, c.steps / c.historyPoints)
        let schedule = LearningRateSchedule.cosine(minimum: 0)
        var historySteps: [Int] = [], historyLosses: [Double] = [], historyMaxResiduals: [Double] = []
        var diverged = false
        for step in 0..<c.steps {
            let (loss, g) = net.lossAndGradient(x: x, t: t)
            if step % stride == 0 {
                historySteps.append(step)
                historyLosses.append(loss)
                historyMaxResiduals.append(Self.maxAbsolute(net.residuals(x: x, t: t)))
            }
            // Once the loss is not finite, every further step only spreads NaN: stop this start.
            guard loss.isFinite else {
                diverged = true
                break
            }
            let lr = schedule.rate(base: c.learningRate, epoch: 1, step: step, totalSteps: c.steps)
            // Bias corrections 1 − β^(step+1), as in PyTorch.
            let correction1 = 1 - pow(c.beta1, Double(step + 1))
            let correction2 = 1 - pow(c.beta2, Double(step + 1))
            func update(_ p: inout Double, _ g: Double, _ m: inout Double, _ v: inout Double) {
                m = c.beta1 * m + (1 - c.beta1) * g
                v = c.beta2 * v + (1 - c.beta2) * g * g
                p -= lr * (m / correction1) / ((v / correction2).squareRoot() + c.epsilon)
            }
            for j in 0..<net.hiddenUnits {
                update(&net.w1[j], g.w1[j], &m.w1[j], &v.w1[j])
                update(&net.b1[j], g.b1[j], &m.b1[j], &v.b1[j])
                update(&net.w2[j], g.w2[j], &m.w2[j], &v.w2[j])
            }
            update(&net.b2, g.b2, &m.b2, &v.b2)
        }
        let residuals = net.residuals(x: x, t: t)
        let loss = residuals.reduce(0) { $0 + $1 * $1 } / Double(residuals.count)
        let maxResidual = Self.maxAbsolute(residuals)
        if !diverged {
            historySteps.append(c.steps)
            historyLosses.append(loss)
            historyMaxResiduals.append(maxResidual)
        }
        return ReLUStart(
            index: index, initial: initial, final: net, loss: loss, maxResidual: maxResidual,
            isExact: maxResidual.isFinite && maxResidual < c.exactTolerance, diverged: diverged || !loss.isFinite,
            deadUnits: net.deadUnits(on: x), historySteps: historySteps, historyLosses: historyLosses,
            historyMaxResiduals: historyMaxResiduals)
    }

    /// max |r_i|, NaN when any r_i is NaN (so a blown-up fit never counts as exact).
    static func maxAbsolute(_ r: [Double]) -> Double {
        var worst = 0.0
        for v in r {
            if v.isNaN { return .nan }
            worst = max(worst, abs(v))
        }
        return worst
    }
}
