#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few libm functions Charts needs, so only this file imports the platform C library.
enum Math {
    static func log10(_ x: Double) -> Double { libmLog10(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
    static func cos(_ x: Double) -> Double { libmCos(x) }
    static func sin(_ x: Double) -> Double { libmSin(x) }

    /// `10^k` for an integer exponent; exact for |k| <= 22, where powers of ten are
    /// representable, which keeps `k * step` ticks free of accumulated error.
    static func pow10(_ k: Int) -> Double { libmPow(10, Double(k)) }

    /// `x * 10^k` without overflowing or underflowing in the power itself: 10^k alone is
    /// infinite beyond k = 308 and zero below k = -323, while `x * 10^k` may still be a
    /// perfectly finite number (a tick of 2.5 x 10^-321, a label value 10^308 / 10^308).
    /// Negative exponents divide by an exact power of ten, as `k * step` ticks need.
    static func timesPow10(_ x: Double, _ k: Int) -> Double {
        var x = x, k = k
        while k > 300 {
            x *= 1e300
            k -= 300
        }
        while k < -300 {
            x /= 1e300
            k += 300
        }
        return k >= 0 ? x * pow10(k) : x / pow10(-k)
    }

    /// The decimal exponent of a positive finite `magnitude`: 1234 -> 3, 0.002 -> -3, exact
    /// at powers of ten (log10 can land one off there) and for subnormal numbers.
    static func decimalExponent(of magnitude: Double) -> Int {
        precondition(
            magnitude > 0 && magnitude.isFinite, "a decimal exponent needs a positive finite value, got \(magnitude)")
        var e = Int(log10(magnitude).rounded(.down))
        if timesPow10(1, e) > magnitude { e -= 1 }
        if timesPow10(1, e + 1) <= magnitude { e += 1 }
        return e
    }

    /// `x` limited to the finite doubles (an overflowed sum becomes the largest finite value).
    static func clampedToFinite(_ x: Double) -> Double {
        precondition(!x.isNaN, "clampedToFinite: NaN")
        return min(max(x, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
    }
}

// File-scope helpers: here the bare names resolve to the C library, not to `Math`'s members.
private func libmLog10(_ x: Double) -> Double { log10(x) }
private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func libmCos(_ x: Double) -> Double { cos(x) }
private func libmSin(_ x: Double) -> Double { sin(x) }
