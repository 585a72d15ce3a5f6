import Foundation

/// The standard normal distribution: the quantiles behind Wilson intervals.
public enum NormalDistribution {
    /// P(Z ≤ z), from `erfc` so that the lower tail keeps its relative precision far out
    /// (Φ(−10) = 7.6e-24, where 1 − Φ(10) computed by subtraction would be 0).
    public static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The z with P(Z ≤ z) = p, for 0 < p < 1.
    ///
    /// Acklam's rational approximation (relative error 1.2e-9), refined by one Halley step on
    /// ``cdf(_:)``, which brings it to full Double precision (1.959963984540054 for 0.975).
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a normal quantile needs 0 < p < 1, got \(p)")
        let a = [
            -3.969_683_028_665_376e+01, 2.209_460_984_245_205e+02, -2.759_285_104_469_687e+02,
            1.383_577_518_672_690e+02, -3.066_479_806_614_716e+01, 2.506_628_277_459_239e+00,
        ]
        let b = [
            -5.447_609_879_822_406e+01, 1.615_858_368_580_409e+02, -1.556_989_798_598_866e+02,
            6.680_131_188_771_972e+01, -1.328_068_155_288_572e+01,
        ]
        let c = [
            -7.784_894_002_430_293e-03, -3.223_964_580_411_365e-01, -2.400_758_277_161_838e+00,
            -2.549_732_539_343_734e+00, 4.374_664_141_464_968e+00, 2.938_163_982_698_783e+00,
        ]
        let d = [
            7.784_695_709_041_462e-03, 3.224_671_290_700_398e-01, 2.445_134_137_142_996e+00, 3.754_408_661_907_416e+00,
        ]
        let low = 0.024_25
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log1p(-p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // One Halley step: e is the error in probability, u the step in z it implies.
        let e = cdf(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}
