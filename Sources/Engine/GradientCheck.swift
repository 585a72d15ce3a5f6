import Randomness
import LinearAlgebra

/// The agreement between an analytic gradient (the engine's Float32 kernels) and a numerical
/// one (centred differences of a Double reference forward).
public struct GradientCheckResult: Sendable, Equatable {
    /// What was checked, cs231n style: "W1", "b1", ..., or "dense.W", "relu.x", "l2.W".
    public var name: String
    /// The largest element-wise relative error |a - n| / (|a| + |n|). The denominator is at least
    /// 1e-3 of the tensor's largest |a| + |n|, so entries far below the tensor's scale, where
    /// Float32 rounding dominates, are judged against that scale (cs231n's rel_error uses 1e-8).
    public var maxRelativeError: Double
    /// ‖a - n‖ / (‖a‖ + ‖n‖) over the whole tensor.
    public var normRelativeError: Double
    /// Elements compared.
    public var count: Int

    /// Whether the check passes `threshold`.
    public func passes(threshold: Double) -> Bool { maxRelativeError <= threshold }
}

/// cs231n-style numerical gradient checks of every layer kind, the loss, the L2 penalty and
/// whole small networks.
///
/// Each kernel is checked with a random upstream gradient R: the scalar checked is Σ f(x) ⊙ R
/// (cs231n's `eval_numerical_gradient_array`). Numerical gradients use centred differences with
/// step 1e-5 in Double; analytic gradients come from the Float32 kernels the trainer runs, so a
/// correct kernel shows errors around 1e-6 and a wrong one errors near 1.
public enum GradientCheck {
    /// The threshold `nnreport gradcheck` applies by default.
    public static let defaultThreshold = 1e-3

    /// Runs every check with inputs drawn from `seed`.
    public static func run(seed: UInt64 = 1) -> [GradientCheckResult] {
        var results: [GradientCheckResult] = []
        results += network(activation: .relu, dropout: 0.25, weightDecay: 0.01, seed: seed)
        for activation in [Activation.sigmoid, .tanh] {
            results += network(activation: activation, dropout: 0, weightDecay: 0, seed: seed)
                .map {
                    GradientCheckResult(
                        name: "\(activation.rawValue) net \($0.name)", maxRelativeError: $0.maxRelativeError,
                        normRelativeError: $0.normRelativeError, count: $0.count)
                }
        }
        results += dense(rows: 3, inputs: 7, outputs: 5, seed: seed)
        results += dense(rows: 1, inputs: 19, outputs: 4, seed: seed).map {
            GradientCheckResult(
                name: $0.name.replacingOccurrences(of: "dense", with: "dense[batch 1]"),
                maxRelativeError: $0.maxRelativeError, normRelativeError: $0.normRelativeError, count: $0.count)
        }
        for activation in Activation.allCases {
            results.append(self.activation(activation, rows: 3, columns: 6, seed: seed))
        }
        results.append(dropout(count: 24, rate: 0.4, seed: seed))
        results.append(softmaxCrossEntropy(rows: 4, classes: 5, seed: seed))
        results.append(weightDecay(lambda: 0.05, seed: seed))
        results += convolutional(seed: seed)
        return results
    }

    /// Compares analytic `a` with numerical `n`.
    public static func compare(name: String, analytic a: [Double], numerical n: [Double]) -> GradientCheckResult {
        precondition(a.count == n.count, "gradient sizes differ: \(a.count) vs \(n.count)")
        let scale = zip(a, n).map { abs($0) + abs($1) }.max() ?? 0
        let floor = max(scale * 1e-3, 1e-12)
        var maxError = 0.0, difference = 0.0, normA = 0.0, normN = 0.0
        for (x, y) in zip(a, n) {
            maxError = max(maxError, abs(x - y) / max(abs(x) + abs(y), floor))
            difference += (x - y) * (x - y)
            normA += x * x
            normN += y * y
        }
        let norm = difference.squareRoot() / max(normA.squareRoot() + normN.squareRoot(), 1e-12)
        return GradientCheckResult(name: name, maxRelativeError: maxError, normRelativeError: norm, count: a.count)
    }

    /// Uniform values in [-scale, scale], rounded to Float so both sides see the same numbers.
    static func randomValues(_ count: Int, scale: Double, _ generator: inout SplitMix64) -> [Double] {
        (0..<count).map { _ in Double(Float((2 * generator.nextUnitDouble() - 1) * scale)) }
    }
}
