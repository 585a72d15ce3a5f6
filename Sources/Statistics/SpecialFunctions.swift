import Foundation

/// The special functions the tests of ``McNemarTest`` and ``WelchTest`` are built on: the log
/// of the gamma and beta functions and the regularized incomplete beta function
/// (SpecialFunctions+IncompleteBeta.swift).
///
/// Written here rather than taken from the C library: glibc's `lgamma` writes the global
/// `signgam`, a data race when sweeps and tests evaluate it on several threads at once.
public enum SpecialFunctions {
    /// Lanczos coefficients for g = 7, n = 9 (Godfrey's set): ln Γ to about 1e-15 relative for
    /// x ≥ 0.5.
    private static let lanczosG = 7.0
    private static let lanczos: [Double] = [
        0.999_999_999_999_809_93, 676.520_368_121_885_1, -1_259.139_216_722_402_8, 771.323_428_777_653_13,
        -176.615_029_162_140_59, 12.507_343_278_686_905, -0.138_571_095_265_720_12, 9.984_369_578_019_571_6e-6,
        1.505_632_735_149_311_6e-7,
    ]
    private static let halfLogTwoPi = 0.918_938_533_204_672_741_78

    /// ln Γ(x) for x > 0.
    ///
    /// Lanczos' approximation in log form, `½ ln 2π + (x − ½) ln t − t + ln A(x)` with
    /// `t = x + g − ½`, so that Γ(171.7) and beyond, which overflow a Double, still have finite
    /// logarithms (ln Γ(1e5) ≈ 1.05e6). Below ½ the reflection Γ(x)Γ(1 − x) = π / sin(πx)
    /// keeps the series where it converges well.
    ///
    /// - Precondition: `x > 0` and finite.
    public static func logGamma(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "logGamma is defined here for finite x > 0, got \(x)")
        if x < 0.5 {
            // Γ(x) = π / (sin(πx) Γ(1 − x)); sin(πx) > 0 on (0, ½).
            return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x)
        }
        let z = x - 1
        var sum = lanczos[0]
        for i in 1..<lanczos.count { sum += lanczos[i] / (z + Double(i)) }
        let t = z + lanczosG + 0.5
        return halfLogTwoPi + (z + 0.5) * log(t) - t + log(sum)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0.
    ///
    /// For large a and b the three terms are large and nearly cancel: the absolute error is
    /// about 1e-16 times ln Γ(a + b), which is the relative error of anything computed as
    /// `exp(… − logBeta)` (1e-11 for a + b = 1e5).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// ln C(n, k), the log of the binomial coefficient, for 0 ≤ k ≤ n.
    public static func logBinomialCoefficient(_ n: Int, _ k: Int) -> Double {
        precondition(k >= 0 && k <= n, "C(\(n), \(k)) needs 0 <= k <= n")
        if k == 0 || k == n { return 0 }
        return logGamma(Double(n) + 1) - logGamma(Double(k) + 1) - logGamma(Double(n - k) + 1)
    }
}
